-- The coded values extracts.md §1 accepts, column list by column list: each spelling
-- (orthographe) and the code it stands for. A value is looked up as written, then folded
-- (plier); an unknown value is kept upper-cased and counts in no indicator. The one list of
-- them: validation reads it (code_canonique, sql/validate/001_codes.sql), and so do the views
-- that count only known event types and measure categories (evenement_compte, stg_mesures).
SELECT * FROM (VALUES
    ('sexe', 'F', 'F'), ('sexe', 'H', 'H'), ('sexe', 'M', 'H'), ('sexe', '1', 'H'), ('sexe', '2', 'F'),
    ('niveau', 'VI', 'VI'), ('niveau', 'VBIS', 'VBIS'), ('niveau', 'V', 'V'), ('niveau', 'IV', 'IV'),
    ('niveau', 'III', 'III'), ('niveau', 'II', 'II'), ('niveau', 'I', 'I'), ('niveau', '1', '1'),
    ('niveau', '2', '2'), ('niveau', '3', '3'), ('niveau', '4', '4'), ('niveau', '5', '5'),
    ('niveau', '6', '6'), ('niveau', '7', '7'), ('niveau', '8', '8'),
    ('type_evenement', 'ENTRETIEN_INDIVIDUEL', 'ENTRETIEN_INDIVIDUEL'),
    ('type_evenement', 'INFORMATION_COLLECTIVE', 'INFORMATION_COLLECTIVE'),
    ('type_evenement', 'ATELIER', 'ATELIER'), ('type_evenement', 'TELEPHONE', 'TELEPHONE'),
    ('type_evenement', 'EMAIL', 'EMAIL'), ('type_evenement', 'SMS', 'SMS'),
    ('type_evenement', 'COURRIER', 'COURRIER'), ('type_evenement', 'ENTRETIEN_PARTENAIRE', 'ENTRETIEN_PARTENAIRE'),
    ('type_evenement', 'VISITE', 'VISITE'), ('type_evenement', 'MISE_EN_RELATION', 'MISE_EN_RELATION'),
    ('statut', 'REALISE', 'REALISE'), ('statut', 'PRESENT', 'REALISE'), ('statut', 'ABSENT', 'ABSENT'),
    ('statut', 'ANNULE', 'ANNULE'), ('statut', 'PREVU', 'PREVU'), ('statut', 'REPORTE', 'REPORTE'),
    ('categorie', 'PACEA', 'PACEA'), ('categorie', 'GARANTIE_JEUNES', 'GARANTIE_JEUNES'), ('categorie', 'CEJ', 'CEJ'),
    ('categorie', 'PARRAINAGE', 'PARRAINAGE'), ('categorie', 'PMSMP', 'PMSMP'),
    ('categorie', 'APPRENTISSAGE', 'APPRENTISSAGE'), ('categorie', 'CONTRAT_PRO', 'CONTRAT_PRO'),
    ('categorie', 'EMPLOI_CDI', 'EMPLOI_CDI'), ('categorie', 'EMPLOI_CDD', 'EMPLOI_CDD'),
    ('categorie', 'FORMATION', 'FORMATION'), ('categorie', 'SCOLARITE', 'SCOLARITE'), ('categorie', 'CEP', 'CEP'),
    ('categorie', 'CPF', 'CPF'), ('categorie', 'REPERAGE_ILLETTRISME', 'REPERAGE_ILLETTRISME'),
    ('categorie', 'JUSTICE', 'JUSTICE'),
    ('region', '01', '01'), ('region', '02', '02'), ('region', '03', '03'), ('region', '04', '04'),
    ('region', '06', '06'), ('region', '10', '10'), ('region', '11', '11'), ('region', '24', '24'),
    ('region', '27', '27'), ('region', '28', '28'), ('region', '32', '32'), ('region', '44', '44'),
    ('region', '52', '52'), ('region', '53', '53'), ('region', '75', '75'), ('region', '76', '76'),
    ('region', '84', '84'), ('region', '93', '93'), ('region', '94', '94')
) t(liste, orthographe, code)

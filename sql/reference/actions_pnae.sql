-- The 13 actions of the PNAE 2018-2020 (extracts.md §4.4, seed part 3): the one list of them.
-- The warehouse stores these rows as the table actions_pnae when it is prepared; the Go that
-- writes and reads the ARML workbook and the reports reads the same lines (sqlfiles.Actions),
-- so each row stays on one line: (number, 'title').
SELECT * FROM (VALUES
    (1, 'Favoriser la mise en œuvre et l''appropriation du système d''information I-milo'),
    (2, 'Accompagner la stratégie numérique des missions locales'),
    (3, 'Optimiser le partenariat avec les acteurs de la formation et développer l''alternance en direction des jeunes des missions locales, en coopération avec les OPCA et les réseaux consulaires, dans le cadre du Plan d''investissement compétences (PIC)'),
    (4, 'Développer les partenariats avec le monde économique'),
    (5, 'Accompagner le déploiement du PACEA et de la Garantie jeunes par les missions locales'),
    (6, 'Appuyer le déploiement du conseil en évolution professionnelle (CEP) dans les missions locales dans le cadre du Plan d''investissement compétences (PIC)'),
    (7, 'Accentuer et soutenir le déploiement du compte personnel formation (CPF) et du compte personnel d''activité (CPA) dans le cadre du Plan d''investissement compétences (PIC)'),
    (8, 'Lutter contre l''illettrisme et favoriser l''acquisition des savoirs de base en situation professionnelle, dans le cadre du Plan d''investissement compétences (PIC)'),
    (9, 'Promouvoir le parrainage des jeunes par des salariés et des bénévoles retraités'),
    (10, 'Favoriser l''accès aux dispositifs d''accompagnement des jeunes sous main de justice et lutter contre la récidive'),
    (11, 'Développer les compétences et l''accès à l''emploi des jeunes en outre-mer'),
    (12, 'Construire et déployer le socle commun de l''offre de services des missions locales (suite des travaux du SG MAP/DGEFP)'),
    (13, 'Produire le bilan d''activité annuel des missions locales et des ARML')
) AS actions(action, intitule)

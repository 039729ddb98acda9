-- kind: mesures
-- id: id_mesure
-- ids: id_jeune, id_parrain
-- insert: id_mesure, pseudo_jeune, code_structure, coalesce(categorie_code, upper(categorie)), date_debut_date, date_fin_date, siret_siret, pseudo_parrain
-- The measures' rows as the rules read them (see lignes_evenements.sql); the mentor's id
-- arrives pseudonymised too.
SELECT s.*,
    s.id_jeune AS pseudo_jeune, coalesce(y.connu, false) AS jeune_connu, coalesce(y.rejete, false) AS jeune_rejete,
    s.id_parrain AS pseudo_parrain,
    coalesce(d.premier_rang, s.rang) AS premier_rang,
    st.region AS structure_region, st.technique AS structure_technique,
    code_canonique('categorie', s.categorie) AS categorie_code,
    lire_date(s.date_debut) AS date_debut_date,
    lire_date(s.date_fin) AS date_fin_date,
    CASE WHEN siret_valide(s.siret) THEN siret_lu(s.siret) END AS siret_siret,
    CAST(getvariable('exercice') AS INTEGER) AS exercice
FROM v_stage s
LEFT JOIN v_doublons d ON d.id = s.id_mesure
LEFT JOIN v_statut y ON y.id = s.id_jeune
LEFT JOIN v_structures st USING (code_structure)

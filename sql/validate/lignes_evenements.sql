-- kind: evenements
-- id: id_evenement
-- ids: id_jeune
-- insert: id_evenement, pseudo_jeune, code_structure, date_evenement_date, coalesce(type_evenement_code, upper(type_evenement)), coalesce(statut_code, upper(statut)), siret_siret
-- The events' rows as the rules read them (v_stage: the file's fields, id_jeune pseudonymised
-- by the Go pass; v_statut: each youth pseudonym kept or rejected; v_structures: the referential).
SELECT s.*,
    s.id_jeune AS pseudo_jeune, coalesce(y.connu, false) AS jeune_connu, coalesce(y.rejete, false) AS jeune_rejete,
    coalesce(d.premier_rang, s.rang) AS premier_rang,
    st.region AS structure_region, st.technique AS structure_technique,
    lire_date(s.date_evenement) AS date_evenement_date,
    code_canonique('type_evenement', s.type_evenement) AS type_evenement_code,
    code_canonique('statut', s.statut) AS statut_code,
    CASE WHEN siret_valide(s.siret) THEN siret_lu(s.siret) END AS siret_siret,
    CAST(getvariable('exercice') AS INTEGER) AS exercice
FROM v_stage s
LEFT JOIN v_doublons d ON d.id = s.id_evenement
LEFT JOIN v_statut y ON y.id = s.id_jeune
LEFT JOIN v_structures st USING (code_structure)

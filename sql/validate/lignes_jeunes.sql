-- kind: jeunes
-- id: id_jeune
-- ids: id_jeune
-- insert: pseudo_jeune, code_structure, date_naissance_date, coalesce(sexe_code, upper(sexe)), coalesce(niveau_formation_code, upper(niveau_formation)), diplome_obtenu_booleen, qpv_booleen, zrr_booleen, date_premier_accueil_date
-- The youths' rows as the rules read them (v_stage: the file's fields; v_structures: the
-- referential the call is checked against). id_jeune arrives pseudonymised (the Go pass).
SELECT s.*,
    s.id_jeune AS pseudo_jeune,
    coalesce(d.premier_rang, s.rang) AS premier_rang,
    st.region AS structure_region, st.technique AS structure_technique,
    lire_date(s.date_naissance) AS date_naissance_date,
    code_canonique('sexe', s.sexe) AS sexe_code,
    code_canonique('niveau', s.niveau_formation) AS niveau_formation_code,
    lire_booleen(s.diplome_obtenu) AS diplome_obtenu_booleen,
    lire_booleen(s.qpv) AS qpv_booleen,
    lire_booleen(s.zrr) AS zrr_booleen,
    lire_date(s.date_premier_accueil) AS date_premier_accueil_date,
    CAST(getvariable('exercice') AS INTEGER) AS exercice,
    getvariable('perimetre') AS perimetre
FROM v_stage s
LEFT JOIN v_doublons d ON d.id = s.id_jeune
LEFT JOIN v_structures st USING (code_structure)

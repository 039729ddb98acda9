-- id: NUM_APPEL_OFFRES_EN_COURS
-- title: ARML dont l'appel d'offres est en cours
-- definition: ARML ayant répondu EN_COURS à la question 3 (appel d'offres)
-- source: classeurs ARML, feuille « enquete_numerique »
-- unit: ARML
-- coverage: classeurs
-- levels: region, national
-- section: Enquête numérique, 5
-- short: Appel d'offres en cours
SELECT
    CASE WHEN GROUPING(region) = 0 THEN 'region' ELSE 'national' END AS niveau,
    coalesce(region, 'FR') AS code,
    count(*) FILTER (WHERE q3_appel_offres = 'EN_COURS') AS valeur
FROM stg_arml_reponses
GROUP BY GROUPING SETS ((region), ())

-- id: NUM_APPEL_OFFRES_EN_COURS
-- title: ARML dont l'appel d'offres est en cours
-- definition: ARML ayant répondu EN_COURS à la question 3 (appel d'offres)
-- source: classeurs ARML, feuille « enquete_numerique »
-- unit: ARML
-- coverage: classeurs
-- levels: region, national
WITH final AS (
    SELECT c.region, e.region IS NOT NULL AS repondante, e.* EXCLUDE (region)
    FROM stg_classeurs c LEFT JOIN stg_arml_enquete e USING (region)
)
SELECT
    CASE WHEN GROUPING(region) = 0 THEN 'region' ELSE 'national' END AS niveau,
    coalesce(region, 'FR') AS code,
    count(*) FILTER (WHERE q3_appel_offres = 'EN_COURS') AS valeur
FROM final
GROUP BY GROUPING SETS ((region), ())

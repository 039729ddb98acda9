-- id: NUM_REPONDANTS
-- title: ARML répondantes à l'enquête numérique
-- definition: ARML dont la feuille « enquete_numerique » du classeur a été chargée
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
    count(*) FILTER (WHERE repondante) AS valeur
FROM final
GROUP BY GROUPING SETS ((region), ())

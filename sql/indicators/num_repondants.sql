-- id: NUM_REPONDANTS
-- title: ARML répondantes à l'enquête numérique
-- definition: ARML dont la feuille « enquete_numerique » du classeur a été chargée
-- source: classeurs ARML, feuille « enquete_numerique »
-- unit: ARML
-- coverage: classeurs
-- levels: region, national
-- section: Enquête numérique, 1
-- short: Répondantes
SELECT
    CASE WHEN GROUPING(region) = 0 THEN 'region' ELSE 'national' END AS niveau,
    coalesce(region, 'FR') AS code,
    count(*) FILTER (WHERE repondante) AS valeur
FROM stg_arml_reponses
GROUP BY GROUPING SETS ((region), ())

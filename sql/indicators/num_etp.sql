-- id: NUM_ETP
-- title: Moyens humains déclarés (ETP)
-- definition: somme des équivalents temps plein nécessaires déclarés à la question 7 ; vide quand aucune ARML n'en a déclaré
-- source: classeurs ARML, feuille « enquete_numerique »
-- unit: ETP
-- coverage: classeurs
-- levels: region, national
WITH final AS (
    SELECT c.region, e.region IS NOT NULL AS repondante, e.* EXCLUDE (region)
    FROM stg_classeurs c LEFT JOIN stg_arml_enquete e USING (region)
)
SELECT
    CASE WHEN GROUPING(region) = 0 THEN 'region' ELSE 'national' END AS niveau,
    coalesce(region, 'FR') AS code,
    sum(q7_etp) AS valeur
FROM final
GROUP BY GROUPING SETS ((region), ())

-- id: NUM_INTEROP
-- title: ARML demandant une interopérabilité avec I-milo
-- definition: ARML ayant répondu OUI à la question 5 (interopérabilité avec I-milo); « NC », « Non concerné » et les cases vides ne comptent ni comme oui ni comme non
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
    count(*) FILTER (WHERE q5_interop_imilo) AS valeur
FROM final
GROUP BY GROUPING SETS ((region), ())

-- id: NUM_PRESTATAIRES
-- title: ARML ayant sollicité des prestataires
-- definition: ARML ayant répondu OUI à la question 2 (prestataires ou cabinets sollicités) ; « NC », « Non concerné » et les cases vides ne comptent ni comme oui ni comme non
-- source: classeurs ARML, feuille « enquete_numerique »
-- unit: ARML
-- coverage: classeurs
-- levels: region, national
-- section: Enquête numérique, 3
-- short: Prestataires
SELECT
    CASE WHEN GROUPING(region) = 0 THEN 'region' ELSE 'national' END AS niveau,
    coalesce(region, 'FR') AS code,
    count(*) FILTER (WHERE q2_prestataires) AS valeur
FROM stg_arml_reponses
GROUP BY GROUPING SETS ((region), ())

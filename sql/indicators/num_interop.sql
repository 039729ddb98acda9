-- id: NUM_INTEROP
-- title: ARML demandant une interopérabilité avec I-milo
-- definition: ARML ayant répondu OUI à la question 5 (interopérabilité avec I-milo) ; « NC », « Non concerné » et les cases vides ne comptent ni comme oui ni comme non
-- source: classeurs ARML, feuille « enquete_numerique »
-- unit: ARML
-- coverage: classeurs
-- levels: region, national
-- section: Enquête numérique, 6
-- short: Interop. I-milo
SELECT
    CASE WHEN GROUPING(region) = 0 THEN 'region' ELSE 'national' END AS niveau,
    coalesce(region, 'FR') AS code,
    count(*) FILTER (WHERE q5_interop_imilo) AS valeur
FROM stg_arml_reponses
GROUP BY GROUPING SETS ((region), ())

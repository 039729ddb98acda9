-- id: NUM_PRESTATAIRES
-- title: ARML ayant sollicité des prestataires
-- definition: ARML ayant répondu OUI à la question 2 (prestataires ou cabinets sollicités) ; « NC », « Non concerné » et les cases vides ne comptent ni comme oui ni comme non
-- source: classeurs ARML, feuille « enquete_numerique »
-- unit: ARML
-- coverage: classeurs
-- levels: region, national
-- section: Enquête numérique, 3
-- short: Prestataires
WITH source AS (
    SELECT region, q2_prestataires
    FROM stg_arml_reponses
)
SELECT * FROM par_region('source', count(*) FILTER (WHERE q2_prestataires))

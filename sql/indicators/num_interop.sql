-- id: NUM_INTEROP
-- title: ARML demandant une interopérabilité avec I-milo
-- definition: ARML ayant répondu OUI à la question 5 (interopérabilité avec I-milo) ; « NC », « Non concerné » et les cases vides ne comptent ni comme oui ni comme non
-- source: classeurs ARML, feuille « enquete_numerique »
-- unit: ARML
-- coverage: classeurs
-- levels: region, national
-- section: Enquête numérique, 6
-- short: Interop. I-milo
WITH source AS (
    SELECT region, q5_interop_imilo
    FROM stg_arml_reponses
)
SELECT * FROM par_region('source', count(*) FILTER (WHERE q5_interop_imilo))

-- id: NUM_REPONDANTS
-- title: ARML répondantes à l'enquête numérique
-- definition: ARML dont la feuille « enquete_numerique » du classeur a été chargée
-- source: classeurs ARML, feuille « enquete_numerique »
-- unit: ARML
-- coverage: classeurs
-- levels: region, national
-- section: Enquête numérique, 1
-- short: Répondantes
WITH source AS (
    SELECT region, repondante
    FROM stg_arml_reponses
)
SELECT * FROM par_region('source', count(*) FILTER (WHERE repondante))

-- id: NUM_APPEL_OFFRES_EN_COURS
-- title: ARML dont l'appel d'offres est en cours
-- definition: ARML ayant répondu EN_COURS à la question 3 (appel d'offres)
-- source: classeurs ARML, feuille « enquete_numerique »
-- unit: ARML
-- coverage: classeurs
-- levels: region, national
-- section: Enquête numérique, 5
-- short: Appel d'offres en cours
WITH source AS (
    SELECT region, q3_appel_offres
    FROM stg_arml_reponses
)
SELECT * FROM par_region('source', count(*) FILTER (WHERE q3_appel_offres = 'EN_COURS'))

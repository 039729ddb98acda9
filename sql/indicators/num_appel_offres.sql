-- id: NUM_APPEL_OFFRES
-- title: ARML ayant lancé un appel d'offres
-- definition: ARML ayant répondu OUI à la question 3 (appel d'offres) ; les réponses « en cours » sont comptées à part (NUM_APPEL_OFFRES_EN_COURS) ; « NC », « Non concerné » et les cases vides ne comptent ni comme oui ni comme non
-- source: classeurs ARML, feuille « enquete_numerique »
-- unit: ARML
-- coverage: classeurs
-- levels: region, national
-- section: Enquête numérique, 4
-- short: Appel d'offres
WITH source AS (
    SELECT region, q3_appel_offres
    FROM stg_arml_reponses
)
SELECT * FROM par_region('source', count(*) FILTER (WHERE q3_appel_offres = 'OUI'))

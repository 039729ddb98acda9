-- id: NUM_PLAN
-- title: ARML dotées d'une stratégie numérique régionale
-- definition: ARML ayant répondu OUI à la question 1 (plan d'action numérique régional) ; « NC », « Non concerné » et les cases vides ne comptent ni comme oui ni comme non
-- source: classeurs ARML, feuille « enquete_numerique »
-- unit: ARML
-- coverage: classeurs
-- levels: region, national
-- section: Enquête numérique, 2
-- short: Plan régional
WITH source AS (
    SELECT region, q1_plan_action
    FROM stg_arml_reponses
)
SELECT * FROM par_region('source', count(*) FILTER (WHERE q1_plan_action))

-- id: NUM_ETP
-- title: Moyens humains déclarés (ETP)
-- definition: somme des équivalents temps plein nécessaires déclarés à la question 7 ; vide quand aucune ARML n'en a déclaré
-- source: classeurs ARML, feuille « enquete_numerique »
-- unit: ETP
-- coverage: classeurs
-- levels: region, national
-- section: Coût numérique, 5
-- short: ETP
WITH source AS (
    SELECT region, q7_etp
    FROM stg_arml_reponses
)
SELECT * FROM par_region('source', sum(q7_etp))

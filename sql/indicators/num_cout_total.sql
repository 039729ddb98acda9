-- id: NUM_COUT_TOTAL
-- title: Coût total déclaré, euros
-- definition: par ARML, le coût total de la question 6 quand il est donné, sinon la somme des comptes 60, 61 et 62 renseignés, sinon rien ; somme sur les ARML ; vide quand aucune n'a chiffré son coût
-- source: classeurs ARML, feuille « enquete_numerique »
-- unit: euros
-- coverage: classeurs
-- levels: region, national
-- section: Coût numérique, 4
-- short: Coût total
WITH source AS (
    SELECT region, cout_total
    FROM stg_arml_reponses
)
SELECT * FROM par_region('source', sum(cout_total))

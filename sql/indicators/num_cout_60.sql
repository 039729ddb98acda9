-- id: NUM_COUT_60
-- title: Coût déclaré sur le compte 60 (achats), euros
-- definition: somme des coûts de la stratégie numérique déclarés sur le compte 60 (achats) à la question 6 ; vide quand aucune ARML n'a ventilé son coût
-- source: classeurs ARML, feuille « enquete_numerique »
-- unit: euros
-- coverage: classeurs
-- levels: region, national
-- section: Coût numérique, 1
-- short: Compte 60
WITH source AS (
    SELECT region, q6_cout_compte_60
    FROM stg_arml_reponses
)
SELECT * FROM par_region('source', sum(q6_cout_compte_60))

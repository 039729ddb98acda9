-- id: NUM_COUT_TOTAL
-- title: Coût total déclaré, euros
-- definition: par ARML, le coût total de la question 6 quand il est donné, sinon la somme des comptes 60, 61 et 62 renseignés, sinon rien ; somme sur les ARML ; vide quand aucune n'a chiffré son coût
-- source: classeurs ARML, feuille « enquete_numerique »
-- unit: euros
-- coverage: classeurs
-- levels: region, national
-- section: Coût numérique, 4
-- short: Coût total
SELECT
    CASE WHEN GROUPING(region) = 0 THEN 'region' ELSE 'national' END AS niveau,
    coalesce(region, 'FR') AS code,
    sum(cout_total) AS valeur
FROM stg_arml_reponses
GROUP BY GROUPING SETS ((region), ())

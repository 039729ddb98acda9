-- id: NUM_ETP
-- title: Moyens humains déclarés (ETP)
-- definition: somme des équivalents temps plein nécessaires déclarés à la question 7 ; vide quand aucune ARML n'en a déclaré
-- source: classeurs ARML, feuille « enquete_numerique »
-- unit: ETP
-- coverage: classeurs
-- levels: region, national
-- section: Coût numérique, 5
-- short: ETP
SELECT
    CASE WHEN GROUPING(region) = 0 THEN 'region' ELSE 'national' END AS niveau,
    coalesce(region, 'FR') AS code,
    sum(q7_etp) AS valeur
FROM stg_arml_reponses
GROUP BY GROUPING SETS ((region), ())

-- id: PAR_JEUNES
-- title: Jeunes parrainés
-- definition: jeunes ayant une mesure de parrainage active pendant l'exercice (débutée au plus tard le 31/12 et non terminée avant le 01/01) ; chaque jeune est compté une fois par territoire, dans celui de sa structure de rattachement
-- source: extraits I-milo « jeunes », « mesures »
-- unit: jeunes
-- coverage: extraits
-- section: Parrainage, 4
-- short: Jeunes parrainés
-- headline: yes
WITH final AS (
    SELECT m.jeune_ml AS ml, m.jeune_departement AS departement, m.jeune_region AS region, m.id_jeune
    FROM stg_mesures m
    WHERE m.categorie IN ('PARRAINAGE')
      AND m.active
)
SELECT
    niveau(GROUPING(ml, departement, region)) AS niveau,
    coalesce(ml, departement, region, 'FR') AS code,
    count(DISTINCT id_jeune) AS valeur
FROM final
GROUP BY GROUPING SETS ((ml), (departement), (region), ())

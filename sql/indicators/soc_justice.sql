-- id: SOC_JUSTICE
-- title: Jeunes sous main de justice accompagnés
-- definition: jeunes ayant une mesure d'accompagnement « sous main de justice » active pendant l'exercice ; chaque jeune est compté une fois par territoire, dans celui de sa structure de rattachement
-- source: extraits I-milo « jeunes », « mesures »
-- unit: jeunes
-- coverage: extraits
-- section: Justice, 1
-- short: Sous main de justice
WITH final AS (
    SELECT m.jeune_ml AS ml, m.jeune_departement AS departement, m.jeune_region AS region, m.id_jeune
    FROM stg_mesures m
    WHERE m.categorie IN ('JUSTICE')
      AND m.active
)
SELECT
    niveau(GROUPING(ml, departement, region)) AS niveau,
    coalesce(ml, departement, region, 'FR') AS code,
    count(DISTINCT id_jeune) AS valeur
FROM final
GROUP BY GROUPING SETS ((ml), (departement), (region), ())

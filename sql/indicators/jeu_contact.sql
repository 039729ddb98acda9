-- id: JEU_CONTACT
-- title: Jeunes en contact
-- definition: jeunes ayant au moins un événement réalisé, de tout type, daté dans l'exercice ; chaque jeune est compté dans le territoire de sa structure de rattachement
-- source: extraits I-milo « jeunes », « evenements »
-- unit: jeunes
-- coverage: extraits
WITH final AS (  -- one row per youth and territory before the four groupings: same count, far fewer rows
    SELECT DISTINCT e.jeune_ml AS ml, e.jeune_departement AS departement, e.jeune_region AS region, e.id_jeune
    FROM stg_evenements e, params p
    WHERE e.realise AND year(e.date_evenement) = p.exercice
)
SELECT
    niveau(GROUPING(ml, departement, region)) AS niveau,
    coalesce(ml, departement, region, 'FR') AS code,
    count(DISTINCT id_jeune) AS valeur
FROM final
GROUP BY GROUPING SETS ((ml), (departement), (region), ())

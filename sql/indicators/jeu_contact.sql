-- id: JEU_CONTACT
-- title: Jeunes en contact
-- definition: jeunes ayant au moins un événement réalisé, de tout type, daté dans l'exercice ; chaque jeune est compté dans le territoire de sa structure de rattachement
-- source: extraits I-milo « jeunes », « evenements »
-- unit: jeunes
-- coverage: extraits
-- section: Jeunes, 1
-- short: Jeunes en contact
-- headline: yes
-- A region's youths come from one batch (stg_jeunes), each once: counting rows is exact
-- below France, where a youth of two batches (two regions) counts once.
SELECT
    niveau(GROUPING(ml, departement, region)) AS niveau,
    coalesce(ml, departement, region) AS code,
    count(*) AS valeur
FROM stg_jeunes_activite
WHERE contact
GROUP BY GROUPING SETS ((ml), (departement), (region))
UNION ALL
SELECT 'national', 'FR', count(DISTINCT id_jeune)
FROM stg_jeunes_activite
WHERE contact

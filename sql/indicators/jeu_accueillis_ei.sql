-- id: JEU_ACCUEILLIS_EI
-- title: Jeunes reçus en entretien individuel
-- definition: jeunes ayant au moins un entretien individuel réalisé daté dans l'exercice ; chaque jeune est compté dans le territoire de sa structure de rattachement
-- source: extraits I-milo « jeunes », « evenements »
-- unit: jeunes
-- coverage: extraits
-- section: Jeunes, 3
-- short: dont entretien indiv.
-- headline: yes
-- A region's youths come from one batch (stg_jeunes), each once: counting rows is exact
-- below France, where a youth of two batches (two regions) counts once.
SELECT
    niveau(GROUPING(ml, departement, region)) AS niveau,
    coalesce(ml, departement, region) AS code,
    count(*) AS valeur
FROM stg_jeunes_activite
WHERE accueilli_ei
GROUP BY GROUPING SETS ((ml), (departement), (region))
UNION ALL
SELECT 'national', 'FR', count(DISTINCT id_jeune)
FROM stg_jeunes_activite
WHERE accueilli_ei

-- id: JEU_JDI
-- title: Jeunes en demande d'insertion (JDI) au 31/12
-- definition: jeunes ayant au moins un entretien individuel, une information collective ou un atelier réalisé dans la fenêtre ]D − n mois ; D] (par défaut n = 5 et D = 31/12 de l'exercice, soit du 01/08 au 31/12 ; mois retranchés au calendrier, jour ramené à la fin du mois) ; chaque jeune est compté dans le territoire de sa structure de rattachement
-- source: extraits I-milo « jeunes », « evenements » ; PNAE 2018-2020, note 1 p. 11
-- unit: jeunes
-- coverage: extraits
-- section: Jeunes, 5
-- short: JDI au 31/12
-- headline: yes
-- A region's youths come from one batch (stg_jeunes), each once: counting rows is exact
-- below France, where a youth of two batches (two regions) counts once.
SELECT
    niveau(GROUPING(ml, departement, region)) AS niveau,
    coalesce(ml, departement, region) AS code,
    count(*) AS valeur
FROM stg_jeunes_activite
WHERE jdi
GROUP BY GROUPING SETS ((ml), (departement), (region))
UNION ALL
SELECT 'national', 'FR', count(DISTINCT id_jeune)
FROM stg_jeunes_activite
WHERE jdi

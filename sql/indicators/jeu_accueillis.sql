-- id: JEU_ACCUEILLIS
-- title: Jeunes reçus en entretien
-- definition: jeunes ayant au moins un entretien individuel, une information collective ou un atelier réalisé daté dans l'exercice ; chaque jeune est compté dans le territoire de sa structure de rattachement
-- source: extraits I-milo « jeunes », « evenements »
-- unit: jeunes
-- coverage: extraits
-- section: Jeunes, 2
-- short: Reçus en entretien
-- headline: yes
WITH source AS (
    SELECT ml, departement, region, id_jeune, profil, plusieurs_lots
    FROM stg_jeunes_activite
    WHERE accueilli
)
SELECT * FROM jeunes_par_territoire('source', count(*))

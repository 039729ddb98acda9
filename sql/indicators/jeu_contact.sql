-- id: JEU_CONTACT
-- title: Jeunes en contact
-- definition: jeunes ayant au moins un événement réalisé, de tout type, daté dans l'exercice ; chaque jeune est compté dans le territoire de sa structure de rattachement
-- source: extraits I-milo « jeunes », « evenements »
-- unit: jeunes
-- coverage: extraits
-- section: Jeunes, 1
-- short: Jeunes en contact
-- headline: yes
WITH source AS (
    SELECT ml, departement, region, id_jeune, profil, plusieurs_lots
    FROM stg_jeunes_activite
    WHERE contact
)
SELECT * FROM jeunes_par_territoire('source', count(*))

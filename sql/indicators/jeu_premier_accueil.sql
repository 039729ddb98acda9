-- id: JEU_PREMIER_ACCUEIL
-- title: Jeunes en premier accueil
-- definition: jeunes dont la date de premier accueil est dans l'exercice ; chaque jeune est compté dans le territoire de sa structure de rattachement
-- source: extraits I-milo « jeunes »
-- unit: jeunes
-- coverage: extraits
-- section: Jeunes, 4
-- short: Premiers accueils
-- headline: yes
WITH source AS (
    SELECT j.ml, j.departement, j.region, j.id_jeune, j.profil, j.plusieurs_lots
    FROM stg_jeunes j, params p
    WHERE year(j.date_premier_accueil) = p.exercice
)
SELECT * FROM jeunes_par_territoire('source', count(*))

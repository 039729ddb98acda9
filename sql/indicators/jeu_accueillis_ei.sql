-- id: JEU_ACCUEILLIS_EI
-- title: Jeunes reçus en entretien individuel
-- definition: jeunes ayant au moins un entretien individuel réalisé daté dans l'exercice ; chaque jeune est compté dans le territoire de sa structure de rattachement
-- source: extraits I-milo « jeunes », « evenements »
-- unit: jeunes
-- coverage: extraits
-- section: Jeunes, 3
-- short: dont entretien indiv.
-- headline: yes
WITH source AS (
    SELECT ml, departement, region, id_jeune, profil, plusieurs_lots
    FROM stg_jeunes_activite
    WHERE accueilli_ei
)
SELECT * FROM jeunes_par_territoire('source', count(*))

-- id: EMP_ENTREES_EMPLOI
-- title: Jeunes entrés en emploi
-- definition: jeunes ayant au moins une entrée en emploi (CDI ou CDD) dans l'exercice ; chaque jeune est compté une fois par territoire, dans celui de sa structure de rattachement
-- source: extraits I-milo « jeunes », « mesures »
-- unit: jeunes
-- coverage: extraits
-- section: Emploi, 5
-- short: Entrées en emploi
WITH source AS (
    SELECT jeune_ml AS ml, jeune_departement AS departement, jeune_region AS region, id_jeune,
        jeune_profil AS profil, jeune_plusieurs_lots AS plusieurs_lots
    FROM stg_mesures
    WHERE categorie IN ('EMPLOI_CDI', 'EMPLOI_CDD') AND entree
)
SELECT * FROM jeunes_par_territoire('source', count(DISTINCT id_jeune))

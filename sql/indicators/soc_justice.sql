-- id: SOC_JUSTICE
-- title: Jeunes sous main de justice accompagnés
-- definition: jeunes ayant une mesure d'accompagnement « sous main de justice » active pendant l'exercice ; chaque jeune est compté une fois par territoire, dans celui de sa structure de rattachement
-- source: extraits I-milo « jeunes », « mesures »
-- unit: jeunes
-- coverage: extraits
-- section: Justice, 1
-- short: Sous main de justice
WITH source AS (
    SELECT jeune_ml AS ml, jeune_departement AS departement, jeune_region AS region, id_jeune,
        jeune_profil AS profil, jeune_plusieurs_lots AS plusieurs_lots
    FROM stg_mesures
    WHERE categorie IN ('JUSTICE') AND active
)
SELECT * FROM jeunes_par_territoire('source', count(DISTINCT id_jeune))

-- id: FOR_CEP
-- title: Jeunes ayant bénéficié du CEP
-- definition: jeunes ayant une mesure de conseil en évolution professionnelle (CEP) active pendant l'exercice ; chaque jeune est compté une fois par territoire, dans celui de sa structure de rattachement
-- source: extraits I-milo « jeunes », « mesures »
-- unit: jeunes
-- coverage: extraits
-- section: Formation, 2
-- short: CEP
WITH source AS (
    SELECT jeune_ml AS ml, jeune_departement AS departement, jeune_region AS region, id_jeune,
        jeune_profil AS profil, jeune_plusieurs_lots AS plusieurs_lots
    FROM stg_mesures
    WHERE categorie IN ('CEP') AND active
)
SELECT * FROM jeunes_par_territoire('source', count(DISTINCT id_jeune))

-- id: PAR_JEUNES
-- title: Jeunes parrainés
-- definition: jeunes ayant une mesure de parrainage active pendant l'exercice (débutée au plus tard le 31/12 et non terminée avant le 01/01) ; chaque jeune est compté une fois par territoire, dans celui de sa structure de rattachement
-- source: extraits I-milo « jeunes », « mesures »
-- unit: jeunes
-- coverage: extraits
-- section: Parrainage, 4
-- short: Jeunes parrainés
-- headline: yes
WITH source AS (
    SELECT jeune_ml AS ml, jeune_departement AS departement, jeune_region AS region, id_jeune,
        jeune_profil AS profil, jeune_plusieurs_lots AS plusieurs_lots
    FROM stg_mesures
    WHERE categorie IN ('PARRAINAGE') AND active
)
SELECT * FROM jeunes_par_territoire('source', count(DISTINCT id_jeune))

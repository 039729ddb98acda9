-- id: DIS_GJ_EN_COURS
-- title: Jeunes en Garantie jeunes au 31/12
-- definition: jeunes dont une Garantie jeunes est en cours le 31/12 de l'exercice (débutée au plus tard le 31/12, sans date de fin ou finissant après le 31/12) ; chaque jeune est compté une fois par territoire, dans celui de sa structure de rattachement
-- source: extraits I-milo « jeunes », « mesures »
-- unit: jeunes
-- coverage: extraits
-- section: Dispositifs, 4
-- short: En Garantie jeunes au 31/12
WITH source AS (
    SELECT jeune_ml AS ml, jeune_departement AS departement, jeune_region AS region, id_jeune,
        jeune_profil AS profil, jeune_plusieurs_lots AS plusieurs_lots
    FROM stg_mesures
    WHERE categorie IN ('GARANTIE_JEUNES') AND en_cours
)
SELECT * FROM jeunes_par_territoire('source', count(DISTINCT id_jeune))

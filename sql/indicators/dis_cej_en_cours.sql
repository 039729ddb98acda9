-- id: DIS_CEJ_EN_COURS
-- title: Jeunes en contrat d'engagement jeune au 31/12
-- definition: jeunes dont un contrat d'engagement jeune est en cours le 31/12 de l'exercice (débuté au plus tard le 31/12, sans date de fin ou finissant après le 31/12) ; chaque jeune est compté une fois par territoire, dans celui de sa structure de rattachement
-- source: extraits I-milo « jeunes », « mesures »
-- unit: jeunes
-- coverage: extraits
-- section: Dispositifs, 6
-- short: En CEJ au 31/12
WITH source AS (
    SELECT jeune_ml AS ml, jeune_departement AS departement, jeune_region AS region, id_jeune,
        jeune_profil AS profil, jeune_plusieurs_lots AS plusieurs_lots
    FROM stg_mesures
    WHERE categorie IN ('CEJ') AND en_cours
)
SELECT * FROM jeunes_par_territoire('source', count(DISTINCT id_jeune))

-- id: DIS_CEJ_ENTREES
-- title: Entrées en contrat d'engagement jeune
-- definition: jeunes ayant une entrée en contrat d'engagement jeune (CEJ) dans l'exercice ; chaque jeune est compté une fois par territoire, dans celui de sa structure de rattachement
-- source: extraits I-milo « jeunes », « mesures »
-- unit: jeunes
-- coverage: extraits
-- section: Dispositifs, 5
-- short: Entrées CEJ
-- headline: yes
WITH source AS (
    SELECT jeune_ml AS ml, jeune_departement AS departement, jeune_region AS region, id_jeune,
        jeune_profil AS profil, jeune_plusieurs_lots AS plusieurs_lots
    FROM stg_mesures
    WHERE categorie IN ('CEJ') AND entree
)
SELECT * FROM jeunes_par_territoire('source', count(DISTINCT id_jeune))

-- id: FOR_ILLETTRISME
-- title: Jeunes repérés en situation d'illettrisme
-- definition: jeunes ayant un repérage de situation d'illettrisme débutant dans l'exercice ; chaque jeune est compté une fois par territoire, dans celui de sa structure de rattachement
-- source: extraits I-milo « jeunes », « mesures »
-- unit: jeunes
-- coverage: extraits
-- section: Formation, 4
-- short: Illettrisme repéré
WITH source AS (
    SELECT jeune_ml AS ml, jeune_departement AS departement, jeune_region AS region, id_jeune,
        jeune_profil AS profil, jeune_plusieurs_lots AS plusieurs_lots
    FROM stg_mesures
    WHERE categorie IN ('REPERAGE_ILLETTRISME') AND entree
)
SELECT * FROM jeunes_par_territoire('source', count(DISTINCT id_jeune))

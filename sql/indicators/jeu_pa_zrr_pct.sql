-- id: JEU_PA_ZRR_PCT
-- title: Part résidant en ZRR (premier accueil)
-- definition: part des jeunes résidant en zone de revitalisation rurale parmi les jeunes en premier accueil dont la résidence en ZRR est connue
-- source: extraits I-milo « jeunes »
-- unit: %
-- coverage: extraits
-- secret: part
-- numerator: own
-- denominator: part of JEU_PREMIER_ACCUEIL
-- section: Profil premier accueil, 6
-- short: ZRR
WITH source AS (
    SELECT ml, departement, region, id_jeune,
        zrr AS compte,
        zrr IS NOT NULL AS connu
    FROM stg_premiers_accueils
)
SELECT * FROM part_par_territoire('source')

-- id: JEU_PA_FEMMES_PCT
-- title: Part des femmes (premier accueil)
-- definition: part des femmes parmi les jeunes en premier accueil dont le sexe est connu
-- source: extraits I-milo « jeunes »
-- unit: %
-- coverage: extraits
-- secret: part
-- numerator: own
-- denominator: part of JEU_PREMIER_ACCUEIL
-- section: Profil premier accueil, 1
-- short: Femmes
WITH source AS (
    SELECT ml, departement, region, id_jeune,
        sexe = 'F' AS compte,
        sexe IN ('F', 'H') AS connu
    FROM stg_premiers_accueils
)
SELECT * FROM part_par_territoire('source')

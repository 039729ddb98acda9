-- id: JEU_PA_MINEURS_PCT
-- title: Part des mineurs (premier accueil)
-- definition: part des jeunes âgés de moins de 18 ans à leur date de premier accueil, parmi les jeunes en premier accueil
-- source: extraits I-milo « jeunes »
-- unit: %
-- coverage: extraits
-- secret: part
-- numerator: own
-- denominator: part of JEU_PREMIER_ACCUEIL
-- section: Profil premier accueil, 2
-- short: Mineurs
WITH source AS (
    SELECT ml, departement, region, id_jeune,
        age_premier_accueil < 18 AS compte,
        age_premier_accueil IS NOT NULL AS connu
    FROM stg_premiers_accueils
)
SELECT * FROM part_par_territoire('source')

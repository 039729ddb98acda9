-- id: JEU_PA_FEMMES_PCT
-- title: Part des femmes (premier accueil)
-- definition: part des femmes parmi les jeunes en premier accueil dont le sexe est connu
-- source: extraits I-milo « jeunes »
-- unit: %
-- coverage: extraits
-- secret: part
-- numerator: JEU_PREMIER_ACCUEIL@sexe_age=F_moins_de_18 + JEU_PREMIER_ACCUEIL@sexe_age=F_18_21 + JEU_PREMIER_ACCUEIL@sexe_age=F_22_25 + JEU_PREMIER_ACCUEIL@sexe_age=F_26_et_plus
-- denominator: JEU_PREMIER_ACCUEIL - JEU_PREMIER_ACCUEIL@sexe_age=inconnu
-- section: Profil premier accueil, 1
-- short: Femmes
WITH source AS (
    SELECT ml, departement, region, id_jeune,
        sexe = 'F' AS compte,
        sexe IN ('F', 'H') AS connu
    FROM stg_premiers_accueils
)
SELECT * FROM part_par_territoire('source')

-- id: JEU_PA_QPV_PCT
-- title: Part résidant en QPV (premier accueil)
-- definition: part des jeunes résidant en quartier prioritaire de la politique de la ville parmi les jeunes en premier accueil dont la résidence en QPV est connue
-- source: extraits I-milo « jeunes »
-- unit: %
-- coverage: extraits
-- secret: part
-- numerator: own
-- denominator: part of JEU_PREMIER_ACCUEIL
-- section: Profil premier accueil, 5
-- short: QPV
WITH source AS (
    SELECT ml, departement, region, id_jeune,
        qpv AS compte,
        qpv IS NOT NULL AS connu
    FROM stg_premiers_accueils
)
SELECT * FROM part_par_territoire('source')

-- id: JEU_PA_INFRA_V_PCT
-- title: Part de niveau infra V (premier accueil)
-- definition: part des jeunes de niveau VI ou V bis (nouvelle nomenclature 1 ou 2) parmi les jeunes en premier accueil de niveau connu
-- source: extraits I-milo « jeunes » ; PNAE 2018-2020 (« un tiers de jeunes de niveau infra V »)
-- unit: %
-- coverage: extraits
-- secret: part
-- numerator: JEU_PREMIER_ACCUEIL@niveau_formation=infra_V
-- denominator: JEU_PREMIER_ACCUEIL - JEU_PREMIER_ACCUEIL@niveau_formation=inconnu
-- section: Profil premier accueil, 4
-- short: Infra V
WITH source AS (
    SELECT ml, departement, region, id_jeune,
        niveau_groupe = 'INFRA_V' AS compte,
        niveau_groupe IS NOT NULL AS connu
    FROM stg_premiers_accueils
)
SELECT * FROM part_par_territoire('source')

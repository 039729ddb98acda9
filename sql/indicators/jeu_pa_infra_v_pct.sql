-- id: JEU_PA_INFRA_V_PCT
-- title: Part de niveau infra V (premier accueil)
-- definition: part des jeunes de niveau VI ou V bis (nouvelle nomenclature 1 ou 2) parmi les jeunes en premier accueil de niveau connu
-- source: extraits I-milo « jeunes » ; PNAE 2018-2020 (« un tiers de jeunes de niveau infra V »)
-- unit: %
-- coverage: extraits
-- secret: part
-- numerator: own
-- denominator: part of JEU_PREMIER_ACCUEIL
-- section: Profil premier accueil, 4
-- short: Infra V
WITH final AS (
    SELECT ml, departement, region, id_jeune,
        niveau_groupe = 'INFRA_V' AS compte,
        niveau_groupe IS NOT NULL AS connu
    FROM stg_premiers_accueils
),
counts AS (
    SELECT
        niveau(GROUPING(ml, departement, region)) AS niveau,
        coalesce(ml, departement, region, 'FR') AS code,
        count(DISTINCT id_jeune) FILTER (WHERE connu AND compte) AS numerateur,
        count(DISTINCT id_jeune) FILTER (WHERE connu) AS denominateur
    FROM final
    GROUP BY GROUPING SETS ((ml), (departement), (region), ())
)
SELECT niveau, code, pct(numerateur, denominateur) AS valeur, numerateur, denominateur
FROM counts

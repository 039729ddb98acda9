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
WITH final AS (
    SELECT ml, departement, region, id_jeune,
        zrr AS compte,
        zrr IS NOT NULL AS connu
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

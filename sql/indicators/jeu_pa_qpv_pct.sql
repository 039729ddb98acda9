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
WITH final AS (
    SELECT ml, departement, region, id_jeune,
        qpv AS compte,
        qpv IS NOT NULL AS connu
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

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
WITH final AS (
    SELECT ml, departement, region, id_jeune,
        age_premier_accueil < 18 AS compte,
        age_premier_accueil IS NOT NULL AS connu
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

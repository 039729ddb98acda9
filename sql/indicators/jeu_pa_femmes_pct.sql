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
WITH final AS (
    SELECT ml, departement, region, id_jeune,
        sexe = 'F' AS compte,
        sexe IN ('F', 'H') AS connu
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

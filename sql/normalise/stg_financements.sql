-- Operating funding of the structures that gave at least one funder, by funder and
-- territory, in cents (exact integer arithmetic for the shares FIN_*_PCT).
WITH by_funder AS (
    SELECT ml, departement, region, financeur, CAST(coalesce(montant, 0) * 100 AS BIGINT) AS centimes
    FROM stg_arml_structures
    UNPIVOT INCLUDE NULLS (montant FOR financeur IN (fin_etat, fin_region, fin_departements, fin_communes, fin_fse, fin_autres))
    WHERE fin_total IS NOT NULL
),
final AS (
    SELECT
        niveau(GROUPING(ml, departement, region)) AS niveau,
        coalesce(ml, departement, region, 'FR') AS code,
        financeur,
        sum(centimes) AS centimes
    FROM by_funder
    GROUP BY GROUPING SETS ((financeur, ml), (financeur, departement), (financeur, region), (financeur))
)
SELECT f.niveau, f.code, f.financeur, f.centimes, sum(f.centimes) OVER (PARTITION BY f.niveau, f.code) AS total
FROM final f

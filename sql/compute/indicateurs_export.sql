-- analystes/indicateurs.csv (indicators.md, "Machine-readable output"): one row per
-- indicator, level and territory, sorted by indicateur, niveau (national, region,
-- departement, ml) then code; counts as integers, % and FTE with one decimal, euros with
-- two, point as decimal separator; empty when not loaded or undefined.
WITH p AS (
    SELECT exercice FROM params
),
final AS (
    SELECT
        i.exercice, i.indicateur, i.niveau, i.code,
        CASE
            WHEN i.valeur IS NULL THEN ''
            WHEN k.unite IN ('%', 'ETP') THEN CAST(CAST(valeur_publiee(i.valeur, k.unite) AS DECIMAL(18,1)) AS VARCHAR)
            WHEN k.unite = 'euros' THEN CAST(CAST(valeur_publiee(i.valeur, k.unite) AS DECIMAL(18,2)) AS VARCHAR)
            ELSE CAST(CAST(valeur_publiee(i.valeur, k.unite) AS BIGINT) AS VARCHAR)
        END AS valeur,
        list_position(['national', 'region', 'departement', 'ml'], i.niveau) AS ordre_niveau
    FROM indicateurs i
    JOIN p USING (exercice)
    JOIN catalogue k USING (indicateur)
)
SELECT exercice, indicateur, niveau, code, valeur
FROM final
ORDER BY indicateur, ordre_niveau, code

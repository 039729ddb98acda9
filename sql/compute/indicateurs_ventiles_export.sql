-- analystes/indicateurs_ventiles.csv: the breakdowns of the youth counts, one row per
-- indicator, level, territory, dimension and modalité, sorted as indicateurs.csv (indicateur,
-- niveau national, region, departement, ml, then code), then by dimension and modalité in
-- the order of ref_modalites; counts as integers, empty where the count is (not loaded).
WITH p AS (
    SELECT exercice FROM params
),
final AS (
    SELECT
        v.exercice, v.indicateur, v.niveau, v.code, v.dimension, v.modalite,
        coalesce(CAST(v.valeur AS VARCHAR), '') AS valeur,
        list_position(['national', 'region', 'departement', 'ml'], v.niveau) AS ordre_niveau,
        m.rang_dimension, m.rang
    FROM indicateurs_ventiles v
    JOIN p USING (exercice)
    JOIN ref_modalites m USING (dimension, modalite)
)
SELECT exercice, indicateur, niveau, code, dimension, modalite, valeur
FROM final
ORDER BY indicateur, ordre_niveau, code, rang_dimension, rang

-- Consistency checks of the breakdowns, printed in the methodology of every report: for
-- every youth count broken down (catalogue.ventile), at every territory of indicateurs and
-- for every dimension, Σ modalités of indicateurs_ventiles = the count (both empty where
-- the data was not loaded). A dimension the view gives but ref_modalites lacks, or a
-- modalité it lacks, shows as a gap. One row per indicator: the cells checked (territories ×
-- dimensions), how many differ, and the dimensions where they do.
WITH p AS (
    SELECT exercice FROM params
),
dimensions AS (
    SELECT c.indicateur, d.dimension
    FROM catalogue c, (SELECT DISTINCT dimension FROM ref_modalites) d
    WHERE c.ventile
    UNION
    SELECT DISTINCT b.indicateur, b.dimension FROM ventilations_brutes b JOIN p USING (exercice)
),
sommes AS (
    SELECT v.indicateur, v.niveau, v.code, v.dimension, sum(v.valeur) AS somme
    FROM indicateurs_ventiles v
    JOIN p USING (exercice)
    GROUP BY ALL
),
cellules AS (
    SELECT i.indicateur, d.dimension, s.somme IS NOT DISTINCT FROM i.valeur AS egal
    FROM indicateurs i
    JOIN p USING (exercice)
    JOIN dimensions d USING (indicateur)
    LEFT JOIN sommes s USING (indicateur, niveau, code, dimension)
),
final AS (
    SELECT
        indicateur,
        count(*) AS cellules,
        count(*) FILTER (WHERE NOT egal) AS ecarts,
        coalesce(string_agg(DISTINCT dimension, ', ' ORDER BY dimension) FILTER (WHERE NOT egal), '') AS dimensions_en_ecart,
        count(*) FILTER (WHERE NOT egal) = 0 AS coherent
    FROM cellules
    GROUP BY indicateur
)
SELECT * FROM final ORDER BY indicateur

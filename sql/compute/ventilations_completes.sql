-- Every breakdown of a youth count (catalogue.ventile) at every territory where indicateurs
-- has the count, for every modalité of ref_modalites: 0 where the count was computed and
-- no youth has the modalité; NULL where the count is NULL (no extract batch covering the
-- territory). A modalité no dimension of ref_modalites lists is left out, so
-- controles_ventilations shows it.
WITH p AS (
    SELECT exercice FROM params
),
grid AS (
    SELECT i.exercice, i.indicateur, i.niveau, i.code, i.valeur IS NOT NULL AS charge, m.dimension, m.modalite
    FROM indicateurs i
    JOIN p USING (exercice)
    JOIN catalogue c USING (indicateur)
    CROSS JOIN ref_modalites m
    WHERE c.ventile
),
final AS (
    SELECT
        g.exercice, g.indicateur, g.niveau, g.code, g.dimension, g.modalite,
        CASE WHEN g.charge THEN coalesce(v.valeur, 0) END AS valeur
    FROM grid g
    LEFT JOIN ventilations_brutes v USING (exercice, indicateur, niveau, code, dimension, modalite)
)
SELECT * FROM final

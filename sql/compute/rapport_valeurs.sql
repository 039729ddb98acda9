-- Indicator values of the exercice as the reports print them (rounded as published,
-- valeur_publiee): with the territory's name, the value of the previous exercice when it
-- was computed, the change in % of the published values (every unit but %; NULL when the
-- previous value is missing or 0) and, for percentages, the change in points (the
-- difference of the two values as printed, to the tenth; NULL when either is).
WITH p AS (
    SELECT exercice FROM params
),
published AS (
    SELECT i.exercice, i.indicateur, i.niveau, i.code, valeur_publiee(i.valeur, k.unite) AS valeur
    FROM indicateurs i
    JOIN catalogue k USING (indicateur)
),
prev AS (
    SELECT i.indicateur, i.niveau, i.code, i.valeur
    FROM published i, p
    WHERE i.exercice = p.exercice - 1
),
final AS (
    SELECT
        c.indicateur, k.titre, k.unite, c.niveau, c.code, t.libelle, t.region,
        c.valeur,
        v.valeur AS valeur_precedente,
        CASE WHEN k.unite NOT IN ('%') THEN
            pct(CAST((c.valeur - v.valeur) * 100 AS BIGINT), CAST(v.valeur * 100 AS BIGINT))
        END AS evolution_pct,
        CASE WHEN k.unite = '%' THEN
            CAST(c.valeur - v.valeur AS DECIMAL(18,1))
        END AS evolution_points
    FROM published c
    JOIN p USING (exercice)
    JOIN catalogue k USING (indicateur)
    JOIN stg_territoires t USING (niveau, code)
    LEFT JOIN prev v USING (indicateur, niveau, code)
)
SELECT * FROM final

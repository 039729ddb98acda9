-- Every indicator of the catalogue at every non-technical territory of the referential,
-- at the levels it is defined at: 0 where the territory's data was loaded and nothing
-- happened; NULL where it was not loaded (no extract batch, or no ARML workbook, covering
-- it) or where the value is undefined (a rate over 0, a figure no structure gave).
WITH p AS (
    SELECT exercice FROM params
),
grid AS (
    SELECT c.indicateur, c.unite, c.couverture, t.niveau, t.code,
           CASE c.couverture WHEN 'extraits' THEN t.extraits_charges
                             WHEN 'classeurs' THEN t.classeurs_charges
                             ELSE true END AS charge
    FROM catalogue c CROSS JOIN stg_territoires t
    WHERE list_contains(string_split(c.niveaux, ','), t.niveau)
),
final AS (
    SELECT
        p.exercice, g.indicateur, g.niveau, g.code,
        CASE
            WHEN NOT g.charge THEN NULL
            WHEN g.couverture = 'classeurs' OR g.unite = '%' THEN v.valeur
            ELSE coalesce(v.valeur, 0)
        END AS valeur,
        CASE WHEN g.charge THEN coalesce(v.numerateur, CASE WHEN g.unite = '%' THEN 0 END) END AS numerateur,
        CASE WHEN g.charge THEN coalesce(v.denominateur, CASE WHEN g.unite = '%' THEN 0 END) END AS denominateur
    FROM grid g
    CROSS JOIN p
    LEFT JOIN valeurs_brutes v
        ON v.exercice = p.exercice AND v.indicateur = g.indicateur AND v.niveau = g.niveau AND v.code = g.code
)
SELECT * FROM final

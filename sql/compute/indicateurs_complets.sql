-- Every indicator of the catalogue at every non-technical territory of the referential:
-- 0 where the territory's data was loaded and nothing happened; NULL where it was not
-- loaded (no extract batch covering it) or where the value is undefined (a rate over 0).
WITH p AS (
    SELECT exercice FROM params
),
grid AS (
    SELECT c.indicateur, c.unite, c.couverture, t.niveau, t.code, t.extraits_charges
    FROM catalogue c CROSS JOIN stg_territoires t
),
final AS (
    SELECT
        p.exercice, g.indicateur, g.niveau, g.code,
        CASE
            WHEN g.couverture = 'extraits' AND NOT g.extraits_charges THEN NULL
            WHEN g.couverture = 'classeurs' OR g.unite = '%' THEN v.valeur
            ELSE coalesce(v.valeur, 0)
        END AS valeur,
        CASE WHEN g.couverture <> 'extraits' OR g.extraits_charges THEN coalesce(v.numerateur, CASE WHEN g.unite = '%' THEN 0 END) END AS numerateur,
        CASE WHEN g.couverture <> 'extraits' OR g.extraits_charges THEN coalesce(v.denominateur, CASE WHEN g.unite = '%' THEN 0 END) END AS denominateur
    FROM grid g
    CROSS JOIN p
    LEFT JOIN valeurs_brutes v
        ON v.exercice = p.exercice AND v.indicateur = g.indicateur AND v.niveau = g.niveau AND v.code = g.code
)
SELECT * FROM final

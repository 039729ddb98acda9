-- The survey answers of every region whose ARML workbook is loaded: one row per such
-- region, answers NULL when its workbook has no « enquete_numerique » sheet (repondante
-- false). Family G counts over it at region and national level.
WITH final AS (
    SELECT c.region, e.region IS NOT NULL AS repondante, e.* EXCLUDE (region)
    FROM stg_classeurs c LEFT JOIN stg_arml_enquete e USING (region)
)
SELECT * FROM final

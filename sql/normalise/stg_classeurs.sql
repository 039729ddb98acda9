-- The ARML workbooks loaded for the exercice: one per region at most (extracts.md §4).
-- A region listed here has its families A, G, H and I defined (0 where nothing was
-- declared); a region without a workbook has them empty.
WITH p AS (
    SELECT exercice FROM params
),
final AS (
    SELECT b.scope AS region, b.fichiers AS fichier
    FROM batches b JOIN p USING (exercice)
    WHERE b.kind = 'classeur'
)
SELECT * FROM final

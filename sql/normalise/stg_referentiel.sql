-- The referential of missions locales in force for the exercice: the last one loaded for
-- it, else the one shipped with the program. Saint-Martin (region 10) reports with
-- Guadeloupe (01); technical rows (code starting with 999, or no region) are flagged.
WITH p AS (
    SELECT exercice FROM params
),
last_batch AS (
    SELECT b.exercice, b.scope
    FROM batches b JOIN p USING (exercice)
    WHERE b.kind = 'referentiel'
    ORDER BY b.seq DESC
    LIMIT 1
),
loaded AS (
    SELECT r.code_structure, r.nom_officiel, r.nom_usuel, r.code_departement, r.code_region
    FROM raw_structures r JOIN last_batch USING (exercice, scope)
),
source AS (
    SELECT * FROM loaded
    UNION ALL
    SELECT * FROM referentiel_livre WHERE NOT EXISTS (SELECT 1 FROM loaded)
),
final AS (
    SELECT
        code_structure,
        nom_officiel AS nom,
        code_departement,
        CASE WHEN code_region = '10' THEN '01' ELSE nullif(code_region, '') END AS region,
        code_structure LIKE '999%' OR nullif(code_region, '') IS NULL AS technique
    FROM source
)
SELECT * FROM final

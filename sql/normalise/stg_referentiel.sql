-- The referential of missions locales in force for the exercice, composed region by
-- region: each region's rows come from the last referential batch that covers it (a
-- national batch covers every region, a regional batch its own region only), else from
-- the referential shipped with the program, so a region nobody re-sent keeps its rows.
-- Saint-Martin (region 10) reports with Guadeloupe (01); technical rows (code starting
-- with 999, or no region) are flagged.
WITH p AS (
    SELECT exercice FROM params
),
referential_batches AS (
    SELECT b.scope, b.seq
    FROM batches b JOIN p USING (exercice)
    WHERE b.kind = 'referentiel'
),
all_rows AS (
    SELECT r.scope, b.seq, r.code_structure, r.nom_officiel, r.nom_usuel, r.code_departement, r.code_region
    FROM raw_structures r JOIN p USING (exercice) JOIN referential_batches b USING (scope)
    UNION ALL
    SELECT 'livre', 0, code_structure, nom_officiel, nom_usuel, code_departement, code_region
    FROM referentiel_livre
),
zoned AS (
    SELECT *, CASE WHEN code_region = '10' THEN '01' ELSE coalesce(nullif(code_region, ''), '') END AS zone
    FROM all_rows
),
in_force AS ( -- per region, the batch that covers it last (0: the shipped referential)
    SELECT z.zone, coalesce(max(b.seq), 0) AS seq
    FROM (SELECT zone FROM zoned UNION SELECT scope FROM referential_batches WHERE scope <> 'national') z
    LEFT JOIN referential_batches b ON b.scope = 'national' OR b.scope = z.zone
    GROUP BY z.zone
),
source AS (
    SELECT z.*
    FROM zoned z JOIN in_force f ON z.zone = f.zone AND z.seq = f.seq
    WHERE z.scope IN ('national', 'livre') OR z.scope = z.zone
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

-- Every non-technical territory of the referential at the four levels, with whether an
-- extract batch of the exercice covers it (else its extract-based indicators are empty)
-- and whether an ARML workbook does (else its workbook-based indicators are empty).
WITH p AS (
    SELECT exercice FROM params
),
jeunes_batches AS (
    SELECT b.scope FROM batches b JOIN p USING (exercice) WHERE b.kind = 'jeunes'
),
ref AS (
    SELECT * FROM stg_referentiel WHERE NOT technique
),
covered AS (
    SELECT DISTINCT region FROM ref
    WHERE region IN (SELECT scope FROM jeunes_batches)
       OR EXISTS (SELECT 1 FROM jeunes_batches WHERE scope = 'national')
),
final AS (
    SELECT 'ml' AS niveau, code_structure AS code, nom AS libelle, region FROM ref
    UNION ALL
    SELECT DISTINCT 'departement', code_departement, code_departement, region FROM ref
    UNION ALL
    SELECT DISTINCT 'region', ref.region, r.nom, ref.region FROM ref LEFT JOIN ref_regions r USING (region)
    UNION ALL
    SELECT 'national', 'FR', 'France', NULL
)
SELECT
    niveau, code, libelle, region,
    CASE WHEN niveau = 'national' THEN EXISTS (SELECT 1 FROM jeunes_batches)
         ELSE region IN (SELECT region FROM covered) END AS extraits_charges,
    CASE WHEN niveau = 'national' THEN EXISTS (SELECT 1 FROM stg_classeurs)
         ELSE region IN (SELECT region FROM stg_classeurs) END AS classeurs_charges
FROM final

-- Sheet « suivi_pnae » of the ARML workbooks of the exercice: one row per region and
-- action it filled in.
WITH p AS (
    SELECT exercice FROM params
),
final AS (
    SELECT s.scope AS region, s.action, s.role, s.statut
    FROM raw_arml_suivi_pnae s
    JOIN p USING (exercice)
)
SELECT * FROM final

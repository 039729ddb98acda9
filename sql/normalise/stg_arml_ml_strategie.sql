-- Sheet « ml_strategie_numerique » (question 8) of the ARML workbooks of the exercice,
-- placed in the territories of the referential.
WITH p AS (
    SELECT exercice FROM params
),
final AS (
    SELECT s.code_structure AS ml, r.code_departement AS departement, r.region, s.strategie_numerique
    FROM raw_arml_ml_strategie_numerique s
    JOIN p USING (exercice)
    JOIN stg_referentiel r USING (code_structure)
    WHERE NOT r.technique AND r.region = s.scope
)
SELECT * FROM final

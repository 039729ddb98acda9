-- The parameters of the run, set by each stage at its start on its connection
-- (warehouse.SetParams, the one place that sets session variables): exercice (year),
-- jdi_mois (JDI window in months, NULL for 5), date_reference (JDI reference date, NULL
-- for 31/12 of the exercice); the validation rules also read perimetre (the batch's
-- scope). debut and fin bound the period of the exercice.
SELECT
    CAST(getvariable('exercice') AS INTEGER) AS exercice,
    make_date(CAST(getvariable('exercice') AS INTEGER), 1, 1) AS debut,
    make_date(CAST(getvariable('exercice') AS INTEGER), 12, 31) AS fin,
    coalesce(CAST(getvariable('jdi_mois') AS INTEGER), 5) AS jdi_mois,
    coalesce(CAST(getvariable('date_reference') AS DATE), make_date(CAST(getvariable('exercice') AS INTEGER), 12, 31)) AS date_reference

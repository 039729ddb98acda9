-- The parameters of the run, set by the caller on its connection with SET VARIABLE:
-- exercice (year), jdi_mois (JDI window in months), date_reference (JDI reference date,
-- NULL for 31/12 of the exercice). debut and fin bound the period of the exercice.
SELECT
    CAST(getvariable('exercice') AS INTEGER) AS exercice,
    make_date(CAST(getvariable('exercice') AS INTEGER), 1, 1) AS debut,
    make_date(CAST(getvariable('exercice') AS INTEGER), 12, 31) AS fin,
    coalesce(CAST(getvariable('jdi_mois') AS INTEGER), 5) AS jdi_mois,
    coalesce(CAST(getvariable('date_reference') AS DATE), make_date(CAST(getvariable('exercice') AS INTEGER), 12, 31)) AS date_reference

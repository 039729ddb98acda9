-- id: NUM_ML_STRATEGIE
-- title: Missions locales dotées d'une stratégie numérique
-- definition: missions locales que leur ARML déclare dotées d'une stratégie numérique (question 8, strategie_numerique = OUI) ; les listes fournies par les ARML ne sont pas exhaustives
-- source: classeurs ARML, feuille « ml_strategie_numerique »
-- unit: structures
-- coverage: classeurs
-- levels: region, national
-- section: Enquête numérique, 7
-- short: ML avec stratégie
WITH source AS (
    SELECT c.region, s.strategie_numerique
    FROM stg_classeurs c LEFT JOIN stg_arml_ml_strategie s USING (region)
)
SELECT * FROM par_region('source', count(*) FILTER (WHERE strategie_numerique))

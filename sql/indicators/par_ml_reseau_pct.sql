-- id: PAR_ML_RESEAU_PCT
-- title: Part des missions locales animant un réseau de parrainage
-- definition: missions locales animant un réseau de parrainage (PAR_ML_RESEAU) rapportées aux missions locales du territoire (RES_ML) × 100, arrondi au dixième ; au niveau national, seules comptent au dénominateur les missions locales des régions dont le classeur est chargé
-- source: classeurs ARML, feuille « structures » (ICARE) ; référentiel des structures I-milo
-- unit: %
-- coverage: classeurs
-- secret: aucun
-- numerator: PAR_ML_RESEAU
-- denominator: RES_ML
-- section: Parrainage, 2
-- short: Part ML avec réseau
WITH source AS (
    SELECT code_structure AS ml, code_departement AS departement, region
    FROM stg_referentiel
    WHERE NOT technique AND region IN (SELECT region FROM stg_classeurs)
),
res_ml_classeurs AS (
    SELECT * FROM par_territoire('source', count(*))
),
final AS (
    SELECT r.niveau, r.code, r.valeur AS numerateur, m.valeur AS denominateur
    FROM par_ml_reseau r JOIN res_ml_classeurs m USING (niveau, code)
)
SELECT niveau, code, pct(numerateur, denominateur) AS valeur, numerateur, denominateur
FROM final

-- id: PAR_ML_RESEAU_PCT
-- title: Part des missions locales animant un réseau de parrainage
-- definition: missions locales animant un réseau de parrainage (PAR_ML_RESEAU) rapportées aux missions locales du territoire (RES_ML) × 100, arrondi au dixième
-- source: classeurs ARML, feuille « structures » (ICARE) ; référentiel des structures I-milo
-- unit: %
-- coverage: classeurs
-- secret: aucun
-- derive: PAR_ML_RESEAU, RES_ML
WITH final AS (
    SELECT r.niveau, r.code, r.valeur AS numerateur, m.valeur AS denominateur
    FROM par_ml_reseau r JOIN res_ml m USING (niveau, code)
)
SELECT niveau, code, pct(numerateur, denominateur) AS valeur, numerateur, denominateur
FROM final

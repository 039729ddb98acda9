-- id: PAR_ENTREES
-- title: Entrées en parrainage
-- definition: nombre de mesures de parrainage débutant dans l'exercice ; chaque mesure est comptée dans le territoire de la structure qui l'a enregistrée
-- source: extraits I-milo « mesures »
-- unit: mesures
-- coverage: extraits
-- section: Parrainage, 5
-- short: Entrées en parrainage
WITH final AS (
    SELECT m.ml, m.departement, m.region
    FROM stg_mesures m
    WHERE m.categorie IN ('PARRAINAGE')
      AND m.entree
)
SELECT
    niveau(GROUPING(ml, departement, region)) AS niveau,
    coalesce(ml, departement, region, 'FR') AS code,
    count(*) AS valeur
FROM final
GROUP BY GROUPING SETS ((ml), (departement), (region), ())

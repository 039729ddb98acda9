-- id: EMP_IMMERSIONS
-- title: Immersions en entreprise (PMSMP)
-- definition: nombre de mesures PMSMP (périodes de mise en situation en milieu professionnel) débutant dans l'exercice ; chaque mesure est comptée dans le territoire de la structure qui l'a enregistrée
-- source: extraits I-milo « mesures »
-- unit: mesures
-- coverage: extraits
-- section: Emploi, 1
-- short: Immersions
-- headline: yes
WITH final AS (
    SELECT m.ml, m.departement, m.region
    FROM stg_mesures m
    WHERE m.categorie IN ('PMSMP')
      AND m.entree
)
SELECT
    niveau(GROUPING(ml, departement, region)) AS niveau,
    coalesce(ml, departement, region, 'FR') AS code,
    count(*) AS valeur
FROM final
GROUP BY GROUPING SETS ((ml), (departement), (region), ())

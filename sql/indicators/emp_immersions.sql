-- id: EMP_IMMERSIONS
-- title: Immersions en entreprise (PMSMP)
-- definition: nombre de mesures PMSMP (périodes de mise en situation en milieu professionnel) débutant dans l'exercice ; chaque mesure est comptée dans le territoire de la structure qui l'a enregistrée
-- source: extraits I-milo « mesures »
-- unit: mesures
-- coverage: extraits
-- section: Emploi, 1
-- short: Immersions
-- headline: yes
WITH source AS (
    SELECT ml, departement, region
    FROM stg_mesures
    WHERE categorie IN ('PMSMP') AND entree
)
SELECT * FROM par_territoire('source', count(*))

-- id: PAR_ENTREES
-- title: Entrées en parrainage
-- definition: nombre de mesures de parrainage débutant dans l'exercice ; chaque mesure est comptée dans le territoire de la structure qui l'a enregistrée
-- source: extraits I-milo « mesures »
-- unit: mesures
-- coverage: extraits
-- section: Parrainage, 5
-- short: Entrées en parrainage
WITH source AS (
    SELECT ml, departement, region
    FROM stg_mesures
    WHERE categorie IN ('PARRAINAGE') AND entree
)
SELECT * FROM par_territoire('source', count(*))

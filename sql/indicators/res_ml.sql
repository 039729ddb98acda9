-- id: RES_ML
-- title: Missions locales
-- definition: structures du référentiel de l'exercice dans le territoire, lignes techniques exclues (code commençant par 999 ou sans région)
-- source: référentiel des structures I-milo
-- unit: structures
-- coverage: referentiel
-- section: Réseau, 1
-- short: Missions locales
-- headline: yes
WITH source AS (
    SELECT code_structure AS ml, code_departement AS departement, region
    FROM stg_referentiel
    WHERE NOT technique
)
SELECT * FROM par_territoire('source', count(*))

-- id: PAR_ML_RESEAU
-- title: Missions locales animant un réseau de parrainage
-- definition: missions locales dont la colonne reseau_parrainage vaut OUI ; 0 pour un territoire dont le classeur ne déclare aucun réseau, vide pour un territoire sans classeur
-- source: classeurs ARML, feuille « structures » (ICARE)
-- unit: structures
-- coverage: classeurs
-- section: Parrainage, 1
-- short: ML avec réseau
WITH source AS (
    SELECT ml, departement, region, reseau_parrainage
    FROM stg_arml_structures
    WHERE reseau_parrainage IS NOT NULL
)
SELECT * FROM par_territoire('source', count(*) FILTER (WHERE reseau_parrainage))

-- id: RES_SALARIES
-- title: Salariés
-- definition: salariés au 31/12 (nb_salaries) ; somme sur les missions locales qui ont renseigné la colonne ; vide pour un territoire sans classeur ou sans aucune valeur renseignée
-- source: classeurs ARML, feuille « structures » (ICARE)
-- unit: salariés
-- coverage: classeurs
-- section: Réseau, 3
-- short: Salariés
WITH source AS (
    SELECT ml, departement, region, nb_salaries
    FROM stg_arml_structures
    WHERE nb_salaries IS NOT NULL
)
SELECT * FROM par_territoire('source', sum(nb_salaries))

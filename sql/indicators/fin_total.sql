-- id: FIN_TOTAL
-- title: Financement total, euros
-- definition: financement de fonctionnement de l'année, somme des six financeurs (État, région, départements, communes et intercommunalités, FSE, autres) des structures qui en ont renseigné au moins un ; somme sur les missions locales qui ont renseigné la colonne ; vide pour un territoire sans classeur ou sans aucune valeur renseignée
-- source: classeurs ARML, feuille « structures » (ICARE)
-- unit: euros
-- coverage: classeurs
-- secret: montant
-- section: Financement, 1
-- short: Financement total
WITH source AS (
    SELECT ml, departement, region, fin_total
    FROM stg_arml_structures
    WHERE fin_total IS NOT NULL
)
SELECT * FROM par_territoire('source', sum(fin_total))

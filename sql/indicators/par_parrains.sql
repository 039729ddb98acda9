-- id: PAR_PARRAINS
-- title: Parrains actifs
-- definition: parrains actifs dans l'année, salariés et bénévoles retraités (nb_parrains) ; somme sur les missions locales qui ont renseigné la colonne ; vide pour un territoire sans classeur ou sans aucune valeur renseignée
-- source: classeurs ARML, feuille « structures » (ICARE)
-- unit: parrains
-- coverage: classeurs
-- section: Parrainage, 3
-- short: Parrains
WITH source AS (
    SELECT ml, departement, region, nb_parrains
    FROM stg_arml_structures
    WHERE nb_parrains IS NOT NULL
)
SELECT * FROM par_territoire('source', sum(nb_parrains))

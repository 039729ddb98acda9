-- id: PAR_PARRAINS
-- title: Parrains actifs
-- definition: parrains actifs dans l'année, salariés et bénévoles retraités (nb_parrains) ; somme sur les missions locales qui ont renseigné la colonne ; vide pour un territoire sans classeur ou sans aucune valeur renseignée
-- source: classeurs ARML, feuille « structures » (ICARE)
-- unit: parrains
-- coverage: classeurs
-- section: Parrainage, 3
-- short: Parrains
WITH final AS (
    SELECT ml, departement, region, nb_parrains AS x
    FROM stg_arml_structures
    WHERE nb_parrains IS NOT NULL
)
SELECT
    niveau(GROUPING(ml, departement, region)) AS niveau,
    coalesce(ml, departement, region, 'FR') AS code,
    sum(x) AS valeur
FROM final
GROUP BY GROUPING SETS ((ml), (departement), (region), ())

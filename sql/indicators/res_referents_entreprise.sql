-- id: RES_REFERENTS_ENTREPRISE
-- title: Référents entreprise
-- definition: salariés chargés des relations avec les entreprises (nb_referents_entreprise) ; somme sur les missions locales qui ont renseigné la colonne ; vide pour un territoire sans classeur ou sans aucune valeur renseignée
-- source: classeurs ARML, feuille « structures » (ICARE)
-- unit: salariés
-- coverage: classeurs
-- section: Réseau, 5
-- short: Référents entreprise
WITH source AS (
    SELECT ml, departement, region, nb_referents_entreprise
    FROM stg_arml_structures
    WHERE nb_referents_entreprise IS NOT NULL
)
SELECT * FROM par_territoire('source', sum(nb_referents_entreprise))

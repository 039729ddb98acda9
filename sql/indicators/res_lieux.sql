-- id: RES_LIEUX
-- title: Lieux d'accueil
-- definition: lieux où les jeunes sont reçus, permanents et permanences (nb_lieux_accueil) ; somme sur les missions locales qui ont renseigné la colonne ; vide pour un territoire sans classeur ou sans aucune valeur renseignée
-- source: classeurs ARML, feuille « structures » (ICARE)
-- unit: lieux
-- coverage: classeurs
-- section: Réseau, 2
-- short: Lieux d'accueil
WITH source AS (
    SELECT ml, departement, region, nb_lieux_accueil
    FROM stg_arml_structures
    WHERE nb_lieux_accueil IS NOT NULL
)
SELECT * FROM par_territoire('source', sum(nb_lieux_accueil))

-- id: RES_ETP
-- title: Équivalents temps plein
-- definition: équivalents temps plein au 31/12 (etp), arrondis au dixième ; somme sur les missions locales qui ont renseigné la colonne ; vide pour un territoire sans classeur ou sans aucune valeur renseignée
-- source: classeurs ARML, feuille « structures » (ICARE)
-- unit: ETP
-- coverage: classeurs
-- section: Réseau, 4
-- short: ETP
WITH source AS (
    SELECT ml, departement, region, etp
    FROM stg_arml_structures
    WHERE etp IS NOT NULL
)
SELECT * FROM par_territoire('source', sum(etp))

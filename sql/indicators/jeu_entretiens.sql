-- id: JEU_ENTRETIENS
-- title: Entretiens individuels
-- definition: nombre d'entretiens individuels réalisés datés dans l'exercice, comptés dans le territoire de la structure qui les a enregistrés
-- source: extraits I-milo « evenements »
-- unit: événements
-- coverage: extraits
-- section: Jeunes, 6
-- short: Entretiens indiv.
-- headline: yes
WITH source AS (
    SELECT e.ml, e.departement, e.region
    FROM stg_evenements e, params p
    WHERE e.realise AND year(e.date_evenement) = p.exercice
      AND e.type_evenement = 'ENTRETIEN_INDIVIDUEL'
)
SELECT * FROM par_territoire('source', count(*))

-- id: DIS_PACEA_ENTREES
-- title: Entrées en PACEA
-- definition: jeunes ayant une entrée en PACEA (parcours contractualisé d'accompagnement vers l'emploi et l'autonomie) dans l'exercice ; chaque jeune est compté une fois par territoire, dans celui de sa structure de rattachement
-- source: extraits I-milo « jeunes », « mesures »
-- unit: jeunes
-- coverage: extraits
-- section: Dispositifs, 1
-- short: Entrées PACEA
-- headline: yes
WITH final AS (
    SELECT m.jeune_ml AS ml, m.jeune_departement AS departement, m.jeune_region AS region, m.id_jeune
    FROM stg_mesures m
    WHERE m.categorie IN ('PACEA')
      AND m.entree
)
SELECT
    niveau(GROUPING(ml, departement, region)) AS niveau,
    coalesce(ml, departement, region, 'FR') AS code,
    count(DISTINCT id_jeune) AS valeur
FROM final
GROUP BY GROUPING SETS ((ml), (departement), (region), ())

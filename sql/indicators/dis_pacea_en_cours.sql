-- id: DIS_PACEA_EN_COURS
-- title: Jeunes en PACEA au 31/12
-- definition: jeunes dont un PACEA est en cours le 31/12 de l'exercice (débuté au plus tard le 31/12, sans date de fin ou finissant après le 31/12) ; chaque jeune est compté une fois par territoire, dans celui de sa structure de rattachement
-- source: extraits I-milo « jeunes », « mesures »
-- unit: jeunes
-- coverage: extraits
-- section: Dispositifs, 2
-- short: En PACEA au 31/12
WITH final AS (
    SELECT m.jeune_ml AS ml, m.jeune_departement AS departement, m.jeune_region AS region, m.id_jeune
    FROM stg_mesures m
    WHERE m.categorie IN ('PACEA')
      AND m.en_cours
)
SELECT
    niveau(GROUPING(ml, departement, region)) AS niveau,
    coalesce(ml, departement, region, 'FR') AS code,
    count(DISTINCT id_jeune) AS valeur
FROM final
GROUP BY GROUPING SETS ((ml), (departement), (region), ())

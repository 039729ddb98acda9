-- id: JEU_JDI
-- title: Jeunes en demande d'insertion (JDI) au 31/12
-- definition: jeunes ayant au moins un entretien individuel, une information collective ou un atelier réalisé dans la fenêtre ]D − n mois ; D] (par défaut n = 5 et D = 31/12 de l'exercice, soit du 01/08 au 31/12 ; mois retranchés au calendrier, jour ramené à la fin du mois) ; chaque jeune est compté dans le territoire de sa structure de rattachement
-- source: extraits I-milo « jeunes », « evenements » ; PNAE 2018-2020, note 1 p. 11
-- unit: jeunes
-- coverage: extraits
WITH window_bounds AS (
    SELECT CAST(date_reference - to_months(jdi_mois) AS DATE) AS apres, date_reference AS jusqua
    FROM params
),
final AS (  -- one row per youth and territory before the four groupings: same count, far fewer rows
    SELECT DISTINCT e.jeune_ml AS ml, e.jeune_departement AS departement, e.jeune_region AS region, e.id_jeune
    FROM stg_evenements e, window_bounds w
    WHERE e.realise
      AND e.type_evenement IN ('ENTRETIEN_INDIVIDUEL', 'INFORMATION_COLLECTIVE', 'ATELIER')
      AND e.date_evenement > w.apres AND e.date_evenement <= w.jusqua
)
SELECT
    niveau(GROUPING(ml, departement, region)) AS niveau,
    coalesce(ml, departement, region, 'FR') AS code,
    count(DISTINCT id_jeune) AS valeur
FROM final
GROUP BY GROUPING SETS ((ml), (departement), (region), ())

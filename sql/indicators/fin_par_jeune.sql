-- id: FIN_PAR_JEUNE
-- title: Financement par jeune reçu en entretien, euros
-- definition: financement total (FIN_TOTAL) des missions locales qui ont renseigné leur financement et dont les extraits sont chargés, rapporté aux jeunes reçus en entretien (JEU_ACCUEILLIS) de ces mêmes missions locales, arrondi à l'euro ; vide quand il n'y en a aucune ou que ces jeunes sont 0
-- source: classeurs ARML, feuille « structures » (ICARE) ; extraits I-milo « jeunes », « evenements »
-- unit: euros
-- coverage: classeurs
-- secret: rapport
-- numerator: FIN_TOTAL restricted
-- denominator: JEU_ACCUEILLIS restricted
-- rounding: 1
-- section: Financement, 8
-- short: Par jeune reçu
WITH source AS (
    SELECT s.ml, s.departement, s.region, CAST(s.fin_total * 100 AS HUGEINT) AS centimes, coalesce(a.valeur, 0) AS jeunes
    FROM stg_arml_structures s
    JOIN stg_territoires t ON t.niveau = 'ml' AND t.code = s.ml
    LEFT JOIN jeu_accueillis a ON a.niveau = 'ml' AND a.code = s.ml
    WHERE s.fin_total IS NOT NULL AND t.extraits_charges
),
final AS (
    SELECT niveau, code, valeur.centimes AS centimes, valeur.jeunes AS jeunes
    FROM par_territoire('source', {'centimes': sum(centimes), 'jeunes': sum(jeunes)})
)
SELECT niveau, code,
       CASE WHEN jeunes > 0 THEN CAST((centimes + 50 * jeunes) // (100 * jeunes) AS DECIMAL(18,2)) END AS valeur,
       centimes AS numerateur, jeunes AS denominateur
FROM final

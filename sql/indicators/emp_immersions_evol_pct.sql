-- id: EMP_IMMERSIONS_EVOL_PCT
-- title: Évolution des immersions
-- definition: (immersions de l'exercice − immersions de l'exercice précédent) / immersions de l'exercice précédent × 100, arrondi au dixième ; vide (« n.d. ») quand l'exercice précédent n'a pas été calculé dans l'entrepôt ou vaut 0 pour le territoire
-- source: extraits I-milo « mesures » des deux exercices ; PNAE 2018-2020 (141 000 immersions en 2016, « + de 12 % » sur 2015)
-- unit: %
-- coverage: extraits
-- secret: rapport
-- numerator: EMP_IMMERSIONS - EMP_IMMERSIONS[N-1]
-- denominator: EMP_IMMERSIONS[N-1]
-- section: Emploi, 2
-- short: Évol. immersions
WITH previous AS (
    SELECT i.niveau, i.code, CAST(i.valeur AS BIGINT) AS valeur
    FROM indicateurs i, params p
    WHERE i.exercice = p.exercice - 1 AND i.indicateur = 'EMP_IMMERSIONS' AND i.valeur IS NOT NULL
),
current AS (
    SELECT niveau, code, valeur FROM emp_immersions
),
final AS (
    SELECT prev.niveau, prev.code, coalesce(cur.valeur, 0) - prev.valeur AS numerateur, prev.valeur AS denominateur
    FROM previous prev LEFT JOIN current cur USING (niveau, code)
)
SELECT niveau, code, pct(numerateur, denominateur) AS valeur, numerateur, denominateur
FROM final

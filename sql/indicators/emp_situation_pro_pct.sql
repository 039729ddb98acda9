-- id: EMP_SITUATION_PRO_PCT
-- title: Part des jeunes reçus en entretien ayant bénéficié d'une situation professionnelle
-- definition: jeunes ayant bénéficié d'au moins une situation professionnelle (EMP_SITUATION_PRO) rapportés aux jeunes reçus en entretien (JEU_ACCUEILLIS) × 100, arrondi au dixième ; rapport des deux effectifs
-- source: extraits I-milo « jeunes », « evenements », « mesures »
-- unit: %
-- coverage: extraits
-- secret: rapport
-- numerator: EMP_SITUATION_PRO
-- denominator: JEU_ACCUEILLIS
-- section: Emploi, 8
-- short: Situation pro. / reçus
WITH source AS (
    SELECT a.niveau, a.code, coalesce(s.valeur, 0) AS numerateur, a.valeur AS denominateur
    FROM jeu_accueillis a LEFT JOIN emp_situation_pro s USING (niveau, code)
)
SELECT niveau, code, pct(numerateur, denominateur) AS valeur, numerateur, denominateur
FROM source

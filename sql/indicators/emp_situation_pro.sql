-- id: EMP_SITUATION_PRO
-- title: Jeunes ayant bénéficié d'au moins une situation professionnelle
-- definition: jeunes ayant au moins une entrée dans l'exercice en emploi (CDI, CDD), en alternance (apprentissage, contrat de professionnalisation), en formation ou en retour à l'école ; chaque jeune est compté une fois par territoire, dans celui de sa structure de rattachement
-- source: extraits I-milo « jeunes », « mesures »
-- unit: jeunes
-- coverage: extraits
-- section: Emploi, 7
-- short: Situation pro.
-- headline: yes
WITH final AS (
    SELECT m.jeune_ml AS ml, m.jeune_departement AS departement, m.jeune_region AS region, m.id_jeune
    FROM stg_mesures m
    WHERE m.categorie IN ('EMPLOI_CDI', 'EMPLOI_CDD', 'APPRENTISSAGE', 'CONTRAT_PRO', 'FORMATION', 'SCOLARITE')
      AND m.entree
)
SELECT
    niveau(GROUPING(ml, departement, region)) AS niveau,
    coalesce(ml, departement, region, 'FR') AS code,
    count(DISTINCT id_jeune) AS valeur
FROM final
GROUP BY GROUPING SETS ((ml), (departement), (region), ())

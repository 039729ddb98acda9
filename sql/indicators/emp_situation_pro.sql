-- id: EMP_SITUATION_PRO
-- title: Jeunes ayant bénéficié d'au moins une situation professionnelle
-- definition: jeunes ayant au moins une entrée dans l'exercice en emploi (CDI, CDD), en alternance (apprentissage, contrat de professionnalisation), en formation ou en retour à l'école ; chaque jeune est compté une fois par territoire, dans celui de sa structure de rattachement
-- source: extraits I-milo « jeunes », « mesures »
-- unit: jeunes
-- coverage: extraits
-- section: Emploi, 7
-- short: Situation pro.
-- headline: yes
WITH source AS (
    SELECT jeune_ml AS ml, jeune_departement AS departement, jeune_region AS region, id_jeune,
        jeune_profil AS profil, jeune_plusieurs_lots AS plusieurs_lots
    FROM stg_mesures
    WHERE categorie IN ('EMPLOI_CDI', 'EMPLOI_CDD', 'APPRENTISSAGE', 'CONTRAT_PRO', 'FORMATION', 'SCOLARITE') AND entree
)
SELECT * FROM jeunes_par_territoire('source', count(DISTINCT id_jeune))

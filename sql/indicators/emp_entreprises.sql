-- id: EMP_ENTREPRISES
-- title: Entreprises en contact
-- definition: SIRET valides distincts des mesures PMSMP, apprentissage, contrat de professionnalisation, CDI et CDD débutant dans l'exercice, et des mises en relation ou visites réalisées datées dans l'exercice ; un SIRET appartient au territoire de la structure de la ligne où il figure et y compte une fois (les SIRET invalides sont écartés au chargement)
-- source: extraits I-milo « mesures », « evenements »
-- unit: entreprises
-- coverage: extraits
-- section: Emploi, 4
-- short: Entreprises
-- headline: yes
WITH from_measures AS (
    SELECT m.ml, m.departement, m.region, m.siret
    FROM stg_mesures m
    WHERE m.categorie IN ('PMSMP', 'APPRENTISSAGE', 'CONTRAT_PRO', 'EMPLOI_CDI', 'EMPLOI_CDD')
      AND m.entree
      AND m.siret IS NOT NULL
),
from_events AS (
    SELECT e.ml, e.departement, e.region, e.siret
    FROM stg_evenements e, params p
    WHERE e.realise AND e.type_evenement IN ('MISE_EN_RELATION', 'VISITE')
      AND e.date_evenement BETWEEN p.debut AND p.fin
      AND e.siret IS NOT NULL
),
final AS (
    SELECT * FROM from_measures
    UNION ALL
    SELECT * FROM from_events
)
SELECT * FROM par_territoire('final', count(DISTINCT siret))

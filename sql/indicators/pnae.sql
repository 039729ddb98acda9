-- id: PNAE_*
-- title: Suivi des 13 actions du PNAE
-- definition: pour chaque action du PNAE (PNAE_Axx_…), nombre d'ARML qui s'en déclarent référentes (REFERENTE) ou concernées (CONCERNEE) et, parmi les ARML référentes ou concernées, nombre qui la déclarent non démarrée (NON_DEMARREE), en cours (EN_COURS) ou réalisée (REALISEE) ; au niveau régional, les réponses du classeur de la région
-- source: classeurs ARML, feuille « suivi_pnae »
-- unit: ARML
-- coverage: classeurs
-- levels: region, national
-- section: PNAE, 1
WITH measures AS (
    SELECT * FROM (VALUES
        (1, 'REFERENTE', 'ARML référentes'), (2, 'CONCERNEE', 'ARML concernées'),
        (3, 'NON_DEMARREE', 'non démarrée'), (4, 'EN_COURS', 'en cours'), (5, 'REALISEE', 'réalisée')
    ) AS t(ordre, mesure, libelle)
),
grid AS (
    SELECT x.action, m.mesure, m.libelle
    FROM actions_pnae x CROSS JOIN measures m
),
per_region AS (
    SELECT c.region, g.action, g.mesure, g.libelle,
           count(s.region) FILTER (WHERE s.role = g.mesure
               OR (s.role IN ('REFERENTE', 'CONCERNEE') AND s.statut = g.mesure)) AS valeur
    FROM stg_classeurs c
    CROSS JOIN grid g
    LEFT JOIN stg_arml_pnae s ON s.region = c.region AND s.action = g.action
    GROUP BY ALL
),
counted AS (
    SELECT 'region' AS niveau, region AS code, action, mesure, libelle, valeur FROM per_region
    UNION ALL
    SELECT 'national', 'FR', g.action, g.mesure, g.libelle, coalesce(sum(p.valeur), 0)
    FROM grid g LEFT JOIN per_region p USING (action, mesure)
    GROUP BY ALL
),
final AS (
    SELECT
        printf('PNAE_A%02d_%s', action, mesure) AS indicateur,
        printf('Action %d – %s', action, libelle) AS titre,
        niveau, code, valeur
    FROM counted
)
SELECT * FROM final

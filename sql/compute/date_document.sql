-- The date printed in the documents when none is given: the latest date among the
-- exercice's rows, capped at 31/12 of the following year, so the same inputs always give
-- the same bytes (never the clock).
WITH p AS (
    SELECT exercice FROM params
),
dates AS (
    SELECT max(date_evenement) AS d FROM stg_evenements
    UNION ALL
    SELECT max(greatest(date_debut, coalesce(date_fin, date_debut))) FROM stg_mesures
    UNION ALL
    SELECT max(date_premier_accueil) FROM stg_jeunes
),
final AS (
    SELECT least(coalesce(max(dates.d), make_date(p.exercice, 12, 31)), make_date(p.exercice + 1, 12, 31)) AS date_document
    FROM dates, p
    GROUP BY p.exercice
)
SELECT * FROM final

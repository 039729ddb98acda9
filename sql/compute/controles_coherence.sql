-- Consistency checks of the run, printed in the methodology of every report: for every
-- additive indicator (counts of youths, events, measures, structures, mentors, sites and
-- staff; FTE and euros), France = Σ regions = Σ départements = Σ missions locales. A
-- failed check is shown, never hidden.
WITH p AS (
    SELECT exercice FROM params
),
additive AS (
    SELECT indicateur FROM catalogue
    WHERE unite IN ('structures', 'jeunes', 'événements', 'mesures', 'parrains', 'lieux', 'salariés', 'ETP', 'euros')
),
sums AS (
    SELECT
        i.indicateur,
        sum(i.valeur) FILTER (WHERE i.niveau = 'national') AS france,
        sum(i.valeur) FILTER (WHERE i.niveau = 'region') AS regions,
        sum(i.valeur) FILTER (WHERE i.niveau = 'departement') AS departements,
        sum(i.valeur) FILTER (WHERE i.niveau = 'ml') AS missions_locales
    FROM indicateurs i
    JOIN p USING (exercice)
    WHERE i.indicateur IN (SELECT indicateur FROM additive)
    GROUP BY i.indicateur
),
final AS (
    SELECT
        indicateur, france, regions, departements, missions_locales,
        france IS NOT DISTINCT FROM regions
            AND regions IS NOT DISTINCT FROM departements
            AND departements IS NOT DISTINCT FROM missions_locales AS coherent
    FROM sums
)
SELECT * FROM final ORDER BY indicateur

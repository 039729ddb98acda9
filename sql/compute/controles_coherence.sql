-- Consistency checks of the run, printed in the methodology of every report: for every
-- additive indicator (counts of youths, events, measures, structures, mentors, sites and
-- staff; FTE and euros; not ratios), France = Σ regions = Σ départements = Σ missions
-- locales, over the levels the indicator is defined at. A failed check is shown, never
-- hidden.
WITH p AS (
    SELECT exercice FROM params
),
additive AS (
    SELECT indicateur, string_split(niveaux, ',') AS niveaux FROM catalogue
    WHERE unite IN ('structures', 'jeunes', 'événements', 'mesures', 'parrains', 'lieux', 'salariés', 'ETP', 'euros')
      AND secret <> 'rapport'
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
        s.indicateur, s.france, s.regions, s.departements, s.missions_locales,
        s.france IS NOT DISTINCT FROM s.regions
            AND (NOT list_contains(a.niveaux, 'departement') OR s.regions IS NOT DISTINCT FROM s.departements)
            AND (NOT list_contains(a.niveaux, 'ml') OR s.departements IS NOT DISTINCT FROM s.missions_locales) AS coherent
    FROM sums s JOIN additive a USING (indicateur)
)
SELECT * FROM final ORDER BY indicateur

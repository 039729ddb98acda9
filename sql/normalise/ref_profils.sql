-- materialised: once per compute run, before stg_jeunes (a view, its 5-fold cross join
-- misleads the planner of the join in stg_jeunes)
-- Every combination of one modalité per dimension of ref_modalites (a profile), numbered
-- from 1: stg_jeunes gives each youth the number of its own, the breakdowns count youths
-- by profile (cheap to group by), then read each profile back as its modalités.
-- croisements are the dimensions crossing two others, defined here once from the
-- profile's modalités (stg_jeunes matches a youth on modalites alone):
--   sexe_age  the sexe and the age band, « F_18_21 », or « inconnu » for a youth of
--             unknown sexe, whatever the age
WITH m AS (
    SELECT dimension, modalite, rang FROM ref_modalites
),
final AS (
    SELECT
        CAST(row_number() OVER (ORDER BY s.rang, a.rang, n.rang, q.rang, z.rang) AS SMALLINT) AS profil,
        {'sexe': s.modalite, 'age': a.modalite, 'niveau_formation': n.modalite, 'qpv': q.modalite, 'zrr': z.modalite} AS modalites,
        {'sexe_age': CASE WHEN s.modalite = 'inconnu' THEN 'inconnu' ELSE s.modalite || '_' || a.modalite END} AS croisements
    FROM m s, m a, m n, m q, m z
    WHERE s.dimension = 'sexe' AND a.dimension = 'age' AND n.dimension = 'niveau_formation'
      AND q.dimension = 'qpv' AND z.dimension = 'zrr'
)
SELECT * FROM final

-- materialised: once per compute run, read by every indicator
-- Youths of the exercice with their territory. A region's own batch wins over the
-- national batch for the youths attached to that region; youths attached to a technical
-- structure are left out.
-- profil is the youth's modalités in the dimensions of the breakdowns of youth counts, as
-- the number of that combination in ref_profils (a small integer, cheap to group by). One
-- definition per dimension, below (modalites); a missing or unknown code is « inconnu », so
-- that every youth has exactly one modalité in each:
--   sexe              F, H, inconnu
--   age               on 31/12 of the exercice: moins_de_18, 18_21, 22_25, 26_et_plus (the
--                     birth date is mandatory and the age 14 to 30 at ingest: a youth
--                     without one would have no profil, and controles_ventilations says so)
--   niveau_formation  infra_V (VI, VBIS; 1, 2), V (V; 3), IV (IV; 4), III_et_plus (III, II,
--                     I; 5 to 8), inconnu
--   qpv, zrr          oui, non, inconnu
-- plusieurs_lots is true for a youth in another region's batch too (a youth counts once in
-- France, see jeunes_par_territoire).
WITH p AS (
    SELECT exercice, fin FROM params
),
regional AS (
    SELECT b.scope FROM batches b JOIN p USING (exercice)
    WHERE b.kind = 'jeunes' AND b.scope <> 'national'
),
source AS (
    SELECT j.*, s.code_departement, s.region, s.technique
    FROM raw_jeunes j
    JOIN p USING (exercice)
    JOIN stg_referentiel s USING (code_structure)
),
groupes AS (
    SELECT
        scope, id_jeune,
        code_structure AS ml, code_departement AS departement, region,
        date_naissance, sexe, niveau_formation, diplome_obtenu, qpv, zrr, date_premier_accueil,
        CASE
            WHEN niveau_formation IN ('VI', 'VBIS', '1', '2') THEN 'INFRA_V'
            WHEN niveau_formation IN ('V', '3') THEN 'V'
            WHEN niveau_formation IN ('IV', '4') THEN 'IV'
            WHEN niveau_formation IN ('III', '5') THEN 'III'
            WHEN niveau_formation IN ('II', '6') THEN 'II'
            WHEN niveau_formation IN ('I', '7', '8') THEN 'I'
        END AS niveau_groupe
    FROM source
    WHERE NOT technique
      AND (scope <> 'national' OR region NOT IN (SELECT scope FROM regional))
),
modalites AS (
    SELECT
        g.*,
        {
            'sexe': CASE g.sexe WHEN 'F' THEN 'F' WHEN 'H' THEN 'H' ELSE 'inconnu' END,
            'age': CASE
                WHEN age_au(g.date_naissance, p.fin) < 18 THEN 'moins_de_18'
                WHEN age_au(g.date_naissance, p.fin) <= 21 THEN '18_21'
                WHEN age_au(g.date_naissance, p.fin) <= 25 THEN '22_25'
                WHEN age_au(g.date_naissance, p.fin) >= 26 THEN '26_et_plus'
                ELSE 'inconnu'
            END,
            'niveau_formation': CASE
                WHEN g.niveau_groupe = 'INFRA_V' THEN 'infra_V'
                WHEN g.niveau_groupe = 'V' THEN 'V'
                WHEN g.niveau_groupe = 'IV' THEN 'IV'
                WHEN g.niveau_groupe IN ('III', 'II', 'I') THEN 'III_et_plus'
                ELSE 'inconnu'
            END,
            'qpv': CASE g.qpv WHEN true THEN 'oui' WHEN false THEN 'non' ELSE 'inconnu' END,
            'zrr': CASE g.zrr WHEN true THEN 'oui' WHEN false THEN 'non' ELSE 'inconnu' END
        } AS modalites
    FROM groupes g, p
),
plusieurs AS (   -- only looked for when the youths come from several batches
    SELECT id_jeune FROM groupes
    WHERE (SELECT count(DISTINCT scope) FROM groupes) > 1
    GROUP BY id_jeune HAVING count(*) > 1
),
final AS (
    SELECT
        m.* EXCLUDE (modalites),
        r.profil,
        m.id_jeune IN (SELECT id_jeune FROM plusieurs) AS plusieurs_lots
    FROM modalites m
    LEFT JOIN ref_profils r USING (modalites)
)
SELECT * FROM final

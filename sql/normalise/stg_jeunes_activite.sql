-- materialised: once per compute run, read by the youth counts over events
-- One row per youth of the exercice having at least one realised event that counts
-- (stg_evenements' rules: not recorded by a technical structure, of a known type), with
-- the youth's territory, profil and plusieurs_lots (see stg_jeunes) and what those events
-- say. The four youth counts read these 1.4 million rows instead of folding the 10 million
-- events each.
--   contact       a realised event of any type dated in the exercice
--   accueilli     a realised individual interview, group information or workshop dated in the exercice
--   accueilli_ei  a realised individual interview dated in the exercice
--   jdi           a realised individual interview, group information or workshop in the JDI
--                 window ]date_reference − jdi_mois months ; date_reference]
WITH p AS (
    SELECT exercice, debut, fin,
        CAST(date_reference - to_months(jdi_mois) AS DATE) AS jdi_apres, date_reference AS jdi_jusqua
    FROM params
),
per_youth AS (
    SELECT
        e.scope, e.id_jeune,
        bool_or(e.date_evenement BETWEEN p.debut AND p.fin) AS contact,
        bool_or(e.type_evenement IN ('ENTRETIEN_INDIVIDUEL', 'INFORMATION_COLLECTIVE', 'ATELIER')
            AND e.date_evenement BETWEEN p.debut AND p.fin) AS accueilli,
        bool_or(e.type_evenement = 'ENTRETIEN_INDIVIDUEL'
            AND e.date_evenement BETWEEN p.debut AND p.fin) AS accueilli_ei,
        bool_or(e.type_evenement IN ('ENTRETIEN_INDIVIDUEL', 'INFORMATION_COLLECTIVE', 'ATELIER')
            AND e.date_evenement > p.jdi_apres AND e.date_evenement <= p.jdi_jusqua) AS jdi
    FROM raw_evenements e
    JOIN p USING (exercice)
    JOIN stg_referentiel s ON s.code_structure = e.code_structure
    WHERE e.statut = 'REALISE' AND evenement_compte(e.type_evenement, s.technique)
    GROUP BY e.scope, e.id_jeune
),
final AS (
    SELECT j.scope, j.id_jeune, j.ml, j.departement, j.region, j.profil, j.plusieurs_lots,
        a.contact, a.accueilli, a.accueilli_ei, a.jdi
    FROM per_youth a
    JOIN stg_jeunes j USING (scope, id_jeune)
)
SELECT * FROM final

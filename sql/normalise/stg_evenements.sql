-- Events of the exercice's youths, with the territory of the structure that recorded the
-- event (ml, departement, region) and that of the youth (jeune_*). Events recorded by a
-- technical structure and events of an unknown type count nowhere.
WITH p AS (
    SELECT exercice FROM params
),
final AS (
    SELECT
        e.id_jeune, e.date_evenement, e.type_evenement,
        coalesce(e.statut = 'REALISE', false) AS realise, -- an empty statut is not realised
        e.siret,
        s.code_structure AS ml, s.code_departement AS departement, s.region,
        j.ml AS jeune_ml, j.departement AS jeune_departement, j.region AS jeune_region
    FROM raw_evenements e
    JOIN p USING (exercice)
    JOIN stg_jeunes j ON j.scope = e.scope AND j.id_jeune = e.id_jeune
    JOIN stg_referentiel s ON s.code_structure = e.code_structure
    WHERE evenement_compte(e.type_evenement, s.technique)
)
SELECT * FROM final

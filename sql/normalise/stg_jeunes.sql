-- materialised: once per compute run, read by every indicator
-- Youths of the exercice with their territory. A region's own batch wins over the
-- national batch for the youths attached to that region; youths attached to a technical
-- structure are left out.
WITH p AS (
    SELECT exercice FROM params
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
final AS (
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
)
SELECT * FROM final

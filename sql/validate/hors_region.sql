-- rule: hors_region
-- severity: refus
-- columns: jeunes.code_structure
-- detail: structure_region, perimetre
-- message: la structure « {valeur} » est rattachée à la région {1}, hors du périmètre du lot (région {2}) ; fichier refusé
-- A regional batch carries the youths of its own region's missions locales only.
CREATE OR REPLACE TEMP MACRO rule_hors_region(v, rejet, structure_technique, structure_region, perimetre) AS
    rejet IS NULL AND NOT structure_technique AND perimetre <> 'national' AND structure_region IS DISTINCT FROM perimetre;

-- rule: referentiel_autre_region
-- severity: refus
-- columns: referentiel.code_region
-- detail: code_region, perimetre
-- message: la structure « {valeur} » est déclarée dans la région {1} : un lot de la région {2} ne porte que le référentiel de sa région ; fichier refusé
-- valeur: code_structure
CREATE OR REPLACE TEMP MACRO rule_referentiel_autre_region(v, rejet, structure_region, perimetre) AS
    rejet IS NULL AND perimetre <> 'national' AND structure_region IS DISTINCT FROM perimetre;

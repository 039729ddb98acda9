-- rule: referentiel_changement_de_region
-- severity: refus
-- columns: referentiel.code_region
-- detail: region_en_vigueur, perimetre
-- valeur: code_structure
-- message: la structure « {valeur} » est rattachée à la région {1} dans le référentiel en vigueur : un lot de la région {2} ne peut la reprendre ; fichier refusé
CREATE OR REPLACE TEMP MACRO rule_referentiel_changement_de_region(v, rejet, structure_region, region_en_vigueur, perimetre) AS
    rejet IS NULL AND perimetre <> 'national' AND structure_region = perimetre AND region_en_vigueur <> perimetre;

-- rule: structure_inconnue
-- severity: rejet
-- order: 40
-- columns: jeunes.code_structure, evenements.code_structure, mesures.code_structure
-- message: la structure « {valeur} » n'existe pas dans le référentiel de l'exercice ; ligne rejetée
CREATE OR REPLACE TEMP MACRO rule_structure_inconnue(v, structure_region, structure_technique) AS structure_technique IS NULL;

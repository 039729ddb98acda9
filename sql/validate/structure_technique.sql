-- rule: structure_technique
-- severity: avertissement
-- columns: referentiel.code_structure, jeunes.code_structure
-- message: la structure « {valeur} » est une structure technique : ligne chargée mais comptée dans aucun indicateur (avertissement)
-- A kept row of a technical structure (code 999…, or no region).
CREATE OR REPLACE TEMP MACRO rule_structure_technique(v, rejet, structure_technique) AS rejet IS NULL AND structure_technique;

-- rule: siret_invalide
-- severity: avertissement
-- columns: evenements.siret, mesures.siret
-- message: le SIRET « {valeur} » n'est pas valide : il est ignoré, la ligne est gardée (avertissement)
CREATE OR REPLACE TEMP MACRO rule_siret_invalide(v, siret) AS siret IS NULL;

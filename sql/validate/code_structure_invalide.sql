-- rule: code_structure_invalide
-- severity: rejet
-- order: 20
-- columns: referentiel.code_structure
-- message: « {valeur} » n'est pas un code structure valide (5 caractères du code commune puis S00, par exemple 13201S00) ; ligne rejetée
CREATE OR REPLACE TEMP MACRO rule_code_structure_invalide(v) AS NOT regexp_full_match(v, '([0-9]{2}|2[AB])[0-9]{3}S00');

-- rule: code_departement_invalide
-- severity: rejet
-- order: 20
-- columns: referentiel.code_departement
-- message: « {valeur} » n'est pas un code de département (01 à 95, 2A, 2B, 971 à 976 ou 978) ; ligne rejetée
-- A département (extracts.md §2.1): 01 to 95 but 20, 2A and 2B for Corsica, 971 to 976 and 978 (Saint-Martin).
CREATE OR REPLACE TEMP MACRO rule_code_departement_invalide(v) AS
    NOT regexp_full_match(v, '0[1-9]|1[0-9]|[3-8][0-9]|9[0-5]|2[1-9]|2A|2B|97[1-6]|978');

-- rule: doublon
-- severity: rejet
-- order: 30
-- columns: referentiel.code_structure, jeunes.id_jeune, evenements.id_evenement, mesures.id_mesure
-- detail: premier_rang % 4294967296
-- message: identifiant déjà présent ligne {1} (seule la première occurrence est gardée) ; ligne rejetée
-- The first occurrence of an id in the files of a kind (in reading order) is kept, rejected
-- or not for another reason; every later one is rejected.
CREATE OR REPLACE TEMP MACRO rule_doublon(v, rang, premier_rang) AS rang <> premier_rang;

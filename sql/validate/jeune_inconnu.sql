-- rule: jeune_inconnu
-- severity: rejet
-- order: 41
-- columns: evenements.id_jeune, mesures.id_jeune
-- message: ce jeune n'existe pas parmi les jeunes du lot ; ligne rejetée
CREATE OR REPLACE TEMP MACRO rule_jeune_inconnu(v, jeune_connu) AS NOT jeune_connu;

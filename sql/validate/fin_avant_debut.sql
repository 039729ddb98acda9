-- rule: fin_avant_debut
-- severity: rejet
-- order: 50
-- columns: mesures.date_fin
-- detail: date_debut
-- message: la date de fin « {valeur} » précède la date de début « {1} » ; ligne rejetée
CREATE OR REPLACE TEMP MACRO rule_fin_avant_debut(v, date, date_debut_date) AS date < date_debut_date;

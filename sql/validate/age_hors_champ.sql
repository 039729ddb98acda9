-- rule: age_hors_champ
-- severity: rejet
-- order: 50
-- columns: jeunes.date_naissance
-- detail: exercice
-- message: l'âge au 31/12/{1} est hors du champ de 14 à 30 ans ; ligne rejetée
CREATE OR REPLACE TEMP MACRO rule_age_hors_champ(v, date, exercice) AS
    age_au(date, make_date(exercice, 12, 31)) NOT BETWEEN 14 AND 30;

-- rule: date_hors_periode
-- severity: rejet
-- order: 50
-- columns: evenements.date_evenement
-- detail: exercice + 1
-- message: la date « {valeur} » est hors de la période acceptée (du 01/01/2005 au 31/12/{1}) ; ligne rejetée
-- message_sans_valeur: la date est hors de la période acceptée (du 01/01/2005 au 31/12/{1} ; valeur personnelle non reproduite) ; ligne rejetée
CREATE OR REPLACE TEMP MACRO rule_date_hors_periode(v, date, exercice) AS
    date NOT BETWEEN DATE '2005-01-01' AND make_date(exercice + 1, 12, 31);

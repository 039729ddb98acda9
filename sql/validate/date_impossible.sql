-- rule: date_impossible
-- severity: rejet
-- order: 21
-- columns: jeunes.date_naissance, jeunes.date_premier_accueil, evenements.date_evenement, mesures.date_debut, mesures.date_fin
-- message: la date « {valeur} » n'existe pas ; ligne rejetée
-- message_sans_valeur: cette date n'existe pas (valeur personnelle non reproduite) ; ligne rejetée
-- Written as a date (date_invalide comes first) but no such day: 31/02, month 13, year before 1900.
CREATE OR REPLACE TEMP MACRO rule_date_impossible(v, date) AS date IS NULL;

-- rule: date_invalide
-- severity: rejet
-- order: 20
-- columns: jeunes.date_naissance, jeunes.date_premier_accueil, evenements.date_evenement, mesures.date_debut, mesures.date_fin
-- message: la date « {valeur} » est illisible (attendu jj/mm/aaaa ou aaaa-mm-jj) ; ligne rejetée
-- message_sans_valeur: date illisible (attendu jj/mm/aaaa ou aaaa-mm-jj ; valeur personnelle non reproduite) ; ligne rejetée
-- (A CASE, so that the regular expressions run only for the dates not read.)
CREATE OR REPLACE TEMP MACRO rule_date_invalide(v, date) AS CASE WHEN date IS NULL THEN NOT date_lisible(v) ELSE false END;

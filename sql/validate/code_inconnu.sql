-- rule: code_inconnu
-- severity: avertissement
-- columns: referentiel.code_region, jeunes.sexe, jeunes.niveau_formation, evenements.type_evenement, evenements.statut, mesures.categorie
-- message: « {valeur} » n'est pas un code connu : ligne chargée mais comptée dans aucun indicateur (avertissement)
-- message_sans_valeur: la valeur n'est pas un code connu (valeur personnelle non reproduite) : ligne chargée mais comptée dans aucun indicateur (avertissement)
CREATE OR REPLACE TEMP MACRO rule_code_inconnu(v, code) AS code IS NULL;

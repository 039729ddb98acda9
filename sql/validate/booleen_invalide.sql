-- rule: booleen_invalide
-- severity: rejet
-- order: 20
-- columns: jeunes.diplome_obtenu, jeunes.qpv, jeunes.zrr
-- message: « {valeur} » n'est pas une réponse oui/non reconnue (O/N, oui/non, 1/0, vrai/faux) ; ligne rejetée
-- message_sans_valeur: la valeur n'est pas une réponse oui/non reconnue (O/N, oui/non, 1/0, vrai/faux ; valeur personnelle non reproduite) ; ligne rejetée
CREATE OR REPLACE TEMP MACRO rule_booleen_invalide(v, booleen) AS booleen IS NULL;

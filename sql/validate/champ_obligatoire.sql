-- rule: champ_obligatoire
-- severity: rejet
-- order: 10
-- columns: referentiel.code_structure, referentiel.nom_officiel, referentiel.code_departement, jeunes.id_jeune, jeunes.code_structure, jeunes.date_naissance, evenements.id_evenement, evenements.id_jeune, evenements.code_structure, evenements.date_evenement, evenements.type_evenement, mesures.id_mesure, mesures.id_jeune, mesures.code_structure, mesures.categorie, mesures.date_debut
-- A referential row without code_region is kept: its structure is technical.
-- message: valeur obligatoire manquante ; ligne rejetée
CREATE OR REPLACE TEMP MACRO rule_champ_obligatoire(v) AS v IS NULL;

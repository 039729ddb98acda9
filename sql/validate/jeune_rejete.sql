-- rule: jeune_rejete
-- severity: rejet
-- order: 40
-- columns: evenements.id_jeune, mesures.id_jeune
-- message: la ligne de ce jeune a été rejetée dans le fichier des jeunes ; cette ligne l'est aussi
CREATE OR REPLACE TEMP MACRO rule_jeune_rejete(v, jeune_rejete) AS jeune_rejete;

-- Youths whose first reception in the network falls in the exercice, with their profile
-- at that date (the population of the JEU_PA_* shares).
WITH final AS (
    SELECT
        j.ml, j.departement, j.region, j.id_jeune,
        j.sexe, j.niveau_groupe, j.diplome_obtenu, j.qpv, j.zrr,
        age_au(j.date_naissance, j.date_premier_accueil) AS age_premier_accueil
    FROM stg_jeunes j, params p
    WHERE year(j.date_premier_accueil) = p.exercice
)
SELECT * FROM final

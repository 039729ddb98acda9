-- Sheet « structures » of the ARML workbooks of the exercice, one row per mission locale
-- that gave at least one value, placed in the territories of the referential.
WITH p AS (
    SELECT exercice FROM params
),
final AS (
    SELECT
        s.code_structure AS ml, r.code_departement AS departement, r.region,
        s.nb_lieux_accueil, s.nb_salaries, s.etp, s.nb_referents_entreprise,
        s.reseau_parrainage, s.nb_parrains,
        s.fin_etat, s.fin_region, s.fin_departements, s.fin_communes, s.fin_fse, s.fin_autres,
        -- operating funding of the structure, when it gave at least one funder
        CASE WHEN coalesce(s.fin_etat, s.fin_region, s.fin_departements, s.fin_communes, s.fin_fse, s.fin_autres) IS NOT NULL
             THEN coalesce(s.fin_etat, 0) + coalesce(s.fin_region, 0) + coalesce(s.fin_departements, 0)
                + coalesce(s.fin_communes, 0) + coalesce(s.fin_fse, 0) + coalesce(s.fin_autres, 0)
        END AS fin_total
    FROM raw_arml_structures s
    JOIN p USING (exercice)
    JOIN stg_referentiel r USING (code_structure)
    WHERE NOT r.technique AND r.region = s.scope
)
SELECT * FROM final

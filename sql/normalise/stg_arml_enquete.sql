-- Sheet « enquete_numerique » of the ARML workbooks of the exercice: one row per region
-- that answered. NULL answers are "not answered" (empty, NC, « Non concerné »).
WITH p AS (
    SELECT exercice FROM params
),
final AS (
    SELECT
        e.scope AS region,
        e.q1_plan_action, e.q2_prestataires, e.q2_liste, e.q3_appel_offres, e.q4_applications,
        e.q5_interop_imilo, e.q6_cout_compte_60, e.q6_cout_compte_61, e.q6_cout_compte_62,
        -- the total when given, else the sum of the accounts given, else nothing
        coalesce(e.q6_cout_total,
                 CASE WHEN coalesce(e.q6_cout_compte_60, e.q6_cout_compte_61, e.q6_cout_compte_62) IS NOT NULL
                      THEN coalesce(e.q6_cout_compte_60, 0) + coalesce(e.q6_cout_compte_61, 0) + coalesce(e.q6_cout_compte_62, 0)
                 END) AS cout_total,
        e.q7_etp
    FROM raw_arml_enquete_numerique e
    JOIN p USING (exercice)
)
SELECT * FROM final

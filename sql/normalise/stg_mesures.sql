-- materialised: once per compute run, read by every indicator
-- Measures of the exercice's youths, with the territory of the structure that recorded
-- them and that of the youth (with the youth's profil and plusieurs_lots, see stg_jeunes),
-- and the three period rules of indicators.md: entree (starts within the exercice), active
-- (started by 31/12 and not ended before 01/01) and en_cours (running on 31/12: no end date
-- or ending after it). Measures of a technical structure or of an unknown category count
-- nowhere.
WITH p AS (
    SELECT exercice, debut, fin FROM params
),
final AS (
    SELECT
        m.scope, m.id_jeune, m.id_mesure, m.categorie, m.date_debut, m.date_fin, m.siret, m.id_parrain,
        m.date_debut BETWEEN p.debut AND p.fin AS entree,
        m.date_debut <= p.fin AND (m.date_fin IS NULL OR m.date_fin >= p.debut) AS active,
        m.date_debut <= p.fin AND (m.date_fin IS NULL OR m.date_fin > p.fin) AS en_cours,
        s.code_structure AS ml, s.code_departement AS departement, s.region,
        j.ml AS jeune_ml, j.departement AS jeune_departement, j.region AS jeune_region,
        j.profil AS jeune_profil, j.plusieurs_lots AS jeune_plusieurs_lots
    FROM raw_mesures m
    JOIN p USING (exercice)
    JOIN stg_jeunes j ON j.scope = m.scope AND j.id_jeune = m.id_jeune
    JOIN stg_referentiel s ON s.code_structure = m.code_structure
    WHERE NOT s.technique
      AND m.categorie IN (SELECT code FROM ref_codes WHERE liste = 'categorie') -- extracts.md's categories
)
SELECT * FROM final

-- The applications (q4) and providers (q2) the ARMLs cite, normalised: names trimmed,
-- case- and accent-folded to match, counted by the number of ARMLs citing each, most
-- cited first, with the list of the regions citing it. The name printed is the most frequent spelling (ties: the first in
-- alphabetical order). An entry that looks like a contact (an e-mail address or a phone
-- number) is left out: free text is never printed as given in a published pack.
WITH cited AS (
    SELECT region, 'application' AS question, unnest(string_split(q4_applications, '|')) AS nom
    FROM stg_arml_enquete
    UNION ALL
    SELECT region, 'prestataire', unnest(string_split(q2_liste, '|'))
    FROM stg_arml_enquete
),
cleaned AS (
    SELECT region, question, trim(regexp_replace(nom, '\s+', ' ', 'g')) AS nom
    FROM cited
),
kept AS (
    SELECT region, question, nom, lower(strip_accents(nom)) AS cle
    FROM cleaned
    WHERE nom <> '' AND NOT regexp_matches(nom, '@|[0-9]{2}[ .]?[0-9]{2}[ .]?[0-9]{2}[ .]?[0-9]{2}')
),
spellings AS (
    SELECT question, cle, nom, count(*) AS n,
           row_number() OVER (PARTITION BY question, cle ORDER BY count(*) DESC, nom) AS rang
    FROM kept
    GROUP BY question, cle, nom
),
final AS (
    SELECT k.question, s.nom, count(DISTINCT k.region) AS nb_arml, list(DISTINCT k.region ORDER BY k.region) AS regions
    FROM kept k JOIN spellings s ON s.question = k.question AND s.cle = k.cle AND s.rang = 1
    GROUP BY k.question, s.nom
)
SELECT * FROM final
ORDER BY question, nb_arml DESC, lower(strip_accents(nom))

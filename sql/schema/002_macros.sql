-- Helpers shared by the indicator files. Only CREATE OR REPLACE MACRO statements: a read-only
-- open of a warehouse prepared with another SQL set creates them as TEMP macros.

-- Level of a row of GROUP BY GROUPING SETS ((ml), (departement), (region), ()), from
-- GROUPING(ml, departement, region).
CREATE OR REPLACE MACRO niveau(g) AS
    CASE g WHEN 3 THEN 'ml' WHEN 5 THEN 'departement' WHEN 6 THEN 'region' ELSE 'national' END;

-- A percentage with one decimal, computed exactly on integers and rounded once, half
-- away from zero; NULL when the denominator is 0.
CREATE OR REPLACE MACRO pct(num, den) AS
    CASE WHEN den IS NULL OR den = 0 OR num IS NULL THEN NULL
         ELSE CAST(CAST(sign(num) * sign(den) * ((2000 * abs(num) + abs(den)) // (2 * abs(den))) AS DECIMAL(18,0)) * 0.1 AS DECIMAL(18,1))
    END;

-- A value (DECIMAL(18,2), as indicateurs stores it) as the packs publish it: % and FTE to one decimal, euros to two, counts whole
-- (indicators.md, "Machine-readable output"); the CSV, the workbooks and the PDF show the
-- same number.
CREATE OR REPLACE MACRO valeur_publiee(valeur, unite) AS
    CASE
        WHEN unite IN ('%', 'ETP') THEN CAST(CAST(valeur AS DECIMAL(18,1)) AS DECIMAL(18,2))
        WHEN unite = 'euros' THEN CAST(valeur AS DECIMAL(18,2))
        ELSE CAST(CAST(valeur AS BIGINT) AS DECIMAL(18,2))
    END;

-- Age in whole years on day d (a birthday reached on the day counts; someone born on
-- 29/02 turns a year older on 01/03 in other years).
CREATE OR REPLACE MACRO age_au(naissance, d) AS
    year(d) - year(naissance)
    - CASE WHEN month(d) < month(naissance) OR (month(d) = month(naissance) AND day(d) < day(naissance)) THEN 1 ELSE 0 END;

-- An event counts when it was not recorded by a technical structure and is of one of
-- extracts.md's types, those of ref_codes (an unknown type is kept in raw_evenements and
-- counts nowhere).
CREATE OR REPLACE MACRO evenement_compte(type_evenement, technique) AS
    NOT technique
    AND type_evenement IN (SELECT code FROM ref_codes WHERE liste = 'type_evenement');

-- The skeletons of the indicator files, kept once. An indicator file names the rows it
-- counts in a CTE (its chain, source → … → final) and hands the last CTE's name to one of
-- these table macros, with what to compute over each territory's rows. The CTE keeps the
-- views it reads in the file (compute orders the views by the names after FROM and JOIN).

-- An indicator at the four levels: `agregat` (e.g. count(DISTINCT id_jeune), sum(etp))
-- over the rows of `source` (columns ml, departement, region) in each territory. France
-- is the grand total: a row even when source is empty (a count is then 0, a sum NULL).
-- Several aggregates over the same groups come as one struct, {'a': sum(x), 'b': …},
-- read back as valeur.a, valeur.b.
CREATE OR REPLACE MACRO par_territoire(source, agregat) AS TABLE
    SELECT
        niveau(GROUPING(ml, departement, region)) AS niveau,
        coalesce(ml, departement, region, 'FR') AS code,
        agregat AS valeur
    FROM query_table(source)
    GROUP BY GROUPING SETS ((ml), (departement), (region), ());

-- An indicator of the ARML workbooks at region and national level: `agregat` over the
-- rows of `source` (column region) of each region, and of France.
CREATE OR REPLACE MACRO par_region(source, agregat) AS TABLE
    SELECT
        CASE WHEN GROUPING(region) = 0 THEN 'region' ELSE 'national' END AS niveau,
        coalesce(region, 'FR') AS code,
        agregat AS valeur
    FROM query_table(source)
    GROUP BY GROUPING SETS ((region), ());

-- Youths at the four levels with their breakdowns, from `source`: rows of youths with
-- columns ml, departement, region, id_jeune and, from stg_jeunes, profil and
-- plusieurs_lots. `effectif` counts the youths of a group of rows: count(*) when the
-- source has one row per youth and batch (as stg_jeunes, stg_jeunes_activite),
-- count(DISTINCT id_jeune) when a youth may be on several (one per measure…).
--   valeur       the youths of each territory: `effectif` below France, where a youth is
--                in one batch per region (stg_jeunes); count(DISTINCT id_jeune) in France.
--   ventilation  for each dimension of ref_modalites (the crossed ones of ref_profils,
--                croisements, included), the youths of each modalité found,
--                [{dimension, modalite, valeur}], counted by mission locale and profile,
--                then summed up. In France a youth of several regions' batches
--                (plusieurs_lots) counts once, with the profile of its lowest mission
--                locale code. Computed beside valeur, not from it: controles_ventilations
--                checks that the modalités of each dimension add up to it.
CREATE OR REPLACE MACRO jeunes_par_territoire(source, effectif) AS TABLE
    WITH totaux AS (
        SELECT niveau(GROUPING(ml, departement, region)) AS niveau, coalesce(ml, departement, region) AS code,
            effectif AS valeur
        FROM query_table(source)
        GROUP BY GROUPING SETS ((ml), (departement), (region))
        UNION ALL
        SELECT 'national', 'FR', count(DISTINCT id_jeune)
        FROM query_table(source)
    ),
    par_profil AS (
        SELECT ml, any_value(departement) AS departement, any_value(region) AS region, plusieurs_lots, profil,
            effectif AS n
        FROM query_table(source)
        GROUP BY ml, plusieurs_lots, profil
    ),
    multiples AS (
        SELECT arg_min(profil, ml) AS profil, 1 AS n
        FROM query_table(source)
        WHERE plusieurs_lots
        GROUP BY id_jeune
    ),
    modalites_ml AS (
        SELECT p.ml, p.departement, p.region, p.plusieurs_lots, p.n, unnest(r.modalites), unnest(r.croisements)
        FROM par_profil p JOIN ref_profils r USING (profil)
    ),
    lignes_ml AS (
        UNPIVOT modalites_ml ON COLUMNS(* EXCLUDE (ml, departement, region, plusieurs_lots, n))
        INTO NAME dimension VALUE modalite
    ),
    modalites_multiples AS (
        SELECT m.n, unnest(r.modalites), unnest(r.croisements)
        FROM multiples m JOIN ref_profils r USING (profil)
    ),
    lignes_multiples AS (
        UNPIVOT modalites_multiples ON COLUMNS(* EXCLUDE (n)) INTO NAME dimension VALUE modalite
    ),
    lignes AS (
        SELECT niveau(GROUPING(ml, departement, region)) AS niveau, coalesce(ml, departement, region) AS code,
            dimension, modalite, sum(n) AS valeur
        FROM lignes_ml
        GROUP BY GROUPING SETS ((ml, dimension, modalite), (departement, dimension, modalite), (region, dimension, modalite))
        UNION ALL
        SELECT 'national', 'FR', dimension, modalite, sum(n)
        FROM (
            SELECT dimension, modalite, n FROM lignes_ml WHERE NOT plusieurs_lots
            UNION ALL
            SELECT dimension, modalite, n FROM lignes_multiples
        )
        GROUP BY dimension, modalite
    ),
    ventilations AS (
        SELECT niveau, code,
            list({'dimension': dimension, 'modalite': modalite, 'valeur': CAST(valeur AS BIGINT)} ORDER BY dimension, modalite) AS ventilation
        FROM lignes
        GROUP BY niveau, code
    )
    SELECT t.niveau, t.code, t.valeur, v.ventilation
    FROM totaux t
    LEFT JOIN ventilations v USING (niveau, code);

-- A share of youths at the four levels, in %, from `source` (columns ml, departement,
-- region, id_jeune, compte, connu): the youths counted (compte) among those whose answer
-- is known (connu), each youth once per territory.
CREATE OR REPLACE MACRO part_par_territoire(source) AS TABLE
    WITH counts AS (
        SELECT niveau, code, valeur.numerateur AS numerateur, valeur.denominateur AS denominateur
        FROM par_territoire(source, {
            'numerateur': count(DISTINCT id_jeune) FILTER (WHERE connu AND compte),
            'denominateur': count(DISTINCT id_jeune) FILTER (WHERE connu)})
    )
    SELECT niveau, code, pct(numerateur, denominateur) AS valeur, numerateur, denominateur
    FROM counts;

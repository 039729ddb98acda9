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

-- Age in whole years on day d (a birthday reached on the day counts; someone born on
-- 29/02 turns a year older on 01/03 in other years).
CREATE OR REPLACE MACRO age_au(naissance, d) AS
    year(d) - year(naissance)
    - CASE WHEN month(d) < month(naissance) OR (month(d) = month(naissance) AND day(d) < day(naissance)) THEN 1 ELSE 0 END;

-- An event counts when it was not recorded by a technical structure and is of one of
-- extracts.md's types (an unknown type is kept in raw_evenements and counts nowhere).
CREATE OR REPLACE MACRO evenement_compte(type_evenement, technique) AS
    NOT technique
    AND type_evenement IN ('ENTRETIEN_INDIVIDUEL', 'INFORMATION_COLLECTIVE', 'ATELIER',
        'TELEPHONE', 'EMAIL', 'SMS', 'COURRIER', 'ENTRETIEN_PARTENAIRE', 'VISITE', 'MISE_EN_RELATION');

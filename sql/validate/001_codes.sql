-- Coded values: the table ref_codes (sql/reference/ref_codes.sql) lists each accepted
-- spelling and the code it stands for.
-- code_canonique: the code a value of list l stands for, NULL when unknown. The two maps
-- are built once per query (uncorrelated subqueries); the folded lookup only runs for a
-- value not found as written.
CREATE OR REPLACE TEMP MACRO code_canonique(l, v) AS coalesce(
    (SELECT map_from_entries(list({'k': orthographe, 'v': code})) FROM ref_codes WHERE liste = l)[v],
    (SELECT map_from_entries(list({'k': plier(orthographe), 'v': code})) FROM ref_codes WHERE liste = l)[plier(v)]);

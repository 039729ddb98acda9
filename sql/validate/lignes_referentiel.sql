-- kind: referentiel
-- id: code_structure
-- insert: code_structure, nom_officiel, nom_usuel, code_departement, code_region
-- The referential's rows as the rules read them (v_stage: the file's fields; v_en_vigueur:
-- the referential in force before the call). Saint-Martin (10) is folded into Guadeloupe (01);
-- a structure whose code starts with 999 or without a region is technical.
SELECT s.*,
    coalesce(d.premier_rang, s.rang) AS premier_rang,
    code_canonique('region', s.code_region) AS code_region_code,
    CASE WHEN s.code_region = '10' THEN '01' ELSE s.code_region END AS structure_region,
    starts_with(s.code_structure, '999') OR s.code_region IS NULL AS structure_technique,
    e.region AS region_en_vigueur,
    getvariable('perimetre') AS perimetre
FROM v_stage s
LEFT JOIN v_doublons d ON d.id = s.code_structure
LEFT JOIN v_en_vigueur e USING (code_structure)

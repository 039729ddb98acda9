-- How the rules read a field (extracts.md §1): the macros every rule and every kind's rows use.
-- Fields arrive trimmed, NULL when empty (the Go pass that splits the file trims them).

-- plier: a coded value folded as extracts.md §1 matches codes (case, accents, spaces, "_"
-- and "-" ignored): 'V bis', 'réalisé', 'Non concerné' give 'VBIS', 'REALISE', 'NONCONCERNE'.
CREATE OR REPLACE TEMP MACRO plier(v) AS
    upper(regexp_replace(strip_accents(replace(replace(v, 'œ', 'oe'), 'Œ', 'OE')), '[\s_\-\x{a0}\x{202f}]', '', 'g'));

-- date_sans_heure: the date part of a field, when what follows it (after a space or a T)
-- is a time HH:MM or HH:MM:SS[.fff]; NULL when a time part is not a time.
CREATE OR REPLACE TEMP MACRO date_sans_heure(v) AS CASE
    WHEN NOT regexp_matches(v, '[ T]') THEN v
    WHEN regexp_full_match(v, '([^ T]*)[ T]\s*([01]?[0-9]|2[0-3]):[0-5]?[0-9](:[0-5]?[0-9](\.[^:]*)?)?\s*')
        THEN regexp_extract(v, '^[^ T]*')
    END;

-- date_lisible: written jj/mm/aaaa (also j/m/aaaa) or aaaa-mm-jj, optionally with a time.
CREATE OR REPLACE TEMP MACRO date_lisible(v) AS
    coalesce(regexp_full_match(date_sans_heure(v), '[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}'), false);

CREATE OR REPLACE TEMP MACRO date_depuis_1900(d) AS CASE WHEN d >= DATE '1900-01-01' THEN d END;

-- lire_date: the date a field holds, NULL when unreadable or impossible (31/02, year < 1900).
-- The usual spellings (jj/mm/aaaa, aaaa-mm-jj) are read by one format each (strptime
-- takes digits only, so the shape is checked by the separators' places): the slow path
-- (one-digit day or month, a time after the date) is for the others.
CREATE OR REPLACE TEMP MACRO lire_date(v) AS CASE
    WHEN length(v) = 10 AND v[3] = '/' AND v[6] = '/' THEN date_depuis_1900(CAST(try_strptime(v, '%d/%m/%Y') AS DATE))
    WHEN length(v) = 10 AND v[5] = '-' AND v[8] = '-' THEN date_depuis_1900(CAST(try_strptime(v, '%Y-%m-%d') AS DATE))
    WHEN date_lisible(v) THEN date_depuis_1900(CAST(try_strptime(date_sans_heure(v), ['%d/%m/%Y', '%Y-%m-%d']) AS DATE))
    END;

-- lire_booleen: O/N, oui/non, 1/0, true/false, vrai/faux in any case; NULL otherwise.
CREATE OR REPLACE TEMP MACRO lire_booleen(v) AS CASE
    WHEN v IN ('O', 'N', '1', '0') THEN v IN ('O', '1')  -- the usual spellings, without folding
    ELSE CASE plier(v)
        WHEN 'O' THEN true WHEN 'OUI' THEN true WHEN '1' THEN true WHEN 'TRUE' THEN true WHEN 'VRAI' THEN true
        WHEN 'N' THEN false WHEN 'NON' THEN false WHEN '0' THEN false WHEN 'FALSE' THEN false WHEN 'FAUX' THEN false
        END
    END;

-- siret_lu: a SIRET without its spaces.
CREATE OR REPLACE TEMP MACRO siret_lu(v) AS regexp_replace(v, '[ \x{a0}\x{202f}]', '', 'g');

-- siret_valide: 14 digits passing the Luhn check, or a La Poste SIRET (356000000…) whose
-- digits add up to a multiple of 5.
CREATE OR REPLACE TEMP MACRO siret_valide(v) AS CASE
    WHEN NOT regexp_full_match(siret_lu(v), '[0-9]{14}') THEN false
    WHEN starts_with(siret_lu(v), '356000000')
        THEN list_sum([CAST(c AS INTEGER) for c in string_split(siret_lu(v), '')]) % 5 = 0
    ELSE list_sum([CASE WHEN i % 2 = 1 THEN (2 * CAST(c AS INTEGER)) % 10 + (2 * CAST(c AS INTEGER)) // 10 ELSE CAST(c AS INTEGER) END
                   for c, i in string_split(siret_lu(v), '')]) % 10 = 0
    END;

-- age_au: the age in whole years on day d.
CREATE OR REPLACE TEMP MACRO age_au(naissance, d) AS
    year(d) - year(naissance) - CASE WHEN (month(d), day(d)) < (month(naissance), day(naissance)) THEN 1 ELSE 0 END;

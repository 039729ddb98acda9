-- id: JEU_PA_SANS_BAC_PCT
-- title: Part sans le bac (premier accueil)
-- definition: part des jeunes de niveau VI, V bis ou V, ou de niveau IV sans le diplôme, parmi les jeunes en premier accueil de niveau connu (un niveau IV dont l'obtention du diplôme est inconnue compte comme inconnu)
-- source: extraits I-milo « jeunes » ; PNAE 2018-2020 p. 11 (« près de 60 % des jeunes accueillis pour la première fois n'ont pas le bac »)
-- unit: %
-- coverage: extraits
-- secret: part
-- numerator: own
-- denominator: part of JEU_PREMIER_ACCUEIL
-- section: Profil premier accueil, 3
-- short: Sans le bac
WITH source AS (
    SELECT ml, departement, region, id_jeune,
        niveau_groupe IN ('INFRA_V', 'V') OR (niveau_groupe = 'IV' AND NOT diplome_obtenu) AS compte,
        niveau_groupe IS NOT NULL AND (niveau_groupe <> 'IV' OR diplome_obtenu IS NOT NULL) AS connu
    FROM stg_premiers_accueils
)
SELECT * FROM part_par_territoire('source')

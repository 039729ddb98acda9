-- id: JEU_JDI
-- title: Jeunes en demande d'insertion (JDI) au 31/12
-- definition: jeunes ayant au moins un entretien individuel, une information collective ou un atelier réalisé dans la fenêtre ]D − n mois ; D] (par défaut n = 5 et D = 31/12 de l'exercice, soit du 01/08 au 31/12 ; mois retranchés au calendrier, jour ramené à la fin du mois) ; chaque jeune est compté dans le territoire de sa structure de rattachement
-- source: extraits I-milo « jeunes », « evenements » ; PNAE 2018-2020, note 1 p. 11
-- unit: jeunes
-- coverage: extraits
-- section: Jeunes, 5
-- short: JDI au 31/12
-- headline: yes
WITH source AS (
    SELECT ml, departement, region, id_jeune, profil, plusieurs_lots
    FROM stg_jeunes_activite
    WHERE jdi
)
SELECT * FROM jeunes_par_territoire('source', count(*))

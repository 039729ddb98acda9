-- id: FIN_DEPARTEMENTS_PCT
-- title: Part du financement des départements
-- definition: financement des départements (fin_departements) rapporté au financement total (FIN_TOTAL) des structures qui ont renseigné au moins un financeur × 100, arrondi au dixième
-- source: classeurs ARML, feuille « structures » (ICARE)
-- unit: %
-- coverage: classeurs
-- secret: aucun
-- section: Financement, 4
-- short: Départements
SELECT niveau, code, pct(centimes, total) AS valeur, centimes AS numerateur, total AS denominateur
FROM stg_financements
WHERE financeur = 'fin_departements'

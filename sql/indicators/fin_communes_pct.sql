-- id: FIN_COMMUNES_PCT
-- title: Part du financement des communes et intercommunalités
-- definition: financement des communes et intercommunalités (fin_communes) rapporté au financement total (FIN_TOTAL) des structures qui ont renseigné au moins un financeur × 100, arrondi au dixième
-- source: classeurs ARML, feuille « structures » (ICARE)
-- unit: %
-- coverage: classeurs
-- secret: aucun
-- section: Financement, 5
-- short: Communes et EPCI
SELECT niveau, code, pct(centimes, total) AS valeur, centimes AS numerateur, total AS denominateur
FROM stg_financements
WHERE financeur = 'fin_communes'

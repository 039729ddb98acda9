-- id: FIN_ETAT_PCT
-- title: Part du financement de l'État
-- definition: financement de l'État (fin_etat) rapporté au financement total (FIN_TOTAL) des structures qui ont renseigné au moins un financeur × 100, arrondi au dixième
-- source: classeurs ARML, feuille « structures » (ICARE)
-- unit: %
-- coverage: classeurs
-- secret: aucun
-- section: Financement, 2
-- short: État
SELECT niveau, code, pct(centimes, total) AS valeur, centimes AS numerateur, total AS denominateur
FROM stg_financements
WHERE financeur = 'fin_etat'

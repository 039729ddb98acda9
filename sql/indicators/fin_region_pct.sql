-- id: FIN_REGION_PCT
-- title: Part du financement du conseil régional
-- definition: financement du conseil régional (fin_region) rapporté au financement total (FIN_TOTAL) des structures qui ont renseigné au moins un financeur × 100, arrondi au dixième
-- source: classeurs ARML, feuille « structures » (ICARE)
-- unit: %
-- coverage: classeurs
-- secret: aucun
-- section: Financement, 3
-- short: Région
SELECT niveau, code, pct(centimes, total) AS valeur, centimes AS numerateur, total AS denominateur
FROM stg_financements
WHERE financeur = 'fin_region'

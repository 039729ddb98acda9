-- id: FIN_AUTRES_PCT
-- title: Part du financement des autres financeurs (Pôle emploi compris)
-- definition: financement des autres financeurs (Pôle emploi compris) (fin_autres) rapporté au financement total (FIN_TOTAL) des structures qui ont renseigné au moins un financeur × 100, arrondi au dixième
-- source: classeurs ARML, feuille « structures » (ICARE)
-- unit: %
-- coverage: classeurs
-- secret: aucun
-- section: Financement, 7
-- short: Autres
SELECT niveau, code, pct(centimes, total) AS valeur, centimes AS numerateur, total AS denominateur
FROM stg_financements
WHERE financeur = 'fin_autres'

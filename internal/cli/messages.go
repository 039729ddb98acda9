package cli

import "bilan/internal/french"

// The French sentences the command line prints, in one place so that they read alike
// and are reviewed together. Those ending in « . » without a newline are usage errors
// (usagef), shown after « bilan <commande> : ». The validation messages themselves are
// written by pipeline/ingest (messages.go).

const usage = `bilan — bilan d'activité annuel des missions locales

Usage : bilan <commande> [options]

Commandes :
  generate --scale demo --year A --out DOSSIER
        écrit des extraits synthétiques (exercices A−1 et A) et leur vérité
  validate --year A [--scope R] FICHIERS…
        vérifie des fichiers sans rien charger ; code 3 si un fichier est refusé
  ingest --year A --scope R|national FICHIERS…
        valide et charge un lot dans l'entrepôt, en une seule transaction
  compute --year A
        calcule tous les indicateurs de l'exercice A, à tous les niveaux
  publish --year A --out DOSSIER [--pdf-accessible]
        écrit les dossiers de diffusion (PDF, HTML accessible, XLSX, analystes/indicateurs.csv) ;
        échoue sans rien publier si l'attaquant du secret statistique retrouve une cellule masquée ;
        --pdf-accessible imprime aussi chaque bilan HTML en PDF balisé (…-accessible.pdf, lisible
        par un lecteur d'écran) avec Chromium (paquet Debian chromium)
  catalogue [--out DOSSIER]
        écrit catalogue.html et catalogue.csv : chaque indicateur avec sa définition, sa source,
        son unité, ses niveaux, sa famille, sa requête SQL et sa valeur nationale du dernier
        exercice calculé (telle que publiée, secret statistique compris)
  export --year A --out DOSSIER
        écrit les tables normalisées (stg_*) et les indicateurs de l'exercice A en Parquet,
        partitionnés par exercice et région (DOSSIER/<table>/exercice=A/region=R/) ; rien de
        personnel au-delà des pseudonymes (ni date de naissance, ni identifiant de mesure, ni texte libre)
  attaque --year A --out DOSSIER
        relit les classeurs publiés sous DOSSIER et tente d'en retrouver les cellules masquées
  template --year A --region R [--out FICHIER]
        écrit le classeur ARML vierge de la région, pré-rempli de ses missions locales
        et des 13 actions du PNAE (défaut arml-<région>-<exercice>.xlsx)
  serve --comptes FICHIER [--addr 127.0.0.1:8080] [--depots DOSSIER] [--out DOSSIER] [--taille-max Mo]
        [--fichiers-max N] [--conservation JOURS] [--proxy ADRESSE] [--cert PEM --cle-tls PEM]
        le service web de dépôt des fichiers des ARML
  compte --identifiant ID --region R|DMML
        imprime la ligne du fichier des comptes (mot de passe lu sur l'entrée standard)
  calibrate --year 2016
        compare les chiffres nationaux calculés à ceux du PNAE 2018-2020 (échelle national)
  run --year A [--scope R] --in DOSSIER --out DOSSIER [--pdf-accessible]
        le traitement complet : chargement de chaque lot du dossier, calcul, publication
        (les sous-dossiers nommés d'après un code région ou « national » sont des lots de ce périmètre)

Options communes :
  --warehouse CHEMIN   entrepôt DuckDB (ou BILAN_WAREHOUSE ; défaut var/bilan.duckdb)
  --key-file CHEMIN    clé de pseudonymisation (ou la clé elle-même dans BILAN_CLE_PSEUDO ;
                       défaut var/cle-pseudonymisation, créée au premier chargement)
  --config FICHIER     réglages : jdi_mois, date_reference, part_rejets_max, seuil_secret,
                       longueur_ligne_max, longueur_champ_max (octets d'une ligne, d'un champ CSV)
  --jdi-mois N         fenêtre des JDI en mois (défaut 5 ; prime sur --config)
  --date-reference D   date de référence des JDI, JJ/MM/AAAA (défaut 31/12 de l'exercice)
  --seuil-secret N     secret statistique : effectifs publiés à partir de N (défaut 11, au moins 5)

Codes de sortie : 0 réussite, 1 échec, 3 données refusées.
`

// Outcome of a command (Run).
const (
	msgUnknownCommand = "bilan : commande inconnue « %s ».\n\n%s"
	msgRefused        = "bilan : lot refusé : rien n'a été chargé, l'entrepôt est inchangé."
	msgUsageError     = "bilan %s : %s\n"
	msgFailure        = "bilan %s : échec : %v\n"
)

// Common options, the pseudonymisation key and document dates (cli.go).
const (
	msgNeedYear         = "précisez l'exercice avec --year AAAA (par exemple --year 2016)."
	msgBadYear          = "--year doit être un exercice entre 2005 et 2100."
	msgBadJDIMois       = "--jdi-mois doit être entre 1 et 24."
	msgBadThreshold     = "--seuil-secret doit valoir au moins %d."
	msgBadReferenceDate = "--date-reference « %s » illisible : attendu JJ/MM/AAAA."
	msgShortKey         = "la clé de pseudonymisation doit compter au moins %d octets."
	msgKeyCreated       = "Clé de pseudonymisation créée : var/cle-pseudonymisation (32 octets aléatoires, lisible par vous seul). " +
		"Conservez-la avec l'entrepôt : sans elle, les lots suivants ne seraient plus reliés aux précédents."
	msgBadDate  = "date « %s » illisible : attendu AAAA-MM-JJ."
	msgBadEpoch = "SOURCE_DATE_EPOCH « %s » illisible."
)

// The config file (settings.go).
const (
	msgSettingsUnreadable = "fichier de réglages « %s » illisible."
	msgSettingsNoEquals   = "%s, ligne %d : attendu « clé = valeur »."
	msgSettingsBadValue   = "%s, ligne %d : valeur « %s » invalide pour « %s »."
	msgSettingsBadBytes   = "%s, ligne %d : « %s » doit être un nombre d'octets entre 1024 et 67108864."
	msgSettingsThreshold  = "%s, ligne %d : le seuil du secret statistique doit être un entier d'au moins %d."
	msgSettingsUnknown    = "%s, ligne %d : réglage « %s » inconnu."
)

// generate, validate, ingest, compute, publish, attaque, run (commands.go).
const (
	msgNeedOut        = "précisez le dossier de sortie avec --out."
	msgUnknownScale   = "échelle « %s » inconnue (disponible : demo)."
	msgGenerated      = "Extraits synthétiques des exercices %d et %d écrits dans %s.\n"
	msgFileNotFound   = "fichier « %s » introuvable."
	msgNoFiles        = "aucun fichier à lire."
	msgAssumedYear    = "Exercice non précisé (--year) : les règles d'âge et de période supposent l'exercice %d.\n"
	msgNeedScope      = "précisez le périmètre du lot avec --scope (national ou un code région, par exemple 53)."
	msgBatchLoaded    = "Lot %d / %s chargé dans %s.\n"
	msgStaleWarehouse = "l'entrepôt %s a été préparé par une autre version de bilan, que validate ne peut lire sans le modifier : " +
		"lancez une commande qui l'écrit (bilan compute --year A, ou bilan ingest), puis recommencez."
	msgComputed       = "Indicateurs de l'exercice %d calculés.\n"
	msgNeedIn         = "précisez le dossier des fichiers avec --in."
	msgEmptyFolder    = "le dossier « %s » ne contient aucun fichier."
	msgNotAPack       = "le dossier de sortie « %s » contient des fichiers mais pas de manifest.json : la publication remplace tout son dossier de sortie, choisissez un dossier vide ou un dossier déjà publié par bilan."
	msgFilesWritten   = "Fichiers écrits :"
	msgFileWritten    = "  %s\n"
	msgNationalReport = "Le bilan national est ici : %s\n"
	msgSecrecy        = "Secret statistique : %s\n"
	msgSmallCount     = "  effectif publié sous le seuil : %s, %s %s, exercice %d (%s)\n"
	msgRecovered      = "  retrouvée : %s, %s %s, exercice %d : %v\n"
	msgLeaks          = "des cellules masquées se retrouvent à partir des dossiers publiés"
)

// catalogue (catalogue.go).
const (
	msgCatalogueWritten = "Catalogue des indicateurs écrit : %s\n"
	msgPDFAccessible    = "imprime aussi chaque bilan HTML en PDF balisé (Chromium)"
)

// export (export.go).
const (
	msgNeedExportOut = "précisez le dossier de l'export avec --out."
	msgNotComputed   = "l'exercice %d n'est pas calculé : lancez d'abord bilan compute --year %d."
	msgExported      = "Export de l'exercice %d : %d tables écrites en Parquet sous %s\n"
)

// template (template.go).
const (
	msgNeedRegion    = "précisez la région avec --region (par exemple --region 53)."
	msgUnknownRegion = "région « %s » inconnue : attendu un code région INSEE (par exemple 53 pour la Bretagne)."
	msgRegionNoML    = "la région %s n'a aucune mission locale dans le référentiel de l'exercice %d."
	msgTemplate      = "Classeur vierge de la région %s (%s, %d missions locales) écrit : %s\n"
)

// serve and compte (serve.go).
const (
	msgNeedAccounts  = "précisez le fichier des comptes avec --comptes (lignes « identifiant;région ou DMML;empreinte », voir bilan compte)."
	msgBadMaxMo      = "--taille-max doit valoir au moins 1 (Mo)."
	msgBadLimits     = "--fichiers-max doit valoir au moins 1 et --conservation au moins 0 (jours)."
	msgCertAndKey    = "--cert et --cle-tls vont ensemble."
	msgCannotListen  = "impossible d'écouter sur %s : %v"
	msgServing       = "Service de dépôt ouvert sur %s://%s (%d comptes) ; Ctrl-C pour l'arrêter.\n"
	msgServeStopped  = "Service de dépôt arrêté."
	msgNeedAccount   = "précisez --identifiant (sans espace ni point-virgule) et --region (code région ou DMML)."
	msgShortPassword = "le mot de passe (lu sur l'entrée standard) doit compter au moins 12 caractères."
)

// calibrate (calibrate.go).
const (
	msgCalibrateHead  = "%-46s %14s %14s %10s\n"
	msgCalibrateRow   = "%-46s %14s %14s %10s  %s\n"
	msgGapPoints      = "%+.1f pt"
	msgGapPercent     = "%+.2f %%"
	msgWithin         = "ok"
	msgOutOfTolerance = "HORS TOLÉRANCE"
	msgNotAvailable   = "n.d."
	msgAllWithin      = "Tous les chiffres sont dans la tolérance (±1 % pour les effectifs, ±1 point pour les parts)."
	msgSomeOutside    = "%s hors tolérance"
)

// calibrateColumns head the table of calibrate, formatted like its rows.
var calibrateColumns = [4]string{"Chiffre du PNAE 2018-2020 (2016)", "PNAE", "bilan", "écart"}

// The validation report of an ingest call (report.go).
const (
	msgFileAccepted = "accepté"
	msgFileRefused  = "REFUSÉ"
	msgFileHeading  = "\n%s — %s"
	msgEncoding     = " (%s, séparateur %s)"
	msgRowCounts    = "\n  %s, %s, %s\n"
	msgRuleHeading  = "  [%s] %s : %s\n"
	msgOthers       = "… et %s"
	msgProgress     = "\r%s : %s%s"
)

// noun is a French noun or participle: singular, plural.
type noun [2]string

var (
	nounRead      = noun{"lue", "lues"}
	nounLoaded    = noun{"chargée", "chargées"}
	nounValid     = noun{"valide", "valides"} // rows of a refused batch: found valid, not loaded
	nounRejected  = noun{"rejetée", "rejetées"}
	nounOther     = noun{"autre", "autres"}
	nounLinesRead = noun{"ligne lue", "lignes lues"}
	nounFigure    = noun{"chiffre", "chiffres"}
)

// count writes n (1 234) and the noun agreeing with it, singular for 0 and 1 as French
// has it: « 0 rejetée », « 1 autre », « 12 lignes lues ».
func count(n int, w noun) string {
	if n <= 1 {
		return french.Count(n) + " " + w[0]
	}
	return french.Count(n) + " " + w[1]
}

// Package cli is the command line of bilan: French help and messages, exit codes 0 (ok),
// 1 (failure) and 3 (data refused). cmd/bilan only calls Run, so tests run the whole CLI
// in-process.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"bilan/internal/parse"
	"bilan/internal/pseudo"
	"bilan/internal/warehouse"
	"bilan/pipeline/ingest"
	"bilan/pipeline/secret"
)

// Exit codes.
const (
	ExitOK      = 0
	ExitFailure = 1
	ExitRefused = 3
)

// env bundles what one invocation reads and writes besides its arguments.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
}

// Run runs the command line args and returns the exit code. getenv reads the
// environment variables (BILAN_WAREHOUSE, BILAN_CLE_PSEUDO, SOURCE_DATE_EPOCH): cmd/bilan
// passes os.Getenv, tests a map of their own, so that they can run in parallel; nil
// reads an empty environment.
func Run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) int {
	if getenv == nil {
		getenv = func(string) string { return "" }
	}
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr, getenv: getenv}
	if len(args) == 0 || args[0] == "aide" || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		fmt.Fprint(stdout, usage)
		return ExitOK
	}
	cmds := map[string]func(context.Context, *env, []string) error{
		"generate": cmdGenerate, "validate": cmdValidate, "ingest": cmdIngest,
		"compute": cmdCompute, "publish": cmdPublish, "run": cmdRun, "attaque": cmdAttack,
		"calibrate": cmdCalibrate,
		"template":  cmdTemplate, "serve": cmdServe, "compte": cmdAccount,
	}
	cmd, ok := cmds[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "bilan : commande inconnue « %s ».\n\n%s", args[0], usage)
		return ExitFailure
	}
	err := cmd(ctx, e, args[1:])
	switch {
	case err == nil:
		return ExitOK
	case errors.Is(err, flag.ErrHelp):
		return ExitOK
	case errors.Is(err, ingest.ErrRefused):
		fmt.Fprintln(stderr, "bilan : lot refusé : rien n'a été chargé, l'entrepôt est inchangé.")
		return ExitRefused
	default:
		var ue usageError
		if errors.As(err, &ue) {
			fmt.Fprintf(stderr, "bilan %s : %s\n", args[0], ue.msg)
		} else {
			fmt.Fprintf(stderr, "bilan %s : échec : %v\n", args[0], err)
		}
		return ExitFailure
	}
}

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
  publish --year A --out DOSSIER
        écrit les dossiers de diffusion (PDF, XLSX, analystes/indicateurs.csv) ; échoue
        sans rien publier si l'attaquant du secret statistique retrouve une cellule masquée
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
  run --year A [--scope R] --in DOSSIER --out DOSSIER
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

// usageError is a mistake in the command line, shown as it is.
type usageError struct{ msg string }

func (u usageError) Error() string { return u.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

// common are the settings every command shares.
type common struct {
	warehouse, keyFile, config string
	year                       int
	jdiMois                    int
	dateReference              string
	threshold                  int
	settings                   settings
}

func newFlags(e *env, name string, c *common) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() { fmt.Fprint(e.stderr, usage) }
	def := e.getenv("BILAN_WAREHOUSE")
	if def == "" {
		def = "var/bilan.duckdb"
	}
	fs.StringVar(&c.warehouse, "warehouse", def, "entrepôt DuckDB")
	fs.StringVar(&c.keyFile, "key-file", "", "clé de pseudonymisation")
	fs.StringVar(&c.config, "config", "", "fichier de réglages")
	fs.IntVar(&c.year, "year", 0, "exercice")
	fs.IntVar(&c.jdiMois, "jdi-mois", 0, "fenêtre JDI en mois (défaut 5)")
	fs.StringVar(&c.dateReference, "date-reference", "", "date de référence JDI, JJ/MM/AAAA (défaut 31/12 de l'exercice)")
	fs.IntVar(&c.threshold, "seuil-secret", 0, "seuil du secret statistique (défaut 11, au moins 5)")
	return fs
}

// parse parses flags and the config file, and checks the exercice.
func (c *common) parse(fs *flag.FlagSet, args []string, needYear bool) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usagef("%v", err)
	}
	if needYear && (c.year < 2005 || c.year > 2100) {
		return usagef("précisez l'exercice avec --year AAAA (par exemple --year 2016).")
	}
	s, err := loadSettings(c.config)
	if err != nil {
		return err
	}
	if c.jdiMois != 0 {
		if c.jdiMois < 1 || c.jdiMois > 24 {
			return usagef("--jdi-mois doit être entre 1 et 24.")
		}
		s.jdiMois = c.jdiMois
	}
	if c.threshold != 0 {
		if c.threshold < secret.MinThreshold {
			return usagef("--seuil-secret doit valoir au moins %d.", secret.MinThreshold)
		}
		s.threshold = c.threshold
	}
	if s.threshold == 0 {
		s.threshold = secret.DefaultThreshold
	}
	if c.dateReference != "" {
		t, err := parse.Date(c.dateReference)
		if err != nil {
			return usagef("--date-reference « %s » illisible : attendu JJ/MM/AAAA.", c.dateReference)
		}
		s.dateReference = t
	}
	c.settings = s
	return nil
}

func (c *common) params() warehouse.Params {
	return warehouse.Params{Exercice: c.year, JDIMois: c.settings.jdiMois, DateReference: c.settings.dateReference}
}

func (c *common) open(ctx context.Context) (*warehouse.Warehouse, error) {
	return warehouse.Open(ctx, c.warehouse)
}

// key loads the pseudonymisation key, telling the user when it was just created.
func (c *common) key(e *env) ([]byte, error) {
	key, created, err := pseudo.Source{KeyFile: c.keyFile, EnvKey: e.getenv("BILAN_CLE_PSEUDO"),
		DefaultKey: "var/cle-pseudonymisation"}.Load()
	if errors.Is(err, pseudo.ErrShortKey) {
		return nil, usagef("la clé de pseudonymisation doit compter au moins %d octets.", pseudo.MinKeyLen)
	}
	if err != nil {
		return nil, err
	}
	if created {
		fmt.Fprintln(e.stderr, "Clé de pseudonymisation créée : var/cle-pseudonymisation (32 octets aléatoires, lisible par vous seul). "+
			"Conservez-la avec l'entrepôt : sans elle, les lots suivants ne seraient plus reliés aux précédents.")
	}
	return key, nil
}

// parseDate reads --date (YYYY-MM-DD) or SOURCE_DATE_EPOCH; zero when neither is given.
func parseDate(e *env, s string) (time.Time, error) {
	if s != "" {
		t, err := time.Parse("2006-01-02", s)
		if err != nil {
			return t, usagef("date « %s » illisible : attendu AAAA-MM-JJ.", s)
		}
		return t, nil
	}
	if epoch := strings.TrimSpace(e.getenv("SOURCE_DATE_EPOCH")); epoch != "" {
		var sec int64
		if _, err := fmt.Sscan(epoch, &sec); err != nil {
			return time.Time{}, usagef("SOURCE_DATE_EPOCH « %s » illisible.", epoch)
		}
		return time.Unix(sec, 0).UTC(), nil
	}
	return time.Time{}, nil
}

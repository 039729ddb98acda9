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
// passes os.Getenv, tests a function of their own, so that they can run in parallel; nil
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
		"calibrate": cmdCalibrate, "catalogue": cmdCatalogue, "export": cmdExport,
		"template": cmdTemplate, "serve": cmdServe, "compte": cmdAccount,
	}
	cmd, ok := cmds[args[0]]
	if !ok {
		fmt.Fprintf(stderr, msgUnknownCommand, args[0], usage)
		return ExitFailure
	}
	err := cmd(ctx, e, args[1:])
	switch {
	case err == nil:
		return ExitOK
	case errors.Is(err, flag.ErrHelp):
		return ExitOK
	case errors.Is(err, ingest.ErrRefused):
		fmt.Fprintln(stderr, msgRefused)
		return ExitRefused
	default:
		var ue usageError
		if errors.As(err, &ue) {
			fmt.Fprintf(stderr, msgUsageError, args[0], ue.msg)
		} else {
			fmt.Fprintf(stderr, msgFailure, args[0], err)
		}
		return ExitFailure
	}
}

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
		return usagef(msgNeedYear)
	}
	s, err := loadSettings(c.config)
	if err != nil {
		return err
	}
	if c.jdiMois != 0 {
		if c.jdiMois < 1 || c.jdiMois > 24 {
			return usagef(msgBadJDIMois)
		}
		s.jdiMois = c.jdiMois
	}
	if c.threshold != 0 {
		if c.threshold < secret.MinThreshold {
			return usagef(msgBadThreshold, secret.MinThreshold)
		}
		s.threshold = c.threshold
	}
	if s.threshold == 0 {
		s.threshold = secret.DefaultThreshold
	}
	if c.dateReference != "" {
		t, err := parse.Date(c.dateReference)
		if err != nil {
			return usagef(msgBadReferenceDate, c.dateReference)
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
		return nil, usagef(msgShortKey, pseudo.MinKeyLen)
	}
	if err != nil {
		return nil, fmt.Errorf("pseudonymisation key: %w", err)
	}
	if created {
		fmt.Fprintln(e.stderr, msgKeyCreated)
	}
	return key, nil
}

// parseDate reads --date (YYYY-MM-DD) or SOURCE_DATE_EPOCH; zero when neither is given.
func parseDate(e *env, s string) (time.Time, error) {
	if s != "" {
		t, err := time.Parse("2006-01-02", s)
		if err != nil {
			return t, usagef(msgBadDate, s)
		}
		return t, nil
	}
	if epoch := strings.TrimSpace(e.getenv("SOURCE_DATE_EPOCH")); epoch != "" {
		var sec int64
		if _, err := fmt.Sscan(epoch, &sec); err != nil {
			return time.Time{}, usagef(msgBadEpoch, epoch)
		}
		return time.Unix(sec, 0).UTC(), nil
	}
	return time.Time{}, nil
}

package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"bilan/internal/synth"
	"bilan/internal/warehouse"
	"bilan/pipeline"
	"bilan/pipeline/attack"
	"bilan/pipeline/compute"
	"bilan/pipeline/ingest"
	"bilan/pipeline/publish"
)

func cmdGenerate(ctx context.Context, e *env, args []string) error {
	var c common
	fs := newFlags(e, "generate", &c)
	scale := fs.String("scale", "demo", "échelle : demo")
	out := fs.String("out", "", "dossier de sortie")
	if err := c.parse(fs, args, true); err != nil {
		return err
	}
	if *out == "" {
		return usagef(msgNeedOut)
	}
	err := synth.Generate(*scale, c.year, *out)
	if errors.Is(err, synth.ErrScale) {
		return usagef(msgUnknownScale, *scale)
	}
	if err != nil {
		return fmt.Errorf("generate the %s fixtures of %d in %s: %w", *scale, c.year, *out, err)
	}
	fmt.Fprintf(e.stdout, msgGenerated, c.year-1, c.year, *out)
	return nil
}

// expand replaces folders by the files they hold.
func expand(args []string) ([]string, error) {
	var out []string
	for _, a := range args {
		fi, err := os.Stat(a)
		if err != nil {
			return nil, usagef(msgFileNotFound, a)
		}
		if !fi.IsDir() {
			out = append(out, a)
			continue
		}
		entries, err := os.ReadDir(a)
		if err != nil {
			return nil, err
		}
		for _, en := range entries {
			if !en.IsDir() {
				out = append(out, filepath.Join(a, en.Name()))
			}
		}
	}
	if len(out) == 0 {
		return nil, usagef(msgNoFiles)
	}
	return out, nil
}

func cmdValidate(ctx context.Context, e *env, args []string) error {
	return ingestCmd(ctx, e, "validate", args, true)
}

func cmdIngest(ctx context.Context, e *env, args []string) error {
	return ingestCmd(ctx, e, "ingest", args, false)
}

func ingestCmd(ctx context.Context, e *env, name string, args []string, dry bool) error {
	var c common
	fs := newFlags(e, name, &c)
	scope := fs.String("scope", "", "périmètre : national ou un code région")
	if err := c.parse(fs, args, !dry); err != nil {
		return err
	}
	if dry && c.year != 0 && (c.year < 2005 || c.year > 2100) {
		return usagef(msgBadYear)
	}
	if dry && c.year == 0 { // validate: the exercice only sets the age and period rules
		c.year = time.Now().Year() - 1
		fmt.Fprintf(e.stdout, msgAssumedYear, c.year)
	}
	if *scope == "" {
		if !dry {
			return usagef(msgNeedScope)
		}
		*scope = "national"
	}
	files, err := expand(fs.Args())
	if err != nil {
		return err
	}
	key, err := c.key(e)
	if err != nil {
		return err
	}
	w, err := openFor(ctx, c.warehouse, dry)
	if err != nil {
		return err
	}
	defer w.Close()
	res, err := ingest.Run(ctx, w, ingest.Options{Exercice: c.year, Scope: *scope, Files: files, Key: key,
		RefusalShare: c.settings.refusalShare, MaxLine: c.settings.maxLine, MaxField: c.settings.maxField, DryRun: dry, Progress: progress(e)})
	if res != nil {
		printReport(e.stdout, res)
	}
	if err == nil && !dry {
		fmt.Fprintf(e.stdout, msgBatchLoaded, c.year, *scope, c.warehouse)
	}
	return err
}

// openFor opens the warehouse to ingest into it, or, to validate, read-only (against an
// empty in-memory one when there is no file yet): validate never writes.
func openFor(ctx context.Context, path string, validate bool) (*warehouse.Warehouse, error) {
	if !validate {
		return warehouse.Open(ctx, path)
	}
	if _, err := os.Stat(path); err != nil {
		return warehouse.Open(ctx, "") // nothing loaded yet
	}
	w, err := warehouse.OpenReadOnly(ctx, path)
	if errors.Is(err, warehouse.ErrStale) {
		return nil, usagef(msgStaleWarehouse, path)
	}
	return w, err
}

func cmdCompute(ctx context.Context, e *env, args []string) error {
	var c common
	fs := newFlags(e, "compute", &c)
	if err := c.parse(fs, args, true); err != nil {
		return err
	}
	w, err := c.open(ctx)
	if err != nil {
		return err
	}
	defer w.Close()
	if err := compute.Run(ctx, w, c.params()); err != nil {
		return fmt.Errorf("compute %d: %w", c.year, err)
	}
	fmt.Fprintf(e.stdout, msgComputed, c.year)
	return nil
}

func cmdPublish(ctx context.Context, e *env, args []string) error {
	var c common
	fs := newFlags(e, "publish", &c)
	out := fs.String("out", "out", "dossier de sortie")
	date := fs.String("date", "", "date des documents (AAAA-MM-JJ)")
	accessible := fs.Bool("pdf-accessible", false, msgPDFAccessible)
	if err := c.parse(fs, args, true); err != nil {
		return err
	}
	d, err := parseDate(e, *date)
	if err != nil {
		return err
	}
	if err := checkOut(*out); err != nil {
		return err
	}
	w, err := c.open(ctx)
	if err != nil {
		return err
	}
	defer w.Close()
	files, err := pipeline.Publish(ctx, w, publish.Options{Params: c.params(), Out: *out, Date: d, Threshold: c.settings.threshold,
		Accessible: *accessible})
	if err != nil {
		return fmt.Errorf("publish %d in %s: %w", c.year, *out, err)
	}
	printPublished(e, files)
	return nil
}

// cmdAttack runs the attacker of statistical secrecy on packs already published.
func cmdAttack(ctx context.Context, e *env, args []string) error {
	var c common
	fs := newFlags(e, "attaque", &c)
	dir := fs.String("out", "out", "dossier des dossiers publiés")
	if err := c.parse(fs, args, true); err != nil {
		return err
	}
	w, err := c.open(ctx)
	if err != nil {
		return err
	}
	defer w.Close()
	r, err := publish.Attack(ctx, w, c.params(), c.settings.threshold, *dir)
	if err != nil {
		return fmt.Errorf("attack the packs of %d in %s: %w", c.year, *dir, err)
	}
	fmt.Fprintf(e.stdout, msgSecrecy, publish.Summary(r))
	for _, f := range r.Small {
		fmt.Fprintf(e.stdout, msgSmallCount, f.Cell.Indicator, f.Cell.Level, f.Cell.Code, f.Cell.Exercice, f.Where)
	}
	for _, x := range append(append([]attack.Cell{}, r.Recovered...), r.Hidden...) {
		fmt.Fprintf(e.stdout, msgRecovered, x.Indicator, x.Level, x.Code, x.Exercice, r.Values[x])
	}
	if len(r.Leaks()) > 0 {
		return errors.New(msgLeaks)
	}
	return nil
}

func cmdRun(ctx context.Context, e *env, args []string) error {
	var c common
	fs := newFlags(e, "run", &c)
	scope := fs.String("scope", "", "périmètre des fichiers du dossier (défaut national)")
	in := fs.String("in", "", "dossier des fichiers du lot")
	out := fs.String("out", "out", "dossier de sortie")
	date := fs.String("date", "", "date des documents (AAAA-MM-JJ)")
	accessible := fs.Bool("pdf-accessible", false, msgPDFAccessible)
	if err := c.parse(fs, args, true); err != nil {
		return err
	}
	if *in == "" {
		return usagef(msgNeedIn)
	}
	d, err := parseDate(e, *date)
	if err != nil {
		return err
	}
	if err := checkOut(*out); err != nil {
		return err
	}
	batches, err := pipeline.BatchesIn(*in, *scope)
	if errors.Is(err, pipeline.ErrNoInput) || errors.Is(err, os.ErrNotExist) {
		return usagef(msgEmptyFolder, *in)
	}
	if err != nil {
		return fmt.Errorf("batches in %s: %w", *in, err)
	}
	key, err := c.key(e)
	if err != nil {
		return err
	}
	w, err := c.open(ctx)
	if err != nil {
		return err
	}
	defer w.Close()
	res, err := pipeline.Run(ctx, w, pipeline.RunOptions{Params: c.params(), Threshold: c.settings.threshold, Batches: batches, Key: key,
		RefusalShare: c.settings.refusalShare, MaxLine: c.settings.maxLine, MaxField: c.settings.maxField, Out: *out, Date: d, Progress: progress(e),
		Accessible: *accessible})
	for _, r := range res.Ingest {
		printReport(e.stdout, r)
	}
	if err != nil {
		return err
	}
	printPublished(e, res.Files)
	return nil
}

// checkOut refuses, before anything is done, an output folder publish would not replace.
func checkOut(out string) error {
	err := publish.CheckOut(out)
	if errors.Is(err, publish.ErrNotAPack) {
		return usagef(msgNotAPack, out)
	}
	return err
}

func printPublished(e *env, files []string) {
	fmt.Fprintln(e.stdout, msgFilesWritten)
	for _, f := range files {
		fmt.Fprintf(e.stdout, msgFileWritten, f)
	}
	for _, f := range files {
		if filepath.Ext(f) == ".pdf" && filepath.Base(filepath.Dir(f)) == "national" && !strings.HasSuffix(f, "-accessible.pdf") {
			fmt.Fprintf(e.stdout, msgNationalReport, f)
		}
	}
}

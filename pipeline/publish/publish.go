// Package publish writes the packs of reports.md for one exercice from the computed
// indicators: analystes/indicateurs.csv and .parquet, the breakdowns of the youth counts in
// analystes/indicateurs_ventiles.csv and .parquet; the national PDF, its HTML twin
// (accessible) and XLSX; the same per region with data; the funders' workbook;
// manifest.json.
// Every file is written under a temporary name and renamed into place, so a crash never
// leaves a half-written pack.
package publish

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"

	"bilan/internal/warehouse"
	"bilan/pipeline/attack"
	"bilan/pipeline/ingest"
	"bilan/pipeline/secret"
	"bilan/reports"
	"bilan/reports/html"
	"bilan/reports/pdf"
	"bilan/reports/xlsx"
)

// Options describe a publication.
type Options struct {
	Params    warehouse.Params
	Out       string
	Date      time.Time // document date; zero = derived from the inputs
	Threshold int       // statistical secrecy threshold the masks were decided with
	// Ingest are the reports of the ingest calls of a run: the pack's validation report
	// lists them (encodings, statuses); nil, it lists what the warehouse keeps of the
	// exercice's batches.
	Ingest []*ingest.Result
	// Accessible also prints each HTML twin to a tagged PDF beside it (…-accessible.pdf)
	// with headless Chromium; the fpdf PDF stays the main one.
	Accessible bool
}

// documentDate is the date every document of a publication carries: the one given, else
// the one the inputs give (view date_document, as compute stored it; run parameters
// already set).
func documentDate(ctx context.Context, w *warehouse.Warehouse, given time.Time) (time.Time, error) {
	if !given.IsZero() {
		return given, nil
	}
	var date time.Time
	err := w.Conn().QueryRowContext(ctx, `SELECT date_document FROM calculs
		WHERE exercice = (SELECT exercice FROM params) AND date_document IS NOT NULL`).Scan(&date)
	if errors.Is(err, sql.ErrNoRows) { // computed by an earlier version: from the inputs
		err = w.Conn().QueryRowContext(ctx, "SELECT date_document FROM date_document").Scan(&date)
	}
	if err != nil {
		return date, fmt.Errorf("document date: %w", err)
	}
	return date, nil
}

// Run writes every pack of the exercice under opt.Out and returns the files written.
// The reports are built once to list every cell they print; statistical secrecy decides
// the masks over all of them at once (package secret); the packs are then written in a
// staging folder, where an independent attacker (package attack) reads the workbooks
// back: when it recovers a masked cell, Run fails and nothing is moved into opt.Out.
func Run(ctx context.Context, w *warehouse.Warehouse, opt Options) ([]string, error) {
	if err := w.SetParams(ctx, opt.Params); err != nil {
		return nil, err
	}
	date, err := documentDate(ctx, w, opt.Date)
	if err != nil {
		return nil, err
	}
	y := opt.Params.Exercice
	t0 := time.Now()
	data, err := load(ctx, w, y, opt.Threshold)
	if err != nil {
		return nil, err
	}
	warehouse.Trace(t0, "publish: load the values")
	data.printed = map[secret.Cell]bool{}
	data.documents(date)
	published := make([]secret.Cell, 0, len(data.printed))
	for c := range data.printed {
		published = append(published, c)
	}
	data.printed = nil // (the order of published does not matter: the suppression sorts its candidates)
	t0 = time.Now()
	in, err := secret.Load(ctx, w.Conn(), published, opt.Threshold)
	if err != nil {
		return nil, fmt.Errorf("secret: %w", err)
	}
	warehouse.Trace(t0, "publish: secret.Load")

	stage, err := newStage(opt.Out)
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(stage)
	// The validation report and the analysts' files read the warehouse (the connection is
	// theirs until they are written) and no mask: they are written while the suppression
	// decides the masks and the documents are rendered.
	var af analystFiles
	analysts := make(chan struct{})
	actx, cancel := context.WithCancel(ctx)
	go func() {
		defer close(analysts)
		defer warehouse.Trace(time.Now(), "publish: validation report, analysts' CSV and Parquet")
		af = writeAnalystFiles(actx, w, stage, opt.Out, y, date, opt.Ingest)
	}()
	defer func() { <-analysts }() // an early return waits for them (the stage is removed after)…
	defer cancel()                // …and stops them first
	t0 = time.Now()
	if data.cost, err = secret.Apply(in); err != nil {
		return nil, fmt.Errorf("secret: %w", err)
	}
	warehouse.Trace(t0, "publish: secret.Apply")
	t0 = time.Now()
	docs := data.documents(date)
	att, err := render(stage, opt.Out, data, docs)
	if err != nil {
		return nil, err
	}
	warehouse.Trace(t0, "publish: documents and attacker")
	<-analysts
	if af.err != nil {
		return nil, af.err
	}
	staged := af.files
	for _, d := range docs {
		staged = append(staged, d.rel)
	}
	if opt.Accessible {
		printed, err := printAccessible(ctx, stage, docs, date)
		if err != nil {
			return nil, err
		}
		staged = append(staged, printed...)
	}
	data.attackSummary = Summary(att)
	secretLog := fmt.Sprintf("analystes/secret-%d.csv", y)
	if err := writeStaged(stage, opt.Out, secretLog, func(wr io.Writer) error { return data.secretLog(wr, att) }); err != nil {
		return nil, err
	}
	staged = append(staged, secretLog)
	if n := len(att.Recovered) + len(att.Hidden) + len(att.Small); n > 0 {
		return nil, &RecoveredError{Cells: att.Leaks()}
	}
	if err := writeManifest(stage, y, data, date, staged); err != nil {
		return nil, fmt.Errorf("write manifest: %w", err)
	}
	staged = append(staged, manifestName)
	// What a publication printed constrains the next ones: recorded before the pack
	// appears, so a pack in --out is always one the warehouse knows.
	if err := secret.Record(ctx, w, y, published, data.cost.Masked); err != nil {
		return nil, fmt.Errorf("record the published cells: %w", err)
	}
	if err := swap(stage, opt.Out); err != nil {
		return nil, err
	}
	written := make([]string, len(staged))
	for i, rel := range staged {
		written[i] = filepath.Join(opt.Out, rel)
	}
	return written, nil
}

// writeStaged writes the file rel of the pack in the stage; its error names it under out.
func writeStaged(stage, out, rel string, fill func(io.Writer) error) error {
	if err := writeAtomic(filepath.Join(stage, rel), fill); err != nil {
		return fmt.Errorf("write %s: %w", filepath.Join(out, rel), err)
	}
	return nil
}

// analystFiles are the files of the pack read from the warehouse, as written in the stage.
type analystFiles struct {
	files []string
	err   error
}

// writeAnalystFiles writes the validation report (from the call's ingest reports, else
// from what the warehouse keeps of the exercice's batches) and the analysts' CSV and
// Parquet files in the stage (for out).
func writeAnalystFiles(ctx context.Context, w *warehouse.Warehouse, stage, out string, y int, date time.Time, results []*ingest.Result) analystFiles {
	var af analystFiles
	v := fromResults(results)
	if results == nil {
		if v, af.err = storedValidation(ctx, w, y); af.err != nil {
			return af
		}
	}
	write := func(rel string, fill func(io.Writer) error) error {
		if err := writeStaged(stage, out, rel, fill); err != nil {
			return err
		}
		af.files = append(af.files, rel)
		return nil
	}
	if af.err = write(validationPath(y), func(wr io.Writer) error { return writeValidationReport(wr, y, date, v) }); af.err != nil {
		return af
	}
	for _, e := range exports {
		if af.err = write(e.csv, func(wr io.Writer) error { return exportCSV(ctx, w, wr, e.view) }); af.err != nil {
			return af
		}
		if af.err = exportParquet(ctx, w, filepath.Join(stage, e.parquet), e.table, e.order); af.err != nil {
			return af
		}
		af.files = append(af.files, e.parquet)
	}
	return af
}

// render writes the documents in the stage, one per core, the workbooks first: the
// attacker reads them back (data.attack) as soon as they are all written, beside the
// rendering of the PDFs and HTML twins.
func render(stage, out string, data *data, docs []doc) (attack.Result, error) {
	order := make([]doc, 0, len(docs))
	for _, xlsxFirst := range []bool{true, false} {
		for _, d := range docs {
			if d.xlsx == xlsxFirst {
				order = append(order, d)
			}
		}
	}
	var workbooks sync.WaitGroup // (counted before anyone waits on it)
	for _, d := range order {
		if d.xlsx {
			workbooks.Add(1)
		}
	}
	var att attack.Result
	var attErr error
	attacked := make(chan struct{})
	go func() {
		defer close(attacked)
		workbooks.Wait()
		defer warehouse.Trace(time.Now(), "publish: attacker")
		att, attErr = data.attack(stage, docs)
	}()
	var g errgroup.Group
	g.SetLimit(runtime.NumCPU())
	for _, d := range order {
		g.Go(func() error {
			if d.xlsx {
				defer workbooks.Done()
			}
			return writeStaged(stage, out, d.rel, d.fill)
		})
	}
	err := g.Wait()
	<-attacked
	if err != nil { // (a workbook not written: the attacker's error is only its consequence)
		return att, err
	}
	return att, attErr
}

// ErrNotAPack is returned when --out is a folder holding files but no manifest.json:
// publish replaces its whole output folder, so it refuses to replace one it did not write.
var ErrNotAPack = errors.New("output folder is not a pack")

// newStage makes the folder a pack is written in, beside out so that it can be renamed
// into place.
func newStage(out string) (string, error) {
	if err := CheckOut(out); err != nil {
		return "", err
	}
	parent := filepath.Dir(filepath.Clean(out))
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return "", err
	}
	return os.MkdirTemp(parent, "."+filepath.Base(filepath.Clean(out))+".publication-")
}

// CheckOut accepts an output folder that does not exist, is empty, or holds a pack (its
// manifest.json): the folders publish may replace whole.
func CheckOut(out string) error {
	entries, err := os.ReadDir(out)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return err
	case len(entries) == 0:
		return nil
	}
	if _, err := os.Stat(filepath.Join(out, manifestName)); err != nil {
		return fmt.Errorf("%s: %w", out, ErrNotAPack)
	}
	return nil
}

// swap puts the staged pack in place of out whole: the old pack is moved aside, the new
// one renamed in, the old one removed, so out never mixes two publications (a crash
// between the two renames leaves the old pack in the hidden folder beside out).
func swap(stage, out string) error {
	old := ""
	if _, err := os.Stat(out); err == nil {
		if err := CheckOut(out); err != nil {
			return err
		}
		old = stage + ".ancien"
		if err := os.Rename(out, old); err != nil {
			return fmt.Errorf("replace %s: %w", out, err)
		}
	}
	if err := os.Chmod(stage, 0o755); err != nil {
		return err
	}
	if err := os.Rename(stage, out); err != nil {
		if old != "" {
			os.Rename(old, out) // put the old pack back
		}
		return fmt.Errorf("replace %s: %w", out, err)
	}
	if old != "" {
		return os.RemoveAll(old)
	}
	return nil
}

// RecoveredError is a publication refused because the attacker recovered masked cells.
type RecoveredError struct{ Cells []attack.Cell }

func (e *RecoveredError) Error() string {
	first := e.Cells[0]
	return fmt.Sprintf("secret statistique : l'attaquant retrouve %d cellule(s) masquée(s) à partir des dossiers écrits "+
		"(la première : %s, %s %s, exercice %d) ; rien n'a été publié", len(e.Cells), first.Indicator, first.Level, first.Code, first.Exercice)
}

// doc is a document of the packs: its path under the output folder and its writer.
type doc struct {
	rel   string
	fill  func(io.Writer) error
	scope secret.Cell // for a workbook: the territory of its key figures (Level, Code)
	xlsx  bool
}

// documents builds every pack's reports: the national one, one per covered region, the
// funders' workbook.
func (d *data) documents(date time.Time) []doc {
	y := d.exercice
	national := &builder{d: d, y: y, s: scope{niveau: "national", code: "FR", name: "France", rows: d.regions, rowNiveau: "region"}}
	type pack struct {
		dir, name string
		report    *reports.Report
		scope     secret.Cell
	}
	packs := []pack{{"national", "bilan-national", national.build(date), secret.Cell{Level: "national", Code: "FR"}}}
	for _, reg := range d.covered() {
		b := &builder{d: d, y: y, s: scope{niveau: "region", code: reg.code, name: reg.name, rows: d.mls[reg.code], rowNiveau: "ml"}}
		packs = append(packs, pack{"regions/" + reg.code + "-" + Slug(reg.name), "bilan-" + Slug(reg.name), b.build(date),
			secret.Cell{Level: "region", Code: reg.code}})
	}
	var docs []doc
	for _, p := range packs {
		base := fmt.Sprintf("%s/%s-%d", p.dir, p.name, y)
		docs = append(docs, doc{base + ".pdf", func(wr io.Writer) error { return pdf.Write(wr, p.report) }, p.scope, false},
			doc{base + ".html", func(wr io.Writer) error { return html.Write(wr, p.report) }, p.scope, false},
			doc{base + ".xlsx", func(wr io.Writer) error { return xlsx.Write(wr, p.report) }, p.scope, true})
	}
	fr := funders(d, y, date)
	return append(docs, doc{fmt.Sprintf("financeurs/financeurs-%d.xlsx", y), func(wr io.Writer) error {
		return xlsx.Write(wr, fr)
	}, secret.Cell{Level: "national", Code: "FR"}, true})
}

// The analysts' machine-readable files: each CSV (UTF-8 without BOM, ";", LF) is a view's
// rows as they are, its columns the header; each Parquet file a warehouse table's rows of
// the exercice.
var exports = []struct{ csv, view, parquet, table, order string }{
	{"analystes/indicateurs.csv", "indicateurs_export", "analystes/indicateurs.parquet", "indicateurs",
		"indicateur, niveau, code"},
	{"analystes/indicateurs_ventiles.csv", "indicateurs_ventiles_export", "analystes/indicateurs_ventiles.parquet", "indicateurs_ventiles",
		"indicateur, niveau, code, dimension, modalite"},
}

// exportCSV writes a view of text columns as CSV, its column names the header.
func exportCSV(ctx context.Context, w *warehouse.Warehouse, wr io.Writer, view string) error {
	rows, err := w.Conn().QueryContext(ctx, "SELECT * FROM "+view)
	if err != nil {
		return err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(wr)
	bw.WriteString(strings.Join(cols, ";") + "\n")
	cells := make([]string, len(cols))
	ptrs := make([]any, len(cols))
	for i := range cells {
		ptrs[i] = &cells[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return err
		}
		bw.WriteString(strings.Join(cells, ";") + "\n")
	}
	if err := rows.Err(); err != nil {
		return err
	}
	return bw.Flush()
}

// exportParquet writes the exercice's rows of a table, sorted, as Parquet.
func exportParquet(ctx context.Context, w *warehouse.Warehouse, path, table, order string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp := path + ".tmp"
	q := "COPY (SELECT * FROM " + table + " WHERE exercice = (SELECT exercice FROM params) ORDER BY " + order + ") TO '" +
		strings.ReplaceAll(tmp, "'", "''") + "' (FORMAT parquet)"
	if _, err := w.Conn().ExecContext(ctx, q); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return os.Rename(tmp, path)
}

// writeAtomic renders into memory, writes a temporary file beside path, then renames it.
func writeAtomic(path string, fill func(io.Writer) error) error {
	var buf bytes.Buffer
	if err := fill(&buf); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(buf.Bytes()); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

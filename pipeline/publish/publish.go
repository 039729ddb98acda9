// Package publish writes the packs of reports.md for one exercice from the computed
// indicators: analystes/indicateurs.csv and .parquet; the national PDF and XLSX; one PDF
// and XLSX per region with data; the funders' workbook; manifest.json.
// Every file is written under a temporary name and renamed into place, so a crash never
// leaves a half-written pack.
package publish

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"golang.org/x/sync/errgroup"

	"bilan/internal/warehouse"
	"bilan/reports"
	"bilan/reports/pdf"
	"bilan/reports/xlsx"
)

// Options describe a publication.
type Options struct {
	Params    warehouse.Params
	Out       string
	Date      time.Time // document date; zero = derived from the inputs
	Threshold int       // statistical secrecy threshold the masks were decided with
	Also      []string  // files written before publish (validation report), listed in the manifest
}

// Run writes every pack of the exercice under opt.Out and returns the files written.
func Run(ctx context.Context, w *warehouse.Warehouse, opt Options) ([]string, error) {
	if err := w.SetParams(ctx, opt.Params); err != nil {
		return nil, err
	}
	date := opt.Date
	if date.IsZero() {
		if err := w.Conn().QueryRowContext(ctx, "SELECT date_document FROM date_document").Scan(&date); err != nil {
			return nil, fmt.Errorf("document date: %w", err)
		}
	}
	y := opt.Params.Exercice
	var written []string
	out := func(rel string, fill func(io.Writer) error) error {
		p := filepath.Join(opt.Out, rel)
		if err := writeAtomic(p, fill); err != nil {
			return fmt.Errorf("write %s: %w", p, err)
		}
		written = append(written, p)
		return nil
	}
	if err := out("analystes/indicateurs.csv", func(wr io.Writer) error { return exportCSV(ctx, w, wr) }); err != nil {
		return written, err
	}
	parquet := filepath.Join(opt.Out, "analystes", "indicateurs.parquet")
	if err := exportParquet(ctx, w, parquet); err != nil {
		return written, err
	}
	written = append(written, parquet)

	data, err := load(ctx, w, y, opt.Threshold)
	if err != nil {
		return written, err
	}
	if err := out(fmt.Sprintf("analystes/secret-%d.csv", y), data.secretLog); err != nil {
		return written, err
	}
	national := &builder{d: data, y: y, s: scope{niveau: "national", code: "FR", name: "France", rows: data.regions, rowNiveau: "region"}}
	type pack struct {
		dir, name string
		report    *reports.Report
	}
	packs := []pack{{"national", "bilan-national", national.build(date)}}
	for _, reg := range data.covered() {
		b := &builder{d: data, y: y, s: scope{niveau: "region", code: reg.code, name: reg.name, rows: data.mls[reg.code], rowNiveau: "ml"}}
		packs = append(packs, pack{"regions/" + reg.code + "-" + Slug(reg.name), "bilan-" + Slug(reg.name), b.build(date)})
	}
	// The documents are rendered concurrently, one per core; written keeps their order.
	type doc struct {
		rel  string
		fill func(io.Writer) error
	}
	var docs []doc
	for _, p := range packs {
		base := fmt.Sprintf("%s/%s-%d", p.dir, p.name, y)
		docs = append(docs, doc{base + ".pdf", func(wr io.Writer) error { return pdf.Write(wr, p.report) }},
			doc{base + ".xlsx", func(wr io.Writer) error { return xlsx.Write(wr, p.report) }})
	}
	docs = append(docs, doc{fmt.Sprintf("financeurs/financeurs-%d.xlsx", y), func(wr io.Writer) error {
		return xlsx.Write(wr, funders(data, y, date))
	}})
	var g errgroup.Group
	g.SetLimit(runtime.NumCPU())
	for _, d := range docs {
		p := filepath.Join(opt.Out, d.rel)
		g.Go(func() error {
			if err := writeAtomic(p, d.fill); err != nil {
				return fmt.Errorf("write %s: %w", p, err)
			}
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return written, err
	}
	for _, d := range docs {
		written = append(written, filepath.Join(opt.Out, d.rel))
	}
	m, err := writeManifest(opt.Out, y, data, date, append(append([]string{}, opt.Also...), written...))
	if err != nil {
		return written, fmt.Errorf("write manifest: %w", err)
	}
	return append(written, m), nil
}

// exportCSV writes analystes/indicateurs.csv: UTF-8 without BOM, ";", LF.
func exportCSV(ctx context.Context, w *warehouse.Warehouse, wr io.Writer) error {
	rows, err := w.Conn().QueryContext(ctx, "SELECT exercice, indicateur, niveau, code, valeur FROM indicateurs_export")
	if err != nil {
		return err
	}
	defer rows.Close()
	bw := bufio.NewWriter(wr)
	bw.WriteString("exercice;indicateur;niveau;code;valeur\n")
	for rows.Next() {
		var ex int
		var ind, niveau, code, valeur string
		if err := rows.Scan(&ex, &ind, &niveau, &code, &valeur); err != nil {
			return err
		}
		fmt.Fprintf(bw, "%d;%s;%s;%s;%s\n", ex, ind, niveau, code, valeur)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	return bw.Flush()
}

func exportParquet(ctx context.Context, w *warehouse.Warehouse, path string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp := path + ".tmp"
	q := "COPY (SELECT * FROM indicateurs WHERE exercice = (SELECT exercice FROM params) ORDER BY indicateur, niveau, code) TO '" +
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

package publish

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"bilan/internal/warehouse"
	"bilan/pipeline/ingest"
	"bilan/reports"
	"bilan/reports/xlsx"
)

// validation is what a validation report lists: one line per file (or stored batch), then
// per lot, file and rule the count and the first messages.
type validation struct{ files, rules [][]reports.Cell }

// validationPath is where a pack keeps its validation report.
func validationPath(y int) string {
	return filepath.Join("analystes", fmt.Sprintf("validation-%d.xlsx", y))
}

// WriteValidation writes analystes/validation-Y.xlsx under out from the reports of ingest
// calls: what a run that refused a batch leaves (nothing is published, see Run). It is
// dated like the packs (documentDate).
func WriteValidation(ctx context.Context, w *warehouse.Warehouse, out string, p warehouse.Params, date time.Time, results []*ingest.Result) (string, error) {
	if err := w.SetParams(ctx, p); err != nil {
		return "", err
	}
	date, err := documentDate(ctx, w, date)
	if err != nil {
		return "", err
	}
	path := filepath.Join(out, validationPath(p.Exercice))
	return path, writeAtomic(path, func(wr io.Writer) error { return writeValidationReport(wr, p.Exercice, date, fromResults(results)) })
}

// fromResults lists the files of ingest calls with their encoding and status, refused
// files included.
func fromResults(results []*ingest.Result) validation {
	var v validation
	for _, res := range results {
		for _, f := range res.Files {
			lot := res.Scope
			if f.Scope != "" { // a workbook: its region
				lot = f.Scope
			}
			status := "accepté"
			if f.Refused {
				status = "refusé"
			}
			v.files = append(v.files, []reports.Cell{reports.Str(scopeName(lot)), reports.Str(f.Name), reports.Str(string(f.Kind)),
				reports.Str(f.Encoding + f.Detail), reports.Str(status), reports.Num(float64(f.Read), reports.Count),
				reports.Num(float64(f.Loaded), reports.Count), reports.Num(float64(f.Rejected), reports.Count)})
			for _, g := range f.ByRule() {
				var msgs []string
				for j, i := range g.Issues {
					if j == ingest.FirstLines {
						break
					}
					msgs = append(msgs, i.Message())
				}
				v.rules = append(v.rules, []reports.Cell{reports.Str(scopeName(lot)), reports.Str(f.Name), reports.Str(g.Severity.Label()),
					reports.Str(g.Rule), reports.Num(float64(g.Count), reports.Count), reports.Str(strings.Join(msgs, "\n"))})
			}
		}
	}
	return v
}

// storedValidation lists what the warehouse keeps of the exercice's batches: each loaded
// batch with its files, and its rejected rows and warnings by file and rule with the
// first messages in line order (the encodings are not kept; a refused batch left nothing).
func storedValidation(ctx context.Context, w *warehouse.Warehouse, y int) (validation, error) {
	var v validation
	c := w.Conn()
	err := each(ctx, c, `SELECT scope, replace(fichiers, '|', ', '), kind, lignes_lues, lignes_chargees, lignes_rejetees
		FROM batches WHERE exercice = ? ORDER BY scope, kind`, func(rows *sql.Rows) error {
		var scope, files, kind string
		var read, loaded, rejected int
		if err := rows.Scan(&scope, &files, &kind, &read, &loaded, &rejected); err != nil {
			return err
		}
		v.files = append(v.files, []reports.Cell{reports.Str(scopeName(scope)), reports.Str(files), reports.Str(kind), reports.Str(""),
			reports.Str("chargé"), reports.Num(float64(read), reports.Count), reports.Num(float64(loaded), reports.Count),
			reports.Num(float64(rejected), reports.Count)})
		return nil
	}, y)
	if err != nil {
		return v, fmt.Errorf("read batches: %w", err)
	}
	err = each(ctx, c, `WITH issues AS (
			SELECT scope, fichier, 'rejet' AS gravite, regle, ligne, message FROM quarantine WHERE exercice = $1
			UNION ALL
			SELECT scope, fichier, 'avertissement', regle, ligne, message FROM warnings WHERE exercice = $1)
		SELECT scope, fichier, gravite, regle, count(*),
			array_to_string(list(message ORDER BY ligne, message)[1:$2], chr(10))
		FROM issues GROUP BY ALL ORDER BY scope, fichier, gravite DESC, regle`, func(rows *sql.Rows) error {
		var scope, file, severity, rule, first string
		var n int
		if err := rows.Scan(&scope, &file, &severity, &rule, &n, &first); err != nil {
			return err
		}
		v.rules = append(v.rules, []reports.Cell{reports.Str(scopeName(scope)), reports.Str(file), reports.Str(severity),
			reports.Str(rule), reports.Num(float64(n), reports.Count), reports.Str(first)})
		return nil
	}, y, ingest.FirstLines)
	if err != nil {
		return v, fmt.Errorf("read rejected rows and warnings: %w", err)
	}
	return v, nil
}

// writeValidationReport renders a validation report, restricted to analysts (it quotes
// the rows' messages).
func writeValidationReport(wr io.Writer, y int, date time.Time, v validation) error {
	r := &reports.Report{Title: "Rapport de validation des fichiers déposés", Exercice: y, Date: date, Author: author,
		Subtitle: fmt.Sprintf("Exercice %d – fichiers lus, lignes chargées et rejetées, avertissements", y), Restricted: true}
	files := &reports.Table{Number: 1, Title: "Fichiers du lot", Sheet: "Fichiers", Source: "programme bilan, validation",
		Columns: []reports.Column{{Title: "Lot"}, {Title: "Fichier"}, {Title: "Type"}, {Title: "Encodage ou contenu"}, {Title: "Statut"},
			{Title: "Lignes lues", Format: reports.Count}, {Title: "Chargées", Format: reports.Count}, {Title: "Rejetées", Format: reports.Count}},
		Rows: v.files}
	rules := &reports.Table{Number: 2, Title: "Anomalies par règle, avec les premières lignes concernées", Sheet: "Anomalies",
		Source: "programme bilan, validation", Columns: []reports.Column{{Title: "Lot"}, {Title: "Fichier"}, {Title: "Gravité"}, {Title: "Règle"},
			{Title: "Nombre", Format: reports.Count}, {Title: "Premiers messages"}}, Rows: v.rules}
	r.Sections = []reports.Section{{Title: "Validation", Tables: []*reports.Table{files, rules}}}
	return xlsx.Write(wr, r)
}

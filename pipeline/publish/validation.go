package publish

import (
	"context"
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

// WriteValidation writes analystes/validation-Y.xlsx, the validation report of the
// batches of a run: per file, rows read, loaded and rejected, then per rule the count and
// the first messages. It is written even when a batch was refused, and dated like the
// packs (documentDate).
func WriteValidation(ctx context.Context, w *warehouse.Warehouse, out string, p warehouse.Params, date time.Time, results []*ingest.Result) (string, error) {
	if err := w.SetParams(ctx, p); err != nil {
		return "", err
	}
	date, err := documentDate(ctx, w, date)
	if err != nil {
		return "", err
	}
	y := p.Exercice
	r := &reports.Report{Title: "Rapport de validation des fichiers déposés", Exercice: y, Date: date, Author: author,
		Subtitle: fmt.Sprintf("Exercice %d – fichiers lus, lignes chargées et rejetées, avertissements", y), Restricted: true}
	files := &reports.Table{Number: 1, Title: "Fichiers du lot", Sheet: "Fichiers", Source: "programme bilan, validation",
		Columns: []reports.Column{{Title: "Fichier"}, {Title: "Type"}, {Title: "Encodage ou contenu"}, {Title: "Statut"},
			{Title: "Lignes lues", Format: reports.Count}, {Title: "Chargées", Format: reports.Count}, {Title: "Rejetées", Format: reports.Count}}}
	rules := &reports.Table{Number: 2, Title: "Anomalies par règle, avec les premières lignes concernées", Sheet: "Anomalies",
		Source: "programme bilan, validation", Columns: []reports.Column{{Title: "Fichier"}, {Title: "Gravité"}, {Title: "Règle"},
			{Title: "Nombre", Format: reports.Count}, {Title: "Premiers messages"}}}
	for _, res := range results {
		for _, f := range res.Files {
			status := "accepté"
			if f.Refused {
				status = "refusé"
			}
			files.Rows = append(files.Rows, []reports.Cell{reports.Str(f.Name), reports.Str(string(f.Kind)), reports.Str(f.Encoding + f.Detail),
				reports.Str(status), reports.Num(float64(f.Read), reports.Count), reports.Num(float64(f.Loaded), reports.Count),
				reports.Num(float64(f.Rejected), reports.Count)})
			for _, g := range f.ByRule() {
				var msgs []string
				for j, i := range g.Issues {
					if j == ingest.FirstLines {
						break
					}
					msgs = append(msgs, i.Message())
				}
				rules.Rows = append(rules.Rows, []reports.Cell{reports.Str(f.Name), reports.Str(g.Severity.Label()), reports.Str(g.Rule),
					reports.Num(float64(g.Count), reports.Count), reports.Str(strings.Join(msgs, "\n"))})
			}
		}
	}
	r.Sections = []reports.Section{{Title: "Validation", Tables: []*reports.Table{files, rules}}}
	path := filepath.Join(out, "analystes", fmt.Sprintf("validation-%d.xlsx", y))
	return path, writeAtomic(path, func(w io.Writer) error { return xlsx.Write(w, r) })
}

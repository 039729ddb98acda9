// Package reporttest gives the renderers' tests one sample report.
package reporttest

import (
	"fmt"
	"time"

	"bilan/reports"
)

// Sample is a report with one section holding one table of rows missions locales (names
// with ligatures and typographic apostrophes), a France total with a masked rate.
func Sample(rows int) *reports.Report {
	t := &reports.Table{Number: 1, Title: "Un long tableau", Source: "essai", Columns: []reports.Column{
		{Title: "Mission locale"}, {Title: "Jeunes en contact", Format: reports.Count}, {Title: "Part des femmes", Format: reports.Percent}}}
	for i := 0; i < rows; i++ {
		t.Rows = append(t.Rows, []reports.Cell{reports.Str(fmt.Sprintf("Mission locale n° %03d – Cœur d’Armor", i)),
			reports.Num(float64(1000+i), reports.Count), reports.Num(12.5, reports.Percent)})
	}
	t.Totals = [][]reports.Cell{{reports.Str("France"), reports.Num(1370000, reports.Count), reports.Secret(reports.Percent)}}
	return &reports.Report{Title: "Bilan d'activité des missions locales", Subtitle: "Essai", Exercice: 2016,
		Date: time.Date(2017, 3, 31, 0, 0, 0, 0, time.UTC), Author: "DMML", Threshold: 11,
		Sections: []reports.Section{{Title: "Les jeunes", Tables: []*reports.Table{t}}}}
}

// Profile is a report with a table whose columns are grouped (« Femmes », « Hommes » over
// two age bands, then a column of no group) and an age pyramid whose men of 18-21 are
// masked.
func Profile() *reports.Report {
	cols := []reports.Column{{Title: "Mission locale"}}
	for _, g := range []string{"Femmes", "Hommes"} {
		cols = append(cols, reports.Column{Title: "Moins de 18 ans", Group: g, Format: reports.Count},
			reports.Column{Title: "18-21 ans", Group: g, Format: reports.Count})
	}
	cols = append(cols, reports.Column{Title: "Sexe inconnu", Format: reports.Count}, reports.Column{Title: "Ensemble", Format: reports.Count})
	n := func(v float64) reports.Cell { return reports.Num(v, reports.Count) }
	t := &reports.Table{Number: 1, Title: "Jeunes en premier accueil, par sexe et âge", Sheet: "PA sexe-âge", Source: "essai", Columns: cols,
		Rows:   [][]reports.Cell{{reports.Str("22-ML DINAN"), n(12), n(31), reports.Secret(reports.Count), n(27), reports.Secret(reports.Count), n(81)}},
		Totals: [][]reports.Cell{{reports.Str("Bretagne"), n(1212), n(3131), n(1414), n(2727), n(44), n(8528)}}}
	c := &reports.Chart{Kind: reports.Pyramid, Sheet: "Pyramide des âges", Title: "Pyramide des âges – Bretagne", Axis: "Âge au 31/12",
		Source: "essai", Labels: []string{"Moins de 18 ans", "18-21 ans"},
		Series: []reports.Series{{Name: "Hommes", Values: []float64{1414, 0}, Masked: []bool{false, true}},
			{Name: "Femmes", Values: []float64{1212, 3131}}}}
	return &reports.Report{Title: "Bilan d'activité des missions locales", Subtitle: "Essai", Exercice: 2016,
		Date: time.Date(2017, 3, 31, 0, 0, 0, 0, time.UTC), Author: "DMML", Threshold: 11,
		Sections: []reports.Section{{Title: "Les jeunes", Tables: []*reports.Table{t}, Charts: []*reports.Chart{c}}}}
}

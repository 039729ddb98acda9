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

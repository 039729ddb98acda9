package publish

import (
	"fmt"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"bilan/reports"
)

// funders is the workbook of the national meeting of funders (PNAE, action 13): every
// indicator by region and by mission locale, with the definitions.
func funders(d *data, y int, date time.Time) *reports.Report {
	r := &reports.Report{Title: "Bilan d'activité des missions locales – réunion nationale des financeurs", Exercice: y, Date: date,
		Author: author, Subtitle: fmt.Sprintf("Exercice %d – tous les indicateurs par région et par mission locale", y), Notes: d.notes(),
		Threshold: d.threshold}
	ids := make([]string, 0, len(d.catalogue))
	for _, x := range d.catalogue {
		ids = append(ids, x.id)
	}
	columns := func(first ...string) []reports.Column {
		var cols []reports.Column
		for _, f := range first {
			cols = append(cols, reports.Column{Title: f})
		}
		for _, id := range ids {
			cols = append(cols, reports.Column{Title: id, Format: format(d.docs[id].unit)})
		}
		return cols
	}
	line := func(niveau, code string, first ...string) []reports.Cell {
		var row []reports.Cell
		for _, f := range first {
			row = append(row, reports.Str(f))
		}
		for _, id := range ids {
			row = append(row, d.cell(id, niveau, code))
		}
		return row
	}
	byRegion := &reports.Table{Number: 1, Title: "Tous les indicateurs par région", Sheet: "Par région",
		Source: sourceExtracts + " ; " + sourceWorkbooks, Columns: columns("Code", "Région")}
	byML := &reports.Table{Number: 2, Title: "Tous les indicateurs par mission locale", Sheet: "Par mission locale",
		Source: sourceExtracts + " ; " + sourceWorkbooks, Columns: columns("Code", "Mission locale", "Région")}
	for _, reg := range d.regions {
		byRegion.Rows = append(byRegion.Rows, line("region", reg.code, reg.code, reg.name))
		for _, ml := range d.mls[reg.code] {
			byML.Rows = append(byML.Rows, line("ml", ml.code, ml.code, ml.name, reg.name))
		}
	}
	byRegion.Totals = [][]reports.Cell{line("national", "FR", "FR", "France")}
	byML.Totals = [][]reports.Cell{line("national", "FR", "FR", "France", "")}
	r.Sections = []reports.Section{{Title: "Indicateurs", Tables: []*reports.Table{byRegion, byML}}}
	return r
}

// Slug is the ASCII, lower-case form of a name for folder and file names:
// « Provence-Alpes-Côte d'Azur » gives provence-alpes-cote-d-azur.
func Slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFD.String(strings.ToLower(name)) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			b.WriteRune(r)
			dash = false
		default:
			if !dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = true
		}
	}
	return strings.Trim(b.String(), "-")
}

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
// indicator by region and by mission locale (those defined at that level), headed by its
// French title and unit with its id below, then the methodology (method, inputs with their
// hashes, consistency checks) and the definitions. The PNAE follow-up (a family of ids) is for the DMML, never for funders.
func funders(d *data, y int, date time.Time) *reports.Report {
	r := &reports.Report{Title: "Bilan d'activité des missions locales – réunion nationale des financeurs", Exercice: y, Date: date,
		Author: author, Subtitle: fmt.Sprintf("Exercice %d – tous les indicateurs par région et par mission locale", y), Notes: d.notes(),
		Threshold: d.threshold}
	atLevel := func(level string) []string {
		var ids []string
		for _, x := range d.catalogue {
			if x.family == "" && strings.Contains(","+x.levels+",", ","+level+",") {
				ids = append(ids, x.id)
			}
		}
		return ids
	}
	byRegion, byML := table(d, 1, "Tous les indicateurs par région", "Par région", atLevel("region"), "Code", "Région"),
		table(d, 2, "Tous les indicateurs par mission locale", "Par mission locale", atLevel("ml"), "Code", "Mission locale", "Région")
	for _, reg := range d.regions {
		byRegion.add("region", reg.code, reg.code, reg.name)
		for _, ml := range d.mls[reg.code] {
			byML.add("ml", ml.code, ml.code, ml.name, reg.name)
		}
	}
	byRegion.total("FR", "FR", "France")
	byML.total("FR", "FR", "France", "")
	r.Sections = []reports.Section{{Title: "Indicateurs", Tables: []*reports.Table{byRegion.Table, byML.Table}},
		{Title: "Méthodologie", Tables: []*reports.Table{d.method(3), d.inputsTable(4, nil), d.checksTable(5)}}}
	return r
}

// idTable is a table of indicators (columns) by territory (rows).
type idTable struct {
	*reports.Table
	d   *data
	ids []string
}

func table(d *data, number int, title, sheet string, ids []string, first ...string) *idTable {
	var cols []reports.Column
	for _, f := range first {
		cols = append(cols, reports.Column{Title: f})
	}
	for _, id := range ids {
		title, unit := d.docs[id].title, d.docs[id].unit
		if l, u := strings.ToLower(title), strings.ToLower(unit); !strings.HasSuffix(l, u) && !strings.HasSuffix(l, u+")") {
			title += " (" + unit + ")" // (« Financement total, euros » says it already)
		}
		cols = append(cols, reports.Column{Title: title, Code: id, Format: reports.UnitFormat(unit)})
	}
	return &idTable{Table: &reports.Table{Number: number, Title: title, Sheet: sheet, Source: sourceExtracts + " ; " + sourceWorkbooks,
		Columns: cols}, d: d, ids: ids}
}

func (t *idTable) line(niveau, code string, first ...string) []reports.Cell {
	var row []reports.Cell
	for _, f := range first {
		row = append(row, reports.Str(f))
	}
	for _, id := range t.ids {
		row = append(row, t.d.cell(id, niveau, code))
	}
	return row
}

func (t *idTable) add(niveau, code string, first ...string) {
	t.Rows = append(t.Rows, t.line(niveau, code, first...))
}

func (t *idTable) total(code string, first ...string) {
	t.Totals = [][]reports.Cell{t.line("national", code, first...)}
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

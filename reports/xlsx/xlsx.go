// Package xlsx renders a report as an Excel workbook in the publication-spreadsheet
// style: a Lisez-moi cover sheet, then one table per sheet with a title row, numbers as
// numbers with formats a French Excel shows as 1 234 / 12,5 % / 384 700 €, frozen header,
// autofilter and column widths. Text is always written as string cells, so nothing coming
// from an input can run as a formula.
package xlsx

import (
	"fmt"
	"io"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"bilan/reports"
)

// Number formats per cell format (standard codes; Excel localises them).
var numFmt = map[reports.Format]string{
	reports.Count:    "#,##0",
	reports.Percent:  "0.0%",
	reports.Decimal1: "#,##0.0",
	reports.Euros:    `#,##0\ "€"`,
	reports.Change:   "+0.0%;-0.0%;0.0%",
}

// Write renders r as XLSX into w.
func Write(w io.Writer, r *reports.Report, notes []string) error {
	f := excelize.NewFile()
	defer f.Close()
	b := &book{f: f, styles: map[string]int{}}
	if err := b.readme(r, notes); err != nil {
		return err
	}
	if len(r.KeyFigures) > 0 {
		t := &reports.Table{Sheet: "Chiffres clés", Title: "Chiffres clés " + fmt.Sprint(r.Exercice), Columns: []reports.Column{
			{Title: "Indicateur"}, {Title: fmt.Sprint(r.Exercice), Format: reports.Count},
			{Title: fmt.Sprint(r.Exercice - 1), Format: reports.Count}, {Title: "Évolution", Format: reports.Change}},
			Source: "I-milo, traitement DMML"}
		for _, k := range r.KeyFigures {
			t.Rows = append(t.Rows, []reports.Cell{reports.Str(k.Label), k.Value, k.Previous, k.Change})
		}
		if err := b.table(t); err != nil {
			return err
		}
	}
	for _, t := range r.Tables() {
		if err := b.table(t); err != nil {
			return err
		}
	}
	created := r.Date.UTC().Format("2006-01-02T15:04:05Z")
	if err := f.SetDocProps(&excelize.DocProperties{
		Title: r.Title + " " + fmt.Sprint(r.Exercice), Subject: r.Subtitle, Creator: r.Author,
		Language: "fr-FR", Created: created, Modified: created, LastModifiedBy: r.Author,
	}); err != nil {
		return err
	}
	f.SetActiveSheet(0)
	_, err := f.WriteTo(w)
	return err
}

type book struct {
	f      *excelize.File
	styles map[string]int
}

func (b *book) style(key string, s *excelize.Style) (int, error) {
	if id, ok := b.styles[key]; ok {
		return id, nil
	}
	id, err := b.f.NewStyle(s)
	b.styles[key] = id
	return id, err
}

func (b *book) readme(r *reports.Report, notes []string) error {
	const sheet = "Lisez-moi"
	if err := b.f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	titleStyle, err := b.style("title", &excelize.Style{Font: &excelize.Font{Bold: true, Size: 16, Color: "000091"}})
	if err != nil {
		return err
	}
	lines := [][2]string{
		{"", r.Title + " " + fmt.Sprint(r.Exercice)},
		{"", r.Subtitle},
		{"", ""},
		{"Exercice", fmt.Sprint(r.Exercice)},
		{"Date du document", reports.FrenchDate(r.Date)},
		{"Source", "I-milo (extraits jeunes, événements, mesures) ; référentiel des structures I-milo ; traitement DMML"},
		{"Producteur", r.Author},
		{"Contact", "Délégation ministérielle aux missions locales (DMML)"},
		{"Symboles", "n.d. : donnée non disponible (aucun extrait chargé pour ce territoire, ou taux dont le dénominateur est nul)"},
		{"Formats", "Les nombres sont de vrais nombres : les séparateurs de milliers et les % s'affichent selon la langue d'Excel."},
	}
	for i, n := range notes {
		label := ""
		if i == 0 {
			label = "Notes"
		}
		lines = append(lines, [2]string{label, n})
	}
	lines = append(lines, [2]string{"", ""}, [2]string{"Tableaux", ""})
	for i, l := range lines {
		row := i + 1
		if err := b.f.SetCellStr(sheet, cell(1, row), l[0]); err != nil {
			return err
		}
		if err := b.f.SetCellStr(sheet, cell(2, row), l[1]); err != nil {
			return err
		}
	}
	b.f.SetCellStyle(sheet, "B1", "B1", titleStyle)
	b.f.SetColWidth(sheet, "A", "A", 20)
	b.f.SetColWidth(sheet, "B", "B", 110)
	return nil
}

// table writes one table on its own sheet: title in row 1, source in row 2, header in
// row 3, data from row 4; a link to it is added to the Lisez-moi sheet.
func (b *book) table(t *reports.Table) error {
	sheet := sheetName(t)
	if _, err := b.f.NewSheet(sheet); err != nil {
		return err
	}
	titleStyle, _ := b.style("title", nil)
	headStyle, err := b.style("head", &excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E8EDFF"}}})
	if err != nil {
		return err
	}
	title := t.Title
	if t.Number > 0 {
		title = fmt.Sprintf("Tableau %d – %s", t.Number, t.Title)
	}
	b.f.SetCellStr(sheet, "A1", title)
	b.f.SetCellStyle(sheet, "A1", "A1", titleStyle)
	if t.Source != "" {
		b.f.SetCellStr(sheet, "A2", "Source : "+t.Source)
	}
	widths := make([]int, len(t.Columns))
	for i, c := range t.Columns {
		b.f.SetCellStr(sheet, cell(i+1, 3), c.Title)
		widths[i] = utf8.RuneCountInString(c.Title)
	}
	b.f.SetCellStyle(sheet, cell(1, 3), cell(len(t.Columns), 3), headStyle)
	rows := t.Rows
	if t.Total != nil {
		rows = append(append([][]reports.Cell{}, rows...), t.Total)
	}
	for ri, r := range rows {
		for ci, c := range r {
			ref := cell(ci+1, ri+4)
			if err := b.value(sheet, ref, c); err != nil {
				return err
			}
			if n := utf8.RuneCountInString(reports.French(c)); n > widths[ci] {
				widths[ci] = n
			}
		}
	}
	for i, w := range widths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		b.f.SetColWidth(sheet, col, col, float64(min(max(w+2, 10), 60)))
	}
	last := cell(len(t.Columns), 3+len(t.Rows))
	if err := b.f.AutoFilter(sheet, "A3:"+last, nil); err != nil {
		return err
	}
	if err := b.f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 3, TopLeftCell: "A4", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	// Link from the cover sheet.
	readme := "Lisez-moi"
	rowsRM, _ := b.f.GetRows(readme)
	at := cell(2, len(rowsRM)+1)
	b.f.SetCellStr(readme, at, title)
	return b.f.SetCellHyperLink(readme, at, fmt.Sprintf("'%s'!A1", sheet), "Location")
}

func (b *book) value(sheet, ref string, c reports.Cell) error {
	switch {
	case c.Format == reports.Text:
		return b.f.SetCellStr(sheet, ref, c.Text)
	case c.Empty:
		return b.f.SetCellStr(sheet, ref, "n.d.")
	}
	v := c.Number
	if c.Format == reports.Percent || c.Format == reports.Change {
		v /= 100
	}
	if err := b.f.SetCellFloat(sheet, ref, v, -1, 64); err != nil {
		return err
	}
	id, err := b.style(numFmt[c.Format], &excelize.Style{CustomNumFmt: ptr(numFmt[c.Format])})
	if err != nil {
		return err
	}
	return b.f.SetCellStyle(sheet, ref, ref, id)
}

func ptr[T any](v T) *T { return &v }

func cell(col, row int) string {
	ref, _ := excelize.CoordinatesToCellName(col, row)
	return ref
}

// sheetName is the table's sheet name, within Excel's 31 characters and without the
// characters Excel forbids.
func sheetName(t *reports.Table) string {
	name := t.Sheet
	if name == "" {
		name = fmt.Sprintf("Tableau %d", t.Number)
	}
	r := []rune(name)
	if len(r) > 31 {
		r = r[:31]
	}
	return string(r)
}

// Package xlsx renders a report as an Excel workbook in the publication-spreadsheet
// style of gptables/aftables: a Lisez-moi cover sheet, a contents sheet linking to each
// table, a notes sheet, then one table per sheet with a title row, numbers as numbers with
// formats a French Excel shows as 1 234 / 12,5 % / 384 700 €, frozen header, autofilter,
// column widths, and native charts mirroring the PDF's. Text is always written as string
// cells, so nothing coming from an input can run as a formula. The workbook starts from
// an embedded template and carries the report's date, so the same report gives the same
// bytes.
package xlsx

import (
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"slices"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"bilan/reports"
)

//go:embed template.xlsx
var template []byte

// Number formats per cell format (standard codes; Excel localises them).
var numFmt = map[reports.Format]string{
	reports.Count:    "#,##0",
	reports.Percent:  "0.0%",
	reports.Decimal1: "#,##0.0",
	reports.Euros:    `#,##0\ "€"`,
	reports.Change:   "+0.0%;-0.0%;0.0%",
	reports.Points:   `+0.0" pt";-0.0" pt";0.0" pt"`,
}

const (
	readme   = "Lisez-moi"
	contents = "Sommaire"
	notes    = "Notes"
)

// Write renders r as XLSX into w.
func Write(w io.Writer, r *reports.Report) error {
	f, err := excelize.OpenReader(bytes.NewReader(template))
	if err != nil {
		return fmt.Errorf("open template: %w", err)
	}
	defer f.Close()
	b := &book{f: f, styles: map[string]int{}, names: map[string]bool{}, used: map[string][2]int{}}
	if err := b.cover(r); err != nil {
		return err
	}
	for _, name := range []string{contents, notes} {
		if _, err := f.NewSheet(name); err != nil {
			return err
		}
		b.names[name] = true
	}
	f.SetCellStr(contents, "A1", "Sommaire")
	f.SetCellStr(contents, "A2", "Cliquer sur un titre pour ouvrir sa feuille.")
	b.use(contents, 1, 2)
	f.SetColWidth(contents, "A", "A", 100)
	if len(r.KeyFigures) > 0 {
		if err := b.table(reports.KeyFigureTable(r)); err != nil {
			return err
		}
	}
	for _, s := range r.Sections {
		for _, t := range s.Tables {
			if err := b.table(t); err != nil {
				return err
			}
		}
		for _, c := range s.Charts {
			if err := b.chart(c); err != nil {
				return err
			}
		}
	}
	if err := b.notes(r); err != nil {
		return err
	}
	created := r.Date.UTC().Format("2006-01-02T15:04:05Z")
	if err := f.SetDocProps(&excelize.DocProperties{
		Title: fmt.Sprintf("%s %d", r.Title, r.Exercice), Subject: r.Subtitle, Creator: r.Author,
		Language: "fr-FR", Created: created, Modified: created, LastModifiedBy: r.Author,
	}); err != nil {
		return err
	}
	f.SetActiveSheet(0)
	return save(f, w, b.used)
}

// Save records every sheet's used range in its <dimension>, then writes the workbook to
// w. Excelize keeps the template's « A1 », and readers that trust the dimension (openpyxl
// in read-only mode, some ETL tools) would see a single cell.
func Save(f *excelize.File, w io.Writer) error { return save(f, w, nil) }

// save is Save with the used range of the sheets a writer knows (last column and row):
// reading a sheet back costs more than writing it.
func save(f *excelize.File, w io.Writer, known map[string][2]int) error {
	for _, sheet := range f.GetSheetList() {
		if e, ok := known[sheet]; ok {
			if err := f.SetSheetDimension(sheet, "A1:"+cell(e[0], e[1])); err != nil {
				return fmt.Errorf("set the dimension of sheet %s: %w", sheet, err)
			}
			continue
		}
		rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			return fmt.Errorf("read sheet %s: %w", sheet, err)
		}
		cols := 1
		for _, r := range rows {
			cols = max(cols, len(r))
		}
		if len(rows) == 0 {
			continue
		}
		if err := f.SetSheetDimension(sheet, "A1:"+cell(cols, len(rows))); err != nil {
			return fmt.Errorf("set the dimension of sheet %s: %w", sheet, err)
		}
	}
	_, err := f.WriteTo(w)
	return err
}

type book struct {
	f      *excelize.File
	styles map[string]int
	names  map[string]bool
	charts int
	links  int               // lines of the contents sheet
	used   map[string][2]int // sheet → last column and row written
}

// use notes that a sheet holds a cell at (col, row).
func (b *book) use(sheet string, col, row int) {
	e := b.used[sheet]
	b.used[sheet] = [2]int{max(e[0], col), max(e[1], row)}
}

func (b *book) style(key string, s *excelize.Style) int {
	if id, ok := b.styles[key]; ok {
		return id
	}
	id, _ := b.f.NewStyle(s)
	b.styles[key] = id
	return id
}

// headStyle is the style of a table's header cells.
func (b *book) headStyle() int {
	return b.style("head", &excelize.Style{Font: &excelize.Font{Bold: true},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E8EDFF"}}})
}

// chartSheet reserves the sheet named name for a chart's data, with the chart's title in
// row 1 and its source in row 2.
func (b *book) chartSheet(name string, c *reports.Chart) (string, error) {
	sheet, err := b.sheet(name)
	if err != nil {
		return "", err
	}
	b.f.SetCellStr(sheet, "A1", "Graphique – "+c.Title)
	b.f.SetCellStyle(sheet, "A1", "A1", b.titleStyle())
	if c.Source != "" {
		b.f.SetCellStr(sheet, "A2", "Source : "+c.Source)
	}
	return sheet, nil
}

func (b *book) titleStyle() int {
	return b.style("title", &excelize.Style{Font: &excelize.Font{Bold: true, Size: 14, Color: "000091"}})
}

func (b *book) cover(r *reports.Report) error {
	f := b.f
	if err := f.SetSheetName(f.GetSheetName(0), readme); err != nil {
		return err
	}
	b.names[readme] = true
	lines := [][2]string{
		{"", fmt.Sprintf("%s %d", r.Title, r.Exercice)},
		{"", r.Subtitle},
		{"", ""},
		{"Exercice", fmt.Sprint(r.Exercice)},
		{"Date du document", reports.FrenchDate(r.Date)},
		{"Source", "I-milo (extraits jeunes, événements, mesures) et référentiel des structures I-milo ; traitement DMML"},
		{"Producteur", r.Author},
		{"Contact", "Délégation ministérielle aux missions locales (DMML)"},
		{"Symboles", "n.d. : donnée non disponible (aucun extrait chargé pour ce territoire, ou taux dont le dénominateur est nul)"},
		{"Nombres", "Les nombres sont de vrais nombres : séparateurs de milliers et % s'affichent selon la langue d'Excel."},
		{"Contenu", "La feuille « Sommaire » mène à chaque tableau ; la feuille « Notes » donne la définition de chaque indicateur."},
	}
	secrecy := [2]string{"", "[s] : secret statistique — effectif de moins de " + fmt.Sprint(r.Threshold) + " jeunes, événements, mesures ou parrains, ou valeur masquée pour qu'un tel effectif ne puisse être recalculé par différence ; la valeur n'est pas dans le fichier"}
	if r.Restricted { // exact values: nothing is masked, so no threshold to explain
		secrecy = [2]string{"Diffusion", "Diffusion restreinte : valeurs exactes, réservées aux analystes de la DMML."}
	}
	lines = slices.Insert(lines, 9, secrecy)
	for i, l := range lines {
		f.SetCellStr(readme, cell(1, i+1), l[0])
		f.SetCellStr(readme, cell(2, i+1), l[1])
		if l[0] != "" || l[1] != "" {
			b.use(readme, 1, i+1)
		}
		if l[1] != "" {
			b.use(readme, 2, i+1)
		}
	}
	f.SetCellStyle(readme, "B1", "B1", b.titleStyle())
	f.SetColWidth(readme, "A", "A", 20)
	f.SetColWidth(readme, "B", "B", 110)
	return nil
}

func (b *book) notes(r *reports.Report) error {
	f := b.f
	f.SetCellStr(notes, "A1", "Notes")
	f.SetCellStyle(notes, "A1", "A1", b.titleStyle())
	b.use(notes, 1, 1)
	for i, n := range r.Notes {
		f.SetCellStr(notes, cell(1, i+3), n)
		if n != "" {
			b.use(notes, 1, i+3)
		}
	}
	return f.SetColWidth(notes, "A", "A", 160)
}

// sheet reserves a unique sheet name of at most 31 characters.
func (b *book) sheet(want string) (string, error) {
	r := []rune(want)
	if len(r) > 28 {
		r = r[:28]
	}
	name := string(r)
	for k := 2; b.names[name]; k++ {
		name = fmt.Sprintf("%s %d", string(r), k)
	}
	b.names[name] = true
	_, err := b.f.NewSheet(name)
	return name, err
}

// link adds a line to the contents sheet pointing at a sheet.
func (b *book) link(title, sheet string) error {
	b.links++
	at := cell(1, 2+2*b.links) // every other line, from the 4th
	b.f.SetCellStr(contents, at, title)
	b.use(contents, 1, 2+2*b.links)
	return b.f.SetCellHyperLink(contents, at, fmt.Sprintf("'%s'!A1", sheet), "Location")
}

// table writes one table on its own sheet: title in row 1, source in row 2, header in
// row 3 (then the columns' codes in row 4, when they have some), data below.
func (b *book) table(t *reports.Table) error {
	want := t.Sheet
	if want == "" {
		want = fmt.Sprintf("Tableau %d", t.Number)
	}
	sheet, err := b.sheet(want)
	if err != nil {
		return err
	}
	f := b.f
	title := t.Title
	if t.Number > 0 {
		title = fmt.Sprintf("Tableau %d – %s", t.Number, t.Title)
	}
	f.SetCellStr(sheet, "A1", title)
	f.SetCellStyle(sheet, "A1", "A1", b.titleStyle())
	if t.Source != "" {
		f.SetCellStr(sheet, "A2", "Source : "+t.Source)
	}
	head := b.headStyle()
	last := 3 // the last header row
	if slices.ContainsFunc(t.Columns, func(c reports.Column) bool { return c.Code != "" }) {
		last = 4
	}
	widths := make([]int, len(t.Columns))
	for i, c := range t.Columns {
		f.SetCellStr(sheet, cell(i+1, 3), c.Head())
		if last == 4 {
			f.SetCellStr(sheet, cell(i+1, 4), c.Code)
		}
		widths[i] = max(min(utf8.RuneCountInString(c.Head()), 18), utf8.RuneCountInString(c.Code))
	}
	f.SetCellStyle(sheet, cell(1, 3), cell(len(t.Columns), last), head)
	rows := append(append([][]reports.Cell{}, t.Rows...), t.Totals...)
	for ri, r := range rows {
		for ci, c := range r {
			if err := b.value(sheet, cell(ci+1, ri+last+1), c, ri >= len(t.Rows)); err != nil {
				return err
			}
			if n := utf8.RuneCountInString(reports.French(c)); n > widths[ci] {
				widths[ci] = n
			}
		}
	}
	for i, w := range widths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		f.SetColWidth(sheet, col, col, float64(min(max(w+2, 10), 70)))
	}
	b.use(sheet, len(t.Columns), last)
	for ri, r := range rows {
		b.use(sheet, len(r), ri+last+1)
	}
	if err := f.AutoFilter(sheet, cell(1, last)+":"+cell(len(t.Columns), last+len(t.Rows)), nil); err != nil {
		return err
	}
	if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: last, TopLeftCell: cell(1, last+1), ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	return b.link(title, sheet)
}

func (b *book) value(sheet, ref string, c reports.Cell, total bool) error {
	f := b.f
	key := fmt.Sprintf("%d-%v", c.Format, total)
	font := &excelize.Font{Bold: total}
	switch {
	case c.Format == reports.Text:
		if total {
			f.SetCellStyle(sheet, ref, ref, b.style(key, &excelize.Style{Font: font}))
		}
		return f.SetCellStr(sheet, ref, c.Text)
	case c.Masked:
		f.SetCellStyle(sheet, ref, ref, b.style("na", &excelize.Style{Alignment: &excelize.Alignment{Horizontal: "right"}}))
		return f.SetCellStr(sheet, ref, "[s]")
	case c.Empty:
		f.SetCellStyle(sheet, ref, ref, b.style("na", &excelize.Style{Alignment: &excelize.Alignment{Horizontal: "right"}}))
		return f.SetCellStr(sheet, ref, "n.d.")
	}
	v := c.Number
	if c.Format == reports.Percent || c.Format == reports.Change {
		v /= 100
	}
	if err := f.SetCellFloat(sheet, ref, v, -1, 64); err != nil {
		return err
	}
	return f.SetCellStyle(sheet, ref, ref, b.style(key, &excelize.Style{Font: font, CustomNumFmt: ptr(numFmt[c.Format])}))
}

// chart writes the chart's data on a sheet of its own (numbers as numbers; a gap of a line
// left empty, so that Excel draws no point there) and a native Excel chart beside it: one
// per series, three a row, for a line chart of several series (each on its own scale).
func (b *book) chart(c *reports.Chart) error {
	if len(c.Labels) == 0 || len(c.Series) == 0 {
		return nil
	}
	if c.Kind == reports.Pyramid {
		return b.pyramid(c)
	}
	b.charts++
	sheet, err := b.chartSheet(fmt.Sprintf("Graphique %d", b.charts), c)
	if err != nil {
		return err
	}
	f := b.f
	if c.Axis != "" {
		f.SetCellStr(sheet, "A3", c.Axis)
	}
	for k, s := range c.Series {
		f.SetCellStr(sheet, cell(k+2, 3), s.Name)
	}
	for i, l := range c.Labels {
		f.SetCellStr(sheet, cell(1, i+4), l)
		for k, s := range c.Series {
			if !s.Gap(i) {
				f.SetCellFloat(sheet, cell(k+2, i+4), s.Values[i], -1, 64)
			}
		}
	}
	b.use(sheet, len(c.Series)+1, len(c.Labels)+3)
	f.SetColWidth(sheet, "A", "A", 30)
	typ := excelize.Bar
	switch c.Kind {
	case reports.Line:
		typ = excelize.Line
	case reports.Stacked:
		typ = excelize.BarStacked
	}
	last := len(c.Labels) + 3
	var series []excelize.ChartSeries
	for k := range c.Series {
		col, _ := excelize.ColumnNumberToName(k + 2)
		series = append(series, excelize.ChartSeries{
			Name:       fmt.Sprintf("'%s'!$%s$3", sheet, col),
			Categories: fmt.Sprintf("'%s'!$A$4:$A$%d", sheet, last),
			Values:     fmt.Sprintf("'%s'!$%s$4:$%s$%d", sheet, col, col, last),
		})
	}
	if c.Kind == reports.Line && len(c.Series) > 1 {
		last, _ := excelize.ColumnNumberToName(len(c.Series) + 1)
		for k, s := range series {
			col, _ := excelize.ColumnNumberToName(len(c.Series) + 3 + 6*(k%3))
			if err := f.AddChart(sheet, fmt.Sprintf("%s%d", col, 3+16*(k/3)), &excelize.Chart{
				Type: typ, Series: []excelize.ChartSeries{s}, ShowBlanksAs: "gap",
				Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: c.Series[k].Name}}},
				Legend:    excelize.ChartLegend{Position: "none"},
				Dimension: excelize.ChartDimension{Width: 380, Height: 300},
			}); err != nil {
				return fmt.Errorf("chart %s: %w", c.Title, err)
			}
		}
		f.SetColWidth(sheet, "B", last, 14)
		return b.link("Graphique – "+c.Title, sheet)
	}
	height := uint(max(300, 22*len(c.Labels)+80))
	if err := f.AddChart(sheet, "E3", &excelize.Chart{
		Type: typ, Series: series,
		Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: c.Title}}},
		Legend:    excelize.ChartLegend{Position: "bottom"},
		Dimension: excelize.ChartDimension{Width: 640, Height: height},
	}); err != nil {
		return fmt.Errorf("chart %s: %w", c.Title, err)
	}
	return b.link("Graphique – "+c.Title, sheet)
}

func ptr[T any](v T) *T { return &v }

func cell(col, row int) string {
	ref, _ := excelize.CoordinatesToCellName(col, row)
	return ref
}

// NewFile opens the embedded empty workbook every bilan XLSX starts from (stable parts,
// so the same content gives the same bytes); its one sheet is named "Sheet1".
func NewFile() (*excelize.File, error) {
	return excelize.OpenReader(bytes.NewReader(template))
}

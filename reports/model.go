// Package reports is the report model the PDF and XLSX writers render: sections, numbered
// tables, cells with a value and a format. Writers know only this model, never SQL, so
// the two always show the same numbers.
package reports

import (
	"fmt"
	"time"
)

// Format says how a number reads.
type Format int

// Formats of a cell.
const (
	Text     Format = iota // free text
	Count                  // 1 370 000
	Percent                // 12,5 %
	Decimal1               // 12,5 (FTE)
	Euros                  // 384 700 €
	Change                 // +12,3 %
)

// UnitFormat is the format of a value of an indicator whose header gives unit.
func UnitFormat(unit string) Format {
	switch unit {
	case "%":
		return Percent
	case "ETP":
		return Decimal1
	case "euros":
		return Euros
	}
	return Count
}

// Cell is one value of a table. An empty cell (Empty) reads "n.d." (not available); a
// masked one (statistical secrecy) reads "s" and carries no number at all.
type Cell struct {
	Format Format
	Number float64
	Text   string
	Empty  bool
	Masked bool
}

// Secret is a cell masked by statistical secrecy.
func Secret(f Format) Cell { return Cell{Format: f, Masked: true} }

// Num is a number cell.
func Num(v float64, f Format) Cell { return Cell{Format: f, Number: v} }

// Str is a text cell.
func Str(s string) Cell { return Cell{Format: Text, Text: s} }

// NA is an unavailable value.
func NA(f Format) Cell { return Cell{Format: f, Empty: true} }

// Column is a table column. Consecutive columns of one Group share a heading above
// theirs in the PDF and HTML (« Femmes » over its age bands); the XLSX, one header row,
// writes Heading.
type Column struct {
	Title  string
	Format Format
	Group  string
}

// Heading is the column's title with its group's: « Femmes – 18-21 ans ».
func (c Column) Heading() string {
	if c.Group == "" {
		return c.Title
	}
	return c.Group + " – " + c.Title
}

// Grouped tells whether some column of the table has a group.
func (t *Table) Grouped() bool {
	for _, c := range t.Columns {
		if c.Group != "" {
			return true
		}
	}
	return false
}

// Table is a numbered table with its source line.
type Table struct {
	Number  int
	Sheet   string // short name, used as the XLSX sheet name
	Title   string
	Columns []Column
	Rows    [][]Cell
	Totals  [][]Cell // total lines (a region, France), printed last and in bold
	Source  string
}

// KeyFigure is a headline figure with its value of the previous exercice.
type KeyFigure struct {
	Label    string
	Value    Cell
	Previous Cell
	Change   Cell
	France   *Cell // in a regional report, the value for France
}

// ChartKind is the kind of a chart.
type ChartKind int

// Chart kinds: bars by territory, a line over exercices, stacked bars, and an age
// pyramid: one bar per label (age bands, the youngest first, drawn at the bottom), the
// first series to the left of the axis, the second to the right.
const (
	Bars ChartKind = iota
	Line
	Stacked
	Pyramid
)

// Series is one named series of a chart. Masked, when set, marks the values statistical
// secrecy masks: no bar is drawn and « s » is printed (a pyramid's values only).
type Series struct {
	Name   string
	Values []float64
	Masked []bool
}

// Hidden tells whether the i-th value is masked.
func (s Series) Hidden(i int) bool { return i < len(s.Masked) && s.Masked[i] }

// Chart is drawn in the PDF and as a native Excel chart beside its table.
type Chart struct {
	Kind   ChartKind
	Sheet  string // the XLSX sheet of its data, when not « Graphique N »
	Title  string
	Axis   string // what the labels are (« Région », « Exercice »): the head of the chart's data table in HTML
	Labels []string
	Series []Series
	Source string
}

// Section is a chapter of the report.
type Section struct {
	Title      string
	Paragraphs []string
	Tables     []*Table
	Charts     []*Chart
}

// Report is one pack's document.
type Report struct {
	Title      string
	Subtitle   string
	Exercice   int
	Date       time.Time // document date: from the inputs or --date, never the clock
	Author     string
	KeyFigures []KeyFigure
	Sections   []Section
	Notes      []string // definitions and remarks, on the Notes sheet of the workbook
	Restricted bool     // analysts only: « Diffusion restreinte »
	Threshold  int      // statistical secrecy threshold, explained on the cover sheet
}

// KeyFigureTable is the table of "L'essentiel": the exercice beside the previous one and
// the change, plus France in a regional report.
func KeyFigureTable(r *Report) *Table {
	t := &Table{Sheet: "Chiffres clés", Title: fmt.Sprintf("Chiffres clés %d", r.Exercice),
		Source: "I-milo, traitement DMML", Columns: []Column{
			{Title: "Indicateur"}, {Title: fmt.Sprint(r.Exercice), Format: Count},
			{Title: fmt.Sprint(r.Exercice - 1), Format: Count}, {Title: "Évolution", Format: Change}}}
	withFrance := len(r.KeyFigures) > 0 && r.KeyFigures[0].France != nil
	if withFrance {
		t.Columns = append(t.Columns, Column{Title: fmt.Sprintf("France %d", r.Exercice), Format: Count})
	}
	for _, k := range r.KeyFigures {
		row := []Cell{Str(k.Label), k.Value, k.Previous, k.Change}
		if withFrance {
			row = append(row, *k.France)
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// Tables lists every table of the report in order.
func (r *Report) Tables() []*Table {
	var out []*Table
	for _, s := range r.Sections {
		out = append(out, s.Tables...)
	}
	return out
}

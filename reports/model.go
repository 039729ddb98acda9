// Package reports is the report model the PDF and XLSX writers render: sections, numbered
// tables, cells with a value and a format. Writers know only this model, never SQL, so
// the two always show the same numbers.
package reports

import (
	"fmt"
	"math"
	"strings"
	"time"
	"unicode/utf8"
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
	Points                 // +1,2 pt: the change of a percentage, in points
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

// Column is a table column. Consecutive columns with the same Group (an indicator, over
// its columns 2016, 2015, Évol.) are headed together: the PDF and the HTML draw the group
// over its columns, a workbook, one header row, titles each column « Group – Title ».
// Code, when a table's columns have one (an indicator id), is written on a second header
// row of the workbook, for readers who match columns by code.
type Column struct {
	Title  string
	Format Format
	Group  string
	Code   string
}

// Head is a column's title on one header row: « Group – Title », or Title alone.
func (c Column) Head() string {
	if c.Group == "" {
		return c.Title
	}
	return c.Group + " – " + c.Title
}

// Grouped tells whether some column of the table has a group: the header takes two rows.
func (t *Table) Grouped() bool {
	for _, c := range t.Columns {
		if c.Group != "" {
			return true
		}
	}
	return false
}

// Span is a run of columns under one header cell of the top row: a group, or a column
// without one (which then spans both rows).
type Span struct {
	Title        string
	First, Count int
	Group        bool
}

// PartWidth is the width, in mm, the number columns of a part of a grouped table may
// take: the 180 mm of an A4 page between its margins, less 28 for the territories.
const PartWidth = 152.0

// EstimatedWidth is what column i takes in the PDF, in mm, estimated from its text alone
// so that every renderer cuts a table the same way: its widest value at 1.9 mm a character
// (8 pt, bold totals, a little more than DejaVu's digits need), its longest header word
// at 1.35 mm (6.5 pt bold), 4.5 mm of padding, at least 14 mm.
func (t *Table) EstimatedWidth(i int) float64 {
	w := 14.0
	for _, rows := range [][][]Cell{t.Rows, t.Totals} {
		for _, r := range rows {
			w = math.Max(w, 1.9*float64(utf8.RuneCountInString(French(r[i])))+4.5)
		}
	}
	for _, word := range strings.Fields(t.Columns[i].Title) {
		w = math.Max(w, 1.35*float64(utf8.RuneCountInString(word))+4.5)
	}
	return w
}

// Parts splits a table of grouped columns too wide for a page (PartWidth, by
// EstimatedWidth) into parts that fit, each starting with the first column (the
// territories), every group whole, as even as they can be (6 groups in 3 + 3 rather than
// 4 + 2); the PDF and the HTML print them one under the other, a workbook the whole table.
// A table without groups is one part (its number columns shrink to fit instead).
func (t *Table) Parts() [][]int {
	all := make([]int, len(t.Columns))
	for i := range all {
		all[i] = i
	}
	if !t.Grouped() || len(t.Columns) < 2 {
		return [][]int{all}
	}
	var units [][]int // the groups and lone columns after the first
	var widths []float64
	for _, sp := range t.Spans() {
		if sp.First == 0 {
			continue
		}
		var u []int
		w := 0.0
		for i := sp.First; i < sp.First+sp.Count; i++ {
			u, w = append(u, i), w+t.EstimatedWidth(i)
		}
		units, widths = append(units, u), append(widths, w)
	}
	pack := func(most int) [][]int { // greedy, at most `most` units a part
		var out [][]int
		var cur []int
		used, n := 0.0, 0
		for k, u := range units {
			if n > 0 && (used+widths[k] > PartWidth || n == most) {
				out, cur, used, n = append(out, cur), nil, 0, 0
			}
			if n == 0 {
				cur = []int{0}
			}
			cur, used, n = append(cur, u...), used+widths[k], n+1
		}
		return append(out, cur)
	}
	out := pack(len(units))
	for most := (len(units) + len(out) - 1) / len(out); most < len(units) && len(out) > 1; most++ { // even out
		if even := pack(most); len(even) == len(out) {
			return even
		}
	}
	return out
}

// Continued is what the title of part k (from 0) of n adds: « (suite, 2/3) ».
func Continued(k, n int) string {
	if k == 0 {
		return ""
	}
	return fmt.Sprintf(" (suite, %d/%d)", k+1, n)
}

// Part is the table restricted to some of its columns (one of its Parts).
func (t *Table) Part(cols []int) *Table {
	if len(cols) == len(t.Columns) {
		return t
	}
	pick := func(rows [][]Cell) [][]Cell {
		out := make([][]Cell, len(rows))
		for r, row := range rows {
			for _, i := range cols {
				out[r] = append(out[r], row[i])
			}
		}
		return out
	}
	p := &Table{Number: t.Number, Sheet: t.Sheet, Title: t.Title, Source: t.Source, Rows: pick(t.Rows), Totals: pick(t.Totals)}
	for _, i := range cols {
		p.Columns = append(p.Columns, t.Columns[i])
	}
	return p
}

// Spans are the cells of the top header row of a grouped table, left to right.
func (t *Table) Spans() []Span {
	var out []Span
	for i, c := range t.Columns {
		if n := len(out); c.Group != "" && n > 0 && out[n-1].Group && out[n-1].Title == c.Group {
			out[n-1].Count++
			continue
		}
		if c.Group != "" {
			out = append(out, Span{Title: c.Group, First: i, Count: 1, Group: true})
		} else {
			out = append(out, Span{Title: c.Title, First: i, Count: 1})
		}
	}
	return out
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
// pyramid. A line chart of several series (indicators counted in different units) draws
// one small panel per series, each on its own scale. A pyramid draws one bar per label
// (age bands, the youngest first, drawn at the bottom), the first series to the left of
// the axis, the second to the right.
const (
	Bars ChartKind = iota
	Line
	Stacked
	Pyramid
)

// Series is one named series of a chart.
type Series struct {
	Name   string
	Values []float64
	// Cells, when set (a line over exercices), are the published cells behind Values, one
	// per label: a masked or unavailable one is a gap, drawn nowhere, its value 0, and its
	// data cell reads « s » or « n.d. » (left empty in a workbook, so that no chart plots it).
	Cells  []Cell
	Masked []bool // a pyramid's: the values statistical secrecy masks (no bar, « s »)
}

// Gap tells whether the point at label i is left out (masked or unavailable).
func (s Series) Gap(i int) bool {
	return i < len(s.Cells) && (s.Cells[i].Masked || s.Cells[i].Empty)
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

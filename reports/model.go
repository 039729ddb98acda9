// Package reports is the report model the PDF and XLSX writers render: sections, numbered
// tables, cells with a value and a format. Writers know only this model, never SQL, so
// the two always show the same numbers.
package reports

import "time"

// Format says how a number reads.
type Format int

// Formats of a cell.
const (
	Text    Format = iota // free text
	Count                 // 1 370 000
	Percent               // 12,5 %
	Decimal1              // 12,5 (FTE)
	Euros                 // 384 700 €
	Change                // +12,3 %
)

// Cell is one value of a table. An empty cell (Empty) reads "n.d." (not available).
type Cell struct {
	Format Format
	Number float64
	Text   string
	Empty  bool
}

// Num is a number cell.
func Num(v float64, f Format) Cell { return Cell{Format: f, Number: v} }

// Str is a text cell.
func Str(s string) Cell { return Cell{Format: Text, Text: s} }

// NA is an unavailable value.
func NA(f Format) Cell { return Cell{Format: f, Empty: true} }

// Column is a table column.
type Column struct {
	Title  string
	Format Format
}

// Table is a numbered table with its source line.
type Table struct {
	Number  int
	Sheet   string // short name, used as the XLSX sheet name
	Title   string
	Columns []Column
	Rows    [][]Cell
	Total   []Cell // optional total line, printed last and in bold
	Source  string
}

// KeyFigure is a headline figure with its value of the previous exercice.
type KeyFigure struct {
	Label    string
	Value    Cell
	Previous Cell
	Change   Cell
}

// Section is a chapter of the report.
type Section struct {
	Title      string
	Paragraphs []string
	Tables     []*Table
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
}

// Tables lists every table of the report in order.
func (r *Report) Tables() []*Table {
	var out []*Table
	for _, s := range r.Sections {
		out = append(out, s.Tables...)
	}
	return out
}

package reports

import (
	"fmt"
	"math"
	"testing"
)

// grouped is a table of a label column and n indicators over 2016, 2015 and Évol., with
// lone columns (an indicator without its exercice before) where lone says.
func grouped(n int, lone map[int]bool) *Table {
	t := &Table{Columns: []Column{{Title: "Région"}}}
	for k := 0; k < n; k++ {
		g := fmt.Sprintf("I%d", k)
		if lone[k] {
			t.Columns = append(t.Columns, Column{Title: g, Format: Count})
			continue
		}
		t.Columns = append(t.Columns, Column{Title: "2016", Format: Count, Group: g}, Column{Title: "2015", Format: Count, Group: g},
			Column{Title: "Évol. (%)", Format: Change, Group: g})
	}
	row := make([]Cell, len(t.Columns))
	for i := range row {
		row[i] = Num(float64(i), Count)
	}
	t.Rows, t.Totals = [][]Cell{row}, [][]Cell{row}
	return t
}

// A grouped table is cut into parts of at most nine number columns, every group whole,
// each part starting with the labels, as even as can be; a table without groups, or one
// that fits, is one part. A part keeps its columns' cells, in order.
func TestParts(t *testing.T) {
	for _, c := range []struct {
		n    int
		lone map[int]bool
		want string
	}{
		{3, nil, "[[0 1 2 3 4 5 6 7 8 9]]"},
		{4, nil, "[[0 1 2 3 4 5 6] [0 7 8 9 10 11 12]]"},
		{6, nil, "[[0 1 2 3 4 5 6 7 8 9] [0 10 11 12 13 14 15 16 17 18]]"},
		{8, nil, "[[0 1 2 3 4 5 6 7 8 9] [0 10 11 12 13 14 15 16 17 18] [0 19 20 21 22 23 24]]"},
		{5, nil, "[[0 1 2 3 4 5 6 7 8 9] [0 10 11 12 13 14 15]]"},
		{8, map[int]bool{1: true}, "[[0 1 2 3 4 5 6 7] [0 8 9 10 11 12 13 14 15 16] [0 17 18 19 20 21 22]]"},
	} {
		tb := grouped(c.n, c.lone)
		parts := tb.Parts()
		if got := fmt.Sprint(parts); got != c.want {
			t.Errorf("%d groups (lone %v): parts %s, want %s", c.n, c.lone, got, c.want)
		}
		for _, p := range parts {
			sub := tb.Part(p)
			for k, i := range p {
				if sub.Columns[k] != tb.Columns[i] || sub.Rows[0][k] != tb.Rows[0][i] || sub.Totals[0][k] != tb.Totals[0][i] {
					t.Errorf("part %v, column %d is not column %d of the table", p, k, i)
				}
			}
		}
	}
	plain := &Table{Columns: make([]Column, 20)}
	if got := len(plain.Parts()); got != 1 {
		t.Errorf("a table without groups in %d parts", got)
	}
}

// The top header row of a grouped table: each group once over its columns, a column
// without a group alone; a workbook heads each column « group – title ».
func TestSpans(t *testing.T) {
	tb := grouped(2, map[int]bool{0: true})
	if got := fmt.Sprint(tb.Spans()); got != "[{Région 0 1 false} {I0 1 1 false} {I1 2 3 true}]" {
		t.Errorf("spans %s", got)
	}
	if !tb.Grouped() || (&Table{Columns: []Column{{Title: "a"}}}).Grouped() {
		t.Error("Grouped")
	}
	if h := tb.Columns[2].Head(); h != "I1 – 2016" {
		t.Errorf("head %q", h)
	}
	if h := tb.Columns[1].Head(); h != "I0" {
		t.Errorf("head %q", h)
	}
}

// A line of several series is drawn in panels, each on its own scale with room for its
// values; a gap (a masked or unavailable point) is left out of the scale.
func TestScaleOf(t *testing.T) {
	c := &Chart{Kind: Line, Labels: []string{"2015", "2016"}, Series: []Series{
		{Name: "a", Values: []float64{100, 0}, Cells: []Cell{Num(100, Count), Secret(Count)}},
		{Name: "b", Values: []float64{10, 20}}}}
	if top, _ := c.ScaleOf(0); top != 130 {
		t.Errorf("top of a: %v", top)
	}
	if top, grid := c.ScaleOf(1); top != 26 || fmt.Sprint(grid) != "[0 7 13 20 26]" {
		t.Errorf("scale of b: %v %v", top, grid)
	}
	if !c.Series[0].Gap(1) || c.Series[0].Gap(0) || c.Series[1].Gap(0) {
		t.Error("Gap")
	}
	one := &Chart{Kind: Line, Labels: []string{"2016"}, Series: []Series{{Values: []float64{100}}}}
	if top, _ := one.Scale(); math.Abs(top-115) > 1e-9 {
		t.Errorf("top of a single line: %v", top)
	}
	one.Series[0].Values[0] = 2 // 2,3: every grid value a whole step
	if top, grid := one.Scale(); top != 4 || fmt.Sprint(grid) != "[0 1 2 3 4]" {
		t.Errorf("scale of a small value: %v %v", top, grid)
	}
}

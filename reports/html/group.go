package html

import "bilan/reports"

// headView is a cell of the first header row of a table whose columns are grouped: a
// group's heading over its Span columns, or a column of no group spanning both rows.
type headView struct {
	Text       string
	Span       int
	Group, Num bool
}

// groupHead splits the header of a table with grouped columns in two rows: the groups
// (and the columns of no group) on top, the grouped columns' own titles under them.
func groupHead(tv *tableView, t *reports.Table) {
	if !t.Grouped() {
		return
	}
	var under []cellView
	for i := 0; i < len(t.Columns); {
		c := t.Columns[i]
		j := i
		for j < len(t.Columns) && t.Columns[j].Group == c.Group {
			j++
		}
		if c.Group == "" {
			for _, x := range t.Columns[i:j] {
				tv.Top = append(tv.Top, headView{Text: x.Title, Span: 1, Num: x.Format != reports.Text})
			}
		} else {
			tv.Top = append(tv.Top, headView{Text: c.Group, Span: j - i, Group: true})
			under = append(under, tv.Head[i:j]...)
		}
		i = j
	}
	tv.Head = under
}

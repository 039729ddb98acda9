package pdf

import (
	"fmt"
	"math"
	"strings"

	"bilan/reports"
)

const keyFiguresTitle = "L'essentiel"

func (d *doc) cover() {
	d.AddPage()
	d.SetFillColor(blue[0], blue[1], blue[2])
	d.Rect(0, 0, 210, 8, "F")
	d.SetFillColor(red[0], red[1], red[2])
	d.Rect(0, 8, 70, 2, "F")
	d.SetY(60)
	d.SetTextColor(blue[0], blue[1], blue[2])
	d.SetFont(font, "B", 26)
	d.MultiCell(0, 12, d.r.Title, "", "L", false)
	d.SetFont(font, "B", 40)
	d.CellFormat(0, 20, fmt.Sprint(d.r.Exercice), "", 1, "L", false, 0, "")
	d.SetTextColor(0, 0, 0)
	d.SetFont(font, "", 13)
	d.MultiCell(0, 7, d.r.Subtitle, "", "L", false)
	if d.r.Restricted {
		d.Ln(6)
		d.SetFont(font, "B", 13)
		d.SetTextColor(red[0], red[1], red[2])
		d.CellFormat(0, 8, "Diffusion restreinte", "", 1, "L", false, 0, "")
		d.SetTextColor(0, 0, 0)
	}
	d.SetY(250)
	d.SetFont(font, "", 10)
	d.SetTextColor(grey[0], grey[1], grey[2])
	d.MultiCell(0, 5, d.r.Author+"\nDocument établi le "+reports.FrenchDate(d.r.Date), "", "L", false)
	d.SetTextColor(0, 0, 0)
}

// contents is the table of contents, on page 2, with the page of each section.
func (d *doc) contents() {
	d.AddPage()
	d.heading("Sommaire")
	d.SetFont(font, "", 11)
	titles := []string{keyFiguresTitle}
	for _, s := range d.r.Sections {
		titles = append(titles, s.Title)
	}
	titles = append(titles, indexTitle)
	for i, t := range titles {
		page := ""
		if d.known != nil {
			page = fmt.Sprint(d.known.sections[t])
		}
		label := fmt.Sprintf("%d. %s", i+1, t)
		w := 180 - d.GetStringWidth(label) - d.GetStringWidth(page) - 4
		dots := ""
		for d.GetStringWidth(dots+" .") < w {
			dots += " ."
		}
		d.CellFormat(0, 7, label+dots+" "+page, "", 1, "L", false, 0, "")
	}
}

func (d *doc) heading(text string) {
	d.SetFont(font, "B", 15)
	d.SetTextColor(blue[0], blue[1], blue[2])
	d.MultiCell(0, 8, text, "", "L", false)
	d.SetTextColor(0, 0, 0)
	d.Ln(2)
}

// startSection opens a section on a new page and records its page.
func (d *doc) startSection(title string) {
	d.current = title
	d.AddPage()
	d.seen.sections[title] = d.PageNo()
	d.heading(title)
}

func (d *doc) keyFigures() {
	if len(d.r.KeyFigures) == 0 {
		return
	}
	d.startSection(keyFiguresTitle)
	d.table(reports.KeyFigureTable(d.r))
}

func (d *doc) section(s reports.Section) {
	d.startSection(s.Title)
	d.SetFont(font, "", 10)
	for _, para := range s.Paragraphs {
		d.MultiCell(0, lineH, para, "", "L", false)
		d.Ln(2)
	}
	for _, t := range s.Tables {
		d.table(t)
		d.Ln(4)
	}
	for _, c := range s.Charts {
		d.chart(c)
		d.Ln(4)
	}
}

const indexTitle = "Index des tableaux"

// index lists every numbered table with its page.
func (d *doc) index() {
	d.startSection(indexTitle)
	d.SetFont(font, "", 9)
	for _, t := range d.r.Tables() {
		if t.Number == 0 {
			continue
		}
		page := ""
		if d.known != nil {
			page = fmt.Sprint(d.known.tables[t.Number])
		}
		d.CellFormat(15, 5.5, fmt.Sprintf("%d", t.Number), "", 0, "R", false, 0, "")
		d.CellFormat(150, 5.5, "  "+t.Title, "", 0, "L", false, 0, "")
		d.CellFormat(0, 5.5, page, "", 1, "R", false, 0, "")
	}
}

// widths shares the page width among columns: each number column gets the width of its
// longest header word or value (totals measured in bold, as drawn), text columns share
// the rest (the first, labels, at most 70 mm unless it is the only text column left to
// fill the page). When numbers take too much room, the header words wrap first and the
// values keep their width as long as they can.
func (d *doc) widths(t *reports.Table) []float64 {
	avail := 210 - 2*margin
	w := make([]float64, len(t.Columns))
	narrowest, numbers := 14.0, 0 // the least width of a number column
	for _, c := range t.Columns {
		if c.Format != reports.Text {
			numbers++
		}
	}
	if numbers > 8 { // many numbers (a profile by sexe × âge): leave the labels room
		narrowest = 12
	}
	values := make([]float64, len(t.Columns)) // width of the widest value
	used, textWeight := 0.0, 0.0
	for i, c := range t.Columns {
		if c.Format == reports.Text {
			textWeight += map[bool]float64{true: 1, false: 1.5}[i == 0]
			continue
		}
		for _, part := range []struct {
			style string
			rows  [][]reports.Cell
		}{{"", t.Rows}, {"B", t.Totals}} { // in this order: each SetFont is written into the page
			d.SetFont(font, part.style, 8)
			for _, r := range part.rows {
				values[i] = math.Max(values[i], d.GetStringWidth(reports.French(r[i]))+4.5)
			}
		}
		d.SetFont(font, "B", 6.5)
		w[i] = math.Max(values[i], narrowest)
		for _, word := range strings.Fields(c.Title) {
			w[i] = math.Max(w[i], d.GetStringWidth(word)+4.5)
		}
		used += w[i]
	}
	limit := avail * 0.82
	if t.Grouped() { // a part of a grouped table fits reports.PartWidth: its labels wrap if they must
		limit = reports.PartWidth
	}
	if used > limit { // too many numbers: shrink them, keep room for labels
		excess, slack := used-limit, 0.0
		for i, c := range t.Columns {
			if c.Format != reports.Text {
				slack += w[i] - math.Max(values[i], narrowest)
			}
		}
		for i, c := range t.Columns {
			switch {
			case c.Format == reports.Text:
			case slack >= excess: // header words give way, values keep their width
				w[i] -= (w[i] - math.Max(values[i], narrowest)) * excess / slack
			default:
				w[i] *= limit / used
			}
		}
		used = limit
	}
	rest := avail - used
	for i, c := range t.Columns {
		if c.Format == reports.Text {
			w[i] = rest * map[bool]float64{true: 1, false: 1.5}[i == 0] / textWeight
		}
	}
	if textWeight == 1 && w[0] > 70 && len(t.Columns) > 1 { // give the surplus to the numbers
		extra := (w[0] - 70) / float64(len(t.Columns)-1)
		w[0] = 70
		for i := 1; i < len(w); i++ {
			w[i] += extra
		}
	}
	return w
}

// table draws a numbered table, in parts one under the other when its grouped columns
// are too many for the page (reports.Table.Parts; « (suite, 2/3) » after the first), and
// its source line under it.
func (d *doc) table(t *reports.Table) {
	parts := t.Parts()
	for k, cols := range parts {
		more := ""
		if k > 0 {
			d.Ln(3)
			more = reports.Continued(k, len(parts))
		}
		d.part(t.Part(cols), more)
	}
	if t.Source != "" {
		d.SetFont(font, "", 7)
		d.SetTextColor(grey[0], grey[1], grey[2])
		d.MultiCell(0, 4, "Source : "+t.Source, "", "L", false)
		d.SetTextColor(0, 0, 0)
	}
}

// part draws a table, or a part of one (more: what its title adds, « (suite, 2/3) »); its
// header is drawn again at the top of each new page.
func (d *doc) part(t *reports.Table, more string) {
	w := d.widths(t)
	_, pageH := d.GetPageSize()
	_, _, _, bottom := d.GetMargins()
	if d.GetY()+4*lineH+12 > pageH-bottom {
		d.AddPage()
	}
	if t.Number > 0 {
		title := fmt.Sprintf("Tableau %d – %s", t.Number, t.Title) + more
		if more == "" {
			d.seen.tables[t.Number] = d.PageNo()
		}
		d.SetFont(font, "B", 10)
		d.MultiCell(0, lineH, title, "", "L", false)
		d.Ln(1)
	}
	header := func() {
		if t.Grouped() {
			d.groupedHeader(t, w)
			return
		}
		d.SetFont(font, "B", 6.5)
		d.SetFillColor(light[0], light[1], light[2])
		h := 0.0
		for i, c := range t.Columns {
			if n := float64(len(d.SplitText(c.Title, w[i]-2))); n*3.6 > h {
				h = n * 3.6
			}
		}
		x, y := d.GetXY()
		for i, c := range t.Columns {
			d.Rect(x, y, w[i], h+2, "F")
			d.SetXY(x+1, y+1)
			d.MultiCell(w[i]-2, 3.6, c.Title, "", align(c), false)
			x += w[i]
		}
		d.SetXY(margin, y+h+2)
	}
	// row draws a line of cells; text wraps within its column and the line takes the
	// height of its tallest cell.
	row := func(cells []reports.Cell, style string) {
		d.SetFont(font, style, 8)
		lines := 1
		for i, c := range cells {
			if n := len(d.SplitText(reports.French(c), w[i]-2)); n > lines {
				lines = n
			}
		}
		h := float64(lines)*4 + 1.5
		if d.GetY()+h > pageH-bottom-5 {
			d.AddPage()
			header()
			d.SetFont(font, style, 8)
		}
		x, y := d.GetXY()
		for i, c := range cells {
			al := "R"
			if c.Format == reports.Text {
				al = "L"
			}
			d.SetXY(x+1, y+0.75)
			d.MultiCell(w[i]-2, 4, reports.French(c), "", al, false)
			x += w[i]
		}
		d.SetDrawColor(200, 200, 200)
		d.Line(margin, y+h, x, y+h)
		d.SetDrawColor(0, 0, 0)
		d.SetXY(margin, y+h)
	}
	header()
	for _, r := range t.Rows {
		row(r, "")
	}
	for _, r := range t.Totals {
		row(r, "B")
	}
}

func align(c reports.Column) string {
	if c.Format == reports.Text {
		return "L"
	}
	return "R"
}

// groupedHeader draws the two header rows of a table of grouped columns: each group's
// title centred over its columns and underlined, their titles under it; a column without
// a group has its title over both rows.
func (d *doc) groupedHeader(t *reports.Table, w []float64) {
	d.SetFont(font, "B", 6.5)
	d.SetFillColor(light[0], light[1], light[2])
	spans := t.Spans()
	width := func(sp reports.Span) float64 {
		x := 0.0
		for i := sp.First; i < sp.First+sp.Count; i++ {
			x += w[i]
		}
		return x
	}
	top, below, alone := 0.0, 0.0, 0.0
	for _, sp := range spans {
		n := float64(len(d.SplitText(sp.Title, width(sp)-2))) * 3.6
		if !sp.Group {
			alone = math.Max(alone, n)
			continue
		}
		top = math.Max(top, n)
		for i := sp.First; i < sp.First+sp.Count; i++ {
			below = math.Max(below, float64(len(d.SplitText(t.Columns[i].Title, w[i]-2)))*3.6)
		}
	}
	h := math.Max(top+below, alone) // the rows 3.6 mm apart, as a title's lines: one block of text
	x, y := d.GetXY()
	total := 0.0
	for _, wi := range w {
		total += wi
	}
	d.Rect(x, y, total, h+2, "F")
	for _, sp := range spans {
		sw := width(sp)
		if !sp.Group {
			d.SetXY(x+1, y+1)
			d.MultiCell(sw-2, 3.6, sp.Title, "", align(t.Columns[sp.First]), false)
			x += sw
			continue
		}
		d.SetXY(x+1, y+1)
		d.MultiCell(sw-2, 3.6, sp.Title, "", "C", false)
		d.SetDrawColor(150, 150, 170)
		d.Line(x+1.5, y+top+1.1, x+sw-1.5, y+top+1.1)
		d.SetDrawColor(0, 0, 0)
		cx := x
		for i := sp.First; i < sp.First+sp.Count; i++ {
			d.SetXY(cx+1, y+1+top)
			d.MultiCell(w[i]-2, 3.6, t.Columns[i].Title, "", align(t.Columns[i]), false)
			cx += w[i]
		}
		x += sw
	}
	d.SetXY(margin, y+h+2)
}

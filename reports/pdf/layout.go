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
	if limit := avail * 0.82; used > limit { // too many numbers: shrink them, keep room for labels
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

// table draws a numbered table; its header row is drawn again at the top of each new
// page, and a source line goes under it.
func (d *doc) table(t *reports.Table) {
	w := d.widths(t)
	_, pageH := d.GetPageSize()
	_, _, _, bottom := d.GetMargins()
	if d.GetY()+4*lineH+12 > pageH-bottom {
		d.AddPage()
	}
	if t.Number > 0 {
		d.seen.tables[t.Number] = d.PageNo()
		d.SetFont(font, "B", 10)
		d.MultiCell(0, lineH, fmt.Sprintf("Tableau %d – %s", t.Number, t.Title), "", "L", false)
		d.Ln(1)
	}
	header := func() {
		d.SetFont(font, "B", 6.5)
		d.SetFillColor(light[0], light[1], light[2])
		h := 0.0
		for i, c := range t.Columns {
			if n := float64(len(d.SplitText(c.Title, w[i]-2))); n*3.6 > h {
				h = n * 3.6
			}
		}
		x, y := d.GetXY()
		gh := d.groupHeader(t, w, x, y) // the groups' row, when columns are grouped
		for i, c := range t.Columns {
			top := y + gh
			if gh > 0 && c.Group == "" { // a column of no group spans both rows
				top = y
			}
			d.Rect(x, top, w[i], y+gh+h+2-top, "F")
			d.SetXY(x+1, top+1)
			align := "R"
			if c.Format == reports.Text {
				align = "L"
			}
			d.MultiCell(w[i]-2, 3.6, c.Title, "", align, false)
			x += w[i]
		}
		d.SetXY(margin, y+gh+h+2)
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
			align := "R"
			if c.Format == reports.Text {
				align = "L"
			}
			d.SetXY(x+1, y+0.75)
			d.MultiCell(w[i]-2, 4, reports.French(c), "", align, false)
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
	if t.Source != "" {
		d.SetFont(font, "", 7)
		d.SetTextColor(grey[0], grey[1], grey[2])
		d.MultiCell(0, 4, "Source : "+t.Source, "", "L", false)
		d.SetTextColor(0, 0, 0)
	}
}

// groupHeader draws, above the columns' titles, one heading per run of consecutive
// columns of a group (« Femmes » over its age bands), underlined across them; it returns
// the height of that row, 0 when no column has a group.
func (d *doc) groupHeader(t *reports.Table, w []float64, x, y float64) float64 {
	if !t.Grouped() {
		return 0
	}
	const gh = 5.6
	for i := 0; i < len(t.Columns); {
		j, width := i, 0.0
		for j < len(t.Columns) && t.Columns[j].Group == t.Columns[i].Group {
			width += w[j]
			j++
		}
		if g := t.Columns[i].Group; g != "" {
			d.Rect(x, y, width, gh, "F")
			d.SetXY(x+1, y+1)
			d.CellFormat(width-2, 3.6, g, "", 0, "C", false, 0, "")
			d.SetDrawColor(blue[0], blue[1], blue[2])
			d.Line(x+1.5, y+gh-0.4, x+width-1.5, y+gh-0.4)
			d.SetDrawColor(0, 0, 0)
		}
		x += width
		i = j
	}
	return gh
}

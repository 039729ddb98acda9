package pdf

import (
	"math"

	"bilan/reports"
)

// chart draws a chart in the page width: horizontal bars by label, a line over
// exercices, or stacked horizontal bars (one segment per series).
func (d *doc) chart(c *reports.Chart) {
	if len(c.Labels) == 0 || len(c.Series) == 0 {
		return
	}
	rowH := 5.0
	height := 12 + rowH*float64(min(len(c.Labels), 20)) + 8 // a long chart of bars goes on over the next page
	switch c.Kind {
	case reports.Line:
		height = 75
		if len(c.Series) > 1 { // as many rows of panels as a page holds (panels goes on over the next)
			height = 12 + panelH*math.Min(float64((len(c.Series)+panelCols-1)/panelCols), 5) + 8
		}
	case reports.Pyramid:
		height = pyramidHeight(c)
	}
	_, pageH := d.GetPageSize()
	_, _, _, bottom := d.GetMargins()
	if d.GetY()+height > pageH-bottom {
		d.AddPage()
	}
	d.SetFont(font, "B", 10)
	d.MultiCell(0, lineH, "Graphique – "+c.Title, "", "L", false)
	d.Ln(1)
	switch c.Kind {
	case reports.Line:
		if len(c.Series) > 1 {
			d.panels(c)
		} else {
			d.line(c)
		}
	case reports.Pyramid:
		d.pyramid(c)
	default:
		d.bars(c, rowH)
	}
	if c.Source != "" {
		d.SetFont(font, "", 7)
		d.SetTextColor(grey[0], grey[1], grey[2])
		d.MultiCell(0, 4, "Source : "+c.Source, "", "L", false)
		d.SetTextColor(0, 0, 0)
	}
}

func (d *doc) bars(c *reports.Chart, rowH float64) {
	labelW, valueW := 55.0, 22.0
	plotW := 210 - 2*margin - labelW - valueW
	totals := c.Totals()
	max := 0.0
	for _, t := range totals {
		max = math.Max(max, t)
	}
	if max == 0 {
		max = 1
	}
	if len(c.Series) > 1 { // legend
		d.SetFont(font, "", 7)
		x, y := d.GetXY()
		for k, s := range c.Series {
			col := series[k%len(series)]
			d.SetFillColor(col[0], col[1], col[2])
			d.Rect(x, y+1, 3, 3, "F")
			d.SetXY(x+4, y)
			d.CellFormat(40, 5, s.Name, "", 0, "L", false, 0, "")
			x += 45
		}
		d.Ln(6)
	}
	d.SetFont(font, "", 7.5)
	_, pageH := d.GetPageSize()
	_, _, _, bottom := d.GetMargins()
	for i, label := range c.Labels {
		if d.GetY()+rowH > pageH-bottom {
			d.AddPage()
			d.SetFont(font, "", 7.5)
		}
		x, y := d.GetXY()
		d.CellFormat(labelW, rowH, label, "", 0, "L", false, 0, "")
		bx := x + labelW
		for k, s := range c.Series {
			col := series[k%len(series)]
			d.SetFillColor(col[0], col[1], col[2])
			w := plotW * s.Values[i] / max
			d.Rect(bx, y+0.8, w, rowH-1.6, "F")
			bx += w
		}
		d.SetXY(x+labelW+plotW+1, y)
		d.CellFormat(valueW-1, rowH, reports.French(reports.Num(totals[i], reports.Count)), "", 1, "R", false, 0, "")
	}
	d.Ln(1)
}

func (d *doc) line(c *reports.Chart) {
	x0, y0 := d.GetXY()
	d.plot(c, 0, x0, y0, 210-2*margin-20, 55, 7)
	d.SetXY(x0, y0+55+7)
}

// Small multiples: a line chart of several series draws one panel per series, three a
// row, each with its name and its own scale.
const (
	panelCols = 3
	panelH    = 46.0 // five rows on a page, with the chart's title and source
)

func (d *doc) panels(c *reports.Chart) {
	_, pageH := d.GetPageSize()
	_, _, _, bottom := d.GetMargins()
	x0, y := d.GetXY()
	pw := (210 - 2*margin) / panelCols
	for k, s := range c.Series {
		if k%panelCols == 0 && k > 0 {
			y += panelH
			if y+panelH > pageH-bottom {
				d.AddPage()
				y = d.GetY()
			}
		}
		x := x0 + pw*float64(k%panelCols)
		d.SetFont(font, "B", 7)
		d.SetXY(x, y)
		d.MultiCell(pw-3, 3.2, s.Name, "", "L", false)
		d.plot(c, k, x, y+8, pw-16, panelH-19, 6.5)
	}
	d.SetXY(x0, y+panelH)
}

// plot draws series k over the labels in the box at (x0, y0) of the plot width w and
// height h (the grid values left of it, the labels under it): a grid of five values, the
// points with their values, segments between consecutive points; a gap (a point masked or
// not available) breaks the line.
func (d *doc) plot(c *reports.Chart, k int, x0, y0, w, h, size float64) {
	left := x0 + 18
	s := c.Series[k]
	max, grid := c.ScaleOf(k)
	d.SetDrawColor(180, 180, 180)
	d.SetFont(font, "", size)
	for g, v := range grid { // horizontal grid with values
		y := y0 + h - h*float64(g)/4
		d.Line(left, y, left+w, y)
		d.SetXY(x0, y-2)
		d.CellFormat(17, 4, reports.French(reports.Num(v, reports.Count)), "", 0, "R", false, 0, "")
	}
	n := len(s.Values)
	inset := math.Min(8, w*0.1) // the first and last values clear the grid's values and the edge
	px := func(i int) float64 {
		if n == 1 {
			return left + w/2
		}
		return left + inset + (w-2*inset)*float64(i)/float64(n-1)
	}
	py := func(v float64) float64 { return y0 + h - h*v/max }
	d.SetDrawColor(blue[0], blue[1], blue[2])
	d.SetFillColor(blue[0], blue[1], blue[2])
	d.SetLineWidth(0.8)
	for i := range s.Values {
		d.SetXY(px(i)-15, y0+h+1)
		d.CellFormat(30, 4, c.Labels[i], "", 0, "C", false, 0, "")
		if s.Gap(i) {
			continue
		}
		if i > 0 && !s.Gap(i-1) {
			d.Line(px(i-1), py(s.Values[i-1]), px(i), py(s.Values[i]))
		}
		d.Circle(px(i), py(s.Values[i]), 1.2, "F")
		d.SetXY(px(i)-15, py(s.Values[i])-6)
		d.CellFormat(30, 4, reports.French(reports.Num(s.Values[i], reports.Count)), "", 0, "C", false, 0, "")
	}
	d.SetLineWidth(0.2)
	d.SetDrawColor(0, 0, 0)
}

package pdf

import (
	"bilan/reports"
)

const pyramidRowH = 8.0

func pyramidHeight(c *reports.Chart) float64 {
	return 12 + 7 + pyramidRowH*float64(len(c.Labels)) + 10
}

// pyramid draws an age pyramid: the age bands in a middle column, the oldest on top; the
// first series' bars grow to the left, the second's to the right, on one scale, each
// with its value at its end (« s » where secrecy masks it).
func (d *doc) pyramid(c *reports.Chart) {
	const mid, valueW = 28.0, 15.0
	avail := 210 - 2*margin
	side := (avail - mid) / 2
	plot := side - valueW
	x0, y := d.GetXY()
	top := 0.0
	for _, s := range c.Series[:min(2, len(c.Series))] {
		for i, v := range s.Values {
			if !s.Hidden(i) {
				top = max(top, v)
			}
		}
	}
	if top == 0 {
		top = 1
	}
	d.SetFont(font, "B", 8)
	for k, s := range c.Series[:min(2, len(c.Series))] {
		col := series[k%len(series)]
		d.SetTextColor(col[0], col[1], col[2])
		if k == 0 {
			d.SetXY(x0, y)
			d.CellFormat(side, 5, s.Name, "", 0, "R", false, 0, "")
		} else {
			d.SetXY(x0+side+mid, y)
			d.CellFormat(side, 5, s.Name, "", 0, "L", false, 0, "")
		}
	}
	d.SetTextColor(0, 0, 0)
	y += 7
	d.SetFont(font, "", 7.5)
	for r := len(c.Labels) - 1; r >= 0; r-- {
		d.SetXY(x0+side, y)
		d.CellFormat(mid, pyramidRowH, c.Labels[r], "", 0, "C", false, 0, "")
		for k, s := range c.Series[:min(2, len(c.Series))] {
			col := series[k%len(series)]
			d.SetFillColor(col[0], col[1], col[2])
			text := "s"
			w := 0.0
			if !s.Hidden(r) {
				w = plot * s.Values[r] / top
				text = reports.French(reports.Num(s.Values[r], reports.Count))
			}
			if k == 0 {
				left := x0 + side - w
				if w > 0 {
					d.Rect(left, y+1, w, pyramidRowH-2, "F")
				}
				d.SetXY(left-valueW, y)
				d.CellFormat(valueW-1, pyramidRowH, text, "", 0, "R", false, 0, "")
			} else {
				left := x0 + side + mid
				if w > 0 {
					d.Rect(left, y+1, w, pyramidRowH-2, "F")
				}
				d.SetXY(left+w+1, y)
				d.CellFormat(valueW-1, pyramidRowH, text, "", 0, "L", false, 0, "")
			}
		}
		y += pyramidRowH
	}
	d.SetDrawColor(180, 180, 180)
	d.Line(x0+side, y-pyramidRowH*float64(len(c.Labels)), x0+side, y)
	d.Line(x0+side+mid, y-pyramidRowH*float64(len(c.Labels)), x0+side+mid, y)
	d.SetDrawColor(0, 0, 0)
	d.SetXY(x0, y+2)
}

package html

import (
	"fmt"
	"strings"

	"bilan/reports"
)

// pyramidChart draws an age pyramid as the PDF does: the age bands in a middle column,
// the oldest on top, the first series' bars to the left, the second's to the right, each
// value at the end of its bar (« s » where secrecy masks it); the series' names on top.
func pyramidChart(cv *chartView, c *reports.Chart) {
	const mid, valueW, rowH, barH = 130.0, 70.0, 40.0, 26.0
	side := (float64(chartWidth) - mid) / 2
	plot := side - valueW
	sides := c.Series[:min(2, len(c.Series))]
	top := 0.0
	for _, s := range sides {
		for i, v := range s.Values {
			if !s.Hidden(i) {
				top = max(top, v)
			}
		}
	}
	if top == 0 {
		top = 1
	}
	for k, s := range sides {
		x, anchor := side-4, "end"
		if k == 1 {
			x, anchor = side+mid+4, "start"
		}
		cv.Texts = append(cv.Texts, label{X: coord(x), Y: "16", Anchor: anchor, Text: s.Name, Bold: true})
	}
	y := 28.0
	for r := len(c.Labels) - 1; r >= 0; r-- {
		cv.Texts = append(cv.Texts, label{X: coord(side + mid/2), Y: coord(y + rowH/2 + 5), Anchor: "middle", Text: c.Labels[r]})
		for k, s := range sides {
			text, w := "s", 0.0
			if !s.Hidden(r) {
				w, text = plot*s.Values[r]/top, count(s.Values[r])
			}
			bar, tx, anchor := side-w, side-w-6, "end"
			if k == 1 {
				bar, tx, anchor = side+mid, side+mid+w+6, "start"
			}
			if w > 0 {
				cv.Rects = append(cv.Rects, rect{coord(bar), coord(y + (rowH-barH)/2), coord(w), coord(barH), palette[k%len(palette)]})
			}
			cv.Texts = append(cv.Texts, label{X: coord(tx), Y: coord(y + rowH/2 + 5), Anchor: anchor, Text: text, Bold: true})
		}
		y += rowH
	}
	cv.Lines = append(cv.Lines, segment{coord(side), "28", coord(side), coord(y)}, segment{coord(side + mid), "28", coord(side + mid), coord(y)})
	cv.Height = int(y + 4)
}

// pyramidAlternative says what the pyramid shows: its two sides and, for each, the
// largest age band.
func pyramidAlternative(c *reports.Chart) string {
	var parts []string
	for _, s := range c.Series[:min(2, len(c.Series))] {
		best := -1
		for i, v := range s.Values {
			if !s.Hidden(i) && (best < 0 || v > s.Values[best]) {
				best = i
			}
		}
		if best >= 0 {
			parts = append(parts, fmt.Sprintf("%s le plus souvent %s (%s)", strings.ToLower(s.Name), strings.ToLower(c.Labels[best]), count(s.Values[best])))
		}
	}
	side := "à gauche les " + strings.ToLower(c.Series[0].Name)
	if len(c.Series) > 1 {
		side += ", à droite les " + strings.ToLower(c.Series[1].Name)
	}
	return fmt.Sprintf("Pyramide des âges, une barre par %s (%d), %s : %s. Les valeurs sont dans le tableau qui suit.",
		strings.ToLower(axis(c)), len(c.Labels), side, strings.Join(parts, " ; "))
}

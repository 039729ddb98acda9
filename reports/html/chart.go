package html

import (
	"fmt"
	"strconv"
	"strings"

	"bilan/reports"
)

// chartView is a chart as inline SVG: shapes and texts with their coordinates already
// written, the text alternative, and the data table that follows it.
type chartView struct {
	ID, Title, Alt, Source string
	Width, Height          int
	Rects                  []rect
	Lines                  []segment
	Dots                   []dot
	Texts                  []label
	Paths                  []string // the lines of a line chart (a gap breaks one in two)
	Data                   *tableView
}

type rect struct{ X, Y, W, H, Fill string }

type segment struct{ X1, Y1, X2, Y2 string }

type dot struct{ X, Y string }

type label struct {
	X, Y, Anchor, Text string
	Bold               bool
}

// The colours of the PDF's charts (bleu France first), DSFR tokens.
var palette = []string{"#000091", "#6a6af4", "#e1000f", "#009664"}

const chartWidth = 720

func coord(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) }

func count(v float64) string { return reports.French(reports.Num(v, reports.Count)) }

func chart(c *reports.Chart, id string) *chartView {
	cv := &chartView{ID: id, Title: "Graphique – " + c.Title, Source: c.Source, Width: chartWidth}
	switch {
	case c.Kind == reports.Line && len(c.Series) > 1:
		panels(cv, c)
	case c.Kind == reports.Line:
		lineChart(cv, c)
	case c.Kind == reports.Pyramid:
		pyramidChart(cv, c)
	default:
		barChart(cv, c)
	}
	cv.Alt = alternative(c)
	cv.Data = chartData(c, id+"-donnees")
	return cv
}

// barChart draws one row per label: the label on its own line (a long name of a mission
// locale is never cut), then the bar, one segment per series, and the total at the right
// as the PDF prints it; a legend on top when there are several series.
func barChart(cv *chartView, c *reports.Chart) {
	const rowH, barH, valueW = 38.0, 16.0, 80.0
	plotW := float64(chartWidth) - valueW
	totals := c.Totals()
	top := 0.0
	for _, t := range totals {
		top = max(top, t)
	}
	if top == 0 {
		top = 1
	}
	y := 0.0
	if len(c.Series) > 1 {
		for k, s := range c.Series {
			x := float64(k%4) * 180
			ly := y + float64(k/4)*22
			cv.Rects = append(cv.Rects, rect{coord(x), coord(ly + 4), "14", "14", palette[k%len(palette)]})
			cv.Texts = append(cv.Texts, label{X: coord(x + 20), Y: coord(ly + 16), Anchor: "start", Text: s.Name})
		}
		y += float64((len(c.Series)+3)/4)*22 + 10
	}
	for i, l := range c.Labels {
		cv.Texts = append(cv.Texts, label{X: "0", Y: coord(y + 14), Anchor: "start", Text: l})
		x := 0.0
		for k, s := range c.Series {
			w := plotW * s.Values[i] / top
			if w > 0 {
				cv.Rects = append(cv.Rects, rect{coord(x), coord(y + 18), coord(w), coord(barH), palette[k%len(palette)]})
			}
			x += w
		}
		cv.Texts = append(cv.Texts, label{X: coord(chartWidth), Y: coord(y + 31), Anchor: "end", Text: count(totals[i]), Bold: true})
		y += rowH
	}
	cv.Height = int(y + 4)
}

// lineChart draws the values over the exercices with the PDF's grid: five lines from 0
// to 15 % above the largest value, each with its value.
func lineChart(cv *chartView, c *reports.Chart) {
	const left, top, plotH = 70.0, 24.0, 220.0
	plot(cv, c, 0, left, top, float64(chartWidth)-left-40, plotH)
	cv.Height = int(top + plotH + 32)
}

// panels draws a line chart of several series as the PDF does: one small panel per series,
// three a row, each with its name and its own scale.
func panels(cv *chartView, c *reports.Chart) {
	const cols, panelW, panelH = 3, float64(chartWidth) / 3, 210.0
	for k, s := range c.Series {
		x, y := panelW*float64(k%cols), panelH*float64(k/cols)
		for i, line := range wrap(s.Name, 30) {
			cv.Texts = append(cv.Texts, label{X: coord(x), Y: coord(y + 14 + 16*float64(i)), Anchor: "start", Text: line, Bold: true})
		}
		plot(cv, c, k, x+52, y+58, panelW-70, panelH-100)
	}
	cv.Height = int(panelH * float64((len(c.Series)+cols-1)/cols))
}

// wrap cuts a name into lines of at most n characters, at spaces.
func wrap(s string, n int) []string {
	var out []string
	line := ""
	for _, w := range strings.Fields(s) {
		if line != "" && len([]rune(line+" "+w)) > n {
			out, line = append(out, line), ""
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	return append(out, line)
}

// plot draws series k in a box: the grid of five values (right-aligned 8 left of the plot),
// the points with their values, the labels under the plot; a gap breaks the line.
func plot(cv *chartView, c *reports.Chart, k int, left, top, plotW, plotH float64) {
	s := c.Series[k]
	scale, grid := c.ScaleOf(k)
	for g, v := range grid {
		y := top + plotH - plotH*float64(g)/4
		cv.Lines = append(cv.Lines, segment{coord(left), coord(y), coord(left + plotW), coord(y)})
		cv.Texts = append(cv.Texts, label{X: coord(left - 8), Y: coord(y + 4), Anchor: "end", Text: count(v)})
	}
	n := len(s.Values)
	inset := min(30, plotW*0.1) // as the PDF: the first and last values clear the grid's values and the edge
	px := func(i int) float64 {
		if n == 1 {
			return left + plotW/2
		}
		return left + inset + (plotW-2*inset)*float64(i)/float64(n-1)
	}
	py := func(v float64) float64 { return top + plotH - plotH*v/scale }
	var path []string
	for i, v := range s.Values {
		if s.Gap(i) {
			if len(path) > 0 {
				cv.Paths, path = append(cv.Paths, strings.Join(path, " ")), nil
			}
			cv.Texts = append(cv.Texts, label{X: coord(px(i)), Y: coord(top + plotH + 20), Anchor: "middle", Text: c.Labels[i]})
			continue
		}
		path = append(path, coord(px(i))+","+coord(py(v)))
		cv.Dots = append(cv.Dots, dot{coord(px(i)), coord(py(v))})
		cv.Texts = append(cv.Texts, label{X: coord(px(i)), Y: coord(py(v) - 10), Anchor: "middle", Text: count(v), Bold: true},
			label{X: coord(px(i)), Y: coord(top + plotH + 20), Anchor: "middle", Text: c.Labels[i]})
	}
	if len(path) > 0 {
		cv.Paths = append(cv.Paths, strings.Join(path, " "))
	}
}

// alternative is the text alternative of a chart: what it shows and where its numbers
// are; the extremes for bars, the first and last points for a line.
func alternative(c *reports.Chart) string {
	totals := c.Totals()
	switch c.Kind {
	case reports.Pyramid:
		return pyramidAlternative(c)
	case reports.Line:
		if len(c.Series) > 1 {
			var names []string
			for _, s := range c.Series {
				names = append(names, s.Name)
			}
			return fmt.Sprintf("Courbes de %d indicateurs sur %d exercice(s), une par indicateur, chacune à son échelle : %s. "+
				"Les valeurs sont dans le tableau qui suit.", len(c.Series), len(c.Labels), strings.Join(names, ", "))
		}
		last := len(totals) - 1
		return fmt.Sprintf("Courbe de %s sur %d exercice(s) : %s en %s, %s en %s. Les valeurs sont dans le tableau qui suit.",
			c.Series[0].Name, len(totals), point(c.Series[0], 0), c.Labels[0], point(c.Series[0], last), c.Labels[last])
	case reports.Stacked:
		var names []string
		for _, s := range c.Series {
			names = append(names, s.Name)
		}
		return fmt.Sprintf("Barres empilées, une par %s (%d), en segments : %s. Les valeurs sont dans le tableau qui suit.",
			strings.ToLower(axis(c)), len(c.Labels), strings.Join(names, ", "))
	}
	hi, lo := 0, 0
	for i, t := range totals {
		if t > totals[hi] {
			hi = i
		}
		if t < totals[lo] {
			lo = i
		}
	}
	return fmt.Sprintf("Barres horizontales, une par %s (%d) : la plus longue %s (%s), la plus courte %s (%s). "+
		"Les valeurs sont dans le tableau qui suit.", strings.ToLower(axis(c)), len(c.Labels), c.Labels[hi], count(totals[hi]),
		c.Labels[lo], count(totals[lo]))
}

// point is the value of a series at label i as the data table reads it.
func point(s reports.Series, i int) string {
	if s.Gap(i) {
		return reports.French(s.Cells[i])
	}
	return count(s.Values[i])
}

func axis(c *reports.Chart) string {
	switch {
	case c.Axis != "":
		return c.Axis
	case c.Kind == reports.Line:
		return "Exercice"
	}
	return "Libellé"
}

// chartData is the table of a chart's numbers: one row per label, one column per series,
// and the total when there are several.
func chartData(c *reports.Chart, id string) *tableView {
	t := &reports.Table{Title: "Données du graphique « " + c.Title + " »", Columns: []reports.Column{{Title: axis(c)}}}
	for _, s := range c.Series {
		t.Columns = append(t.Columns, reports.Column{Title: s.Name, Format: reports.Count})
	}
	total := len(c.Series) > 1 && c.Kind != reports.Line && c.Kind != reports.Pyramid // a line's series count different things, a pyramid's sides are two populations
	if total {
		t.Columns = append(t.Columns, reports.Column{Title: "Total", Format: reports.Count})
	}
	totals := c.Totals()
	for i, l := range c.Labels {
		row := []reports.Cell{reports.Str(l)}
		for _, s := range c.Series {
			switch {
			case s.Gap(i):
				row = append(row, s.Cells[i])
				continue
			case s.Hidden(i):
				row = append(row, reports.Secret(reports.Count))
				continue
			}
			row = append(row, reports.Num(s.Values[i], reports.Count))
		}
		if total {
			row = append(row, reports.Num(totals[i], reports.Count))
		}
		t.Rows = append(t.Rows, row)
	}
	return table(t, id)
}

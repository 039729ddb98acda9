package xlsx

import (
	"fmt"

	"github.com/xuri/excelize/v2"

	"bilan/reports"
)

// pyramid writes an age pyramid on a sheet of its own: its data table (one row per age
// band, the youngest first; one column per series; « [s] » where secrecy masks a value),
// then a native bar chart over a helper column holding the first series as negative
// numbers (shown without their sign), so that it grows to the left of the axis.
func (b *book) pyramid(c *reports.Chart) error {
	name := c.Sheet
	if name == "" {
		b.charts++
		name = fmt.Sprintf("Graphique %d", b.charts)
	}
	sheet, err := b.chartSheet(name, c)
	if err != nil {
		return err
	}
	f := b.f
	head := b.headStyle()
	axis := c.Axis
	if axis == "" {
		axis = "Âge"
	}
	helper := len(c.Series) + 2
	f.SetCellStr(sheet, "A3", axis)
	for k, s := range c.Series {
		f.SetCellStr(sheet, cell(k+2, 3), s.Name)
	}
	f.SetCellStr(sheet, cell(helper, 3), "(graphique) "+c.Series[0].Name+" à gauche de l'axe")
	f.SetCellStyle(sheet, "A3", cell(helper, 3), head)
	unsigned := b.style("unsigned", &excelize.Style{CustomNumFmt: ptr("#,##0;#,##0")})
	for i, l := range c.Labels {
		r := i + 4
		f.SetCellStr(sheet, cell(1, r), l)
		for k, s := range c.Series {
			if err := b.value(sheet, cell(k+2, r), seriesCell(s, i), false); err != nil {
				return err
			}
		}
		if s := c.Series[0]; !s.Hidden(i) {
			f.SetCellFloat(sheet, cell(helper, r), -s.Values[i], -1, 64)
			f.SetCellStyle(sheet, cell(helper, r), cell(helper, r), unsigned)
		}
	}
	b.use(sheet, helper, len(c.Labels)+3)
	col := func(k int) string { n, _ := excelize.ColumnNumberToName(k); return n }
	f.SetColWidth(sheet, "A", "A", 24)
	f.SetColWidth(sheet, "B", col(helper), 14)
	last := len(c.Labels) + 3
	ref := func(k int) string { return fmt.Sprintf("'%s'!$%s$4:$%s$%d", sheet, col(k), col(k), last) }
	cats := fmt.Sprintf("'%s'!$A$4:$A$%d", sheet, last)
	series := []excelize.ChartSeries{{Name: fmt.Sprintf("'%s'!$B$3", sheet), Categories: cats, Values: ref(helper)}}
	for k := 1; k < len(c.Series); k++ {
		series = append(series, excelize.ChartSeries{Name: fmt.Sprintf("'%s'!$%s$3", sheet, col(k+2)), Categories: cats, Values: ref(k + 2)})
	}
	overlap, gap, vary := 100, uint(30), false
	if err := f.AddChart(sheet, "F3", &excelize.Chart{
		Type: excelize.Bar, Series: series, Overlap: &overlap, GapWidth: &gap, VaryColors: &vary,
		Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: c.Title}}},
		Legend:    excelize.ChartLegend{Position: "bottom"},
		XAxis:     excelize.ChartAxis{TickLabelPosition: excelize.ChartTickLabelLow},
		YAxis:     excelize.ChartAxis{NumFmt: excelize.ChartNumFmt{CustomNumFmt: "#,##0;#,##0"}, MajorGridLines: true},
		Dimension: excelize.ChartDimension{Width: 640, Height: uint(max(300, 40*len(c.Labels)+120))},
	}); err != nil {
		return fmt.Errorf("chart %s: %w", c.Title, err)
	}
	return b.link("Graphique – "+c.Title, sheet)
}

// seriesCell is a chart value as a table cell: masked, or a count.
func seriesCell(s reports.Series, i int) reports.Cell {
	if s.Hidden(i) {
		return reports.Secret(reports.Count)
	}
	return reports.Num(s.Values[i], reports.Count)
}

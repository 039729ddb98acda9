package reports

import "math"

// Totals is the length of each bar of the chart: the sum of its series at each label
// (the value itself for one series). Every renderer prints these numbers beside the bars.
func (c *Chart) Totals() []float64 {
	out := make([]float64, len(c.Labels))
	for i := range c.Labels {
		for _, s := range c.Series {
			out[i] += s.Values[i]
		}
	}
	return out
}

// Scale is the value axis of a line chart: its top, 15 % above the largest value of the
// first series (1 when every value is 0; 4 or 8 when that is below 8), and the five grid
// values from 0 to the top, rounded to units, that the renderers print beside the grid
// lines.
func (c *Chart) Scale() (top float64, grid []float64) { return c.ScaleOf(0) }

// ScaleOf is the value axis of series k (a panel of its own when there are several, with
// more room above the largest value, 30 %, for its value over the point in a small panel).
func (c *Chart) ScaleOf(k int) (top float64, grid []float64) {
	if k < len(c.Series) {
		for i, v := range c.Series[k].Values {
			if !c.Series[k].Gap(i) {
				top = math.Max(top, v)
			}
		}
	}
	if top == 0 {
		top = 1
	}
	if len(c.Series) > 1 && c.Kind == Line {
		top *= 1.3
	} else {
		top *= 1.15
	}
	if top < 8 { // small values: a top of whole steps, so that no two grid values read the same
		top = 4 * math.Ceil(top/4)
	}
	for k := 0; k <= 4; k++ {
		grid = append(grid, math.Round(top*float64(k)/4))
	}
	return top, grid
}

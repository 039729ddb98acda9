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
// first series (1 when every value is 0), and the five grid values from 0 to the top,
// rounded to units, that the renderers print beside the grid lines.
func (c *Chart) Scale() (top float64, grid []float64) {
	if len(c.Series) > 0 {
		for _, v := range c.Series[0].Values {
			top = math.Max(top, v)
		}
	}
	if top == 0 {
		top = 1
	}
	top *= 1.15
	for k := 0; k <= 4; k++ {
		grid = append(grid, math.Round(top*float64(k)/4))
	}
	return top, grid
}

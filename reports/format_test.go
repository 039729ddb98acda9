package reports

import "testing"

func TestFrench(t *testing.T) {
	for _, c := range []struct {
		cell Cell
		want string
	}{
		{Num(1370000, Count), "1\u202f370\u202f000"},
		{Num(999, Count), "999"},
		{Num(12.5, Percent), "12,5\u00a0%"},
		{Num(384700, Euros), "384\u202f700\u00a0€"},
		{Num(12.04, Change), "+12,0\u00a0%"},
		{Num(-3.3, Change), "−3,3\u00a0%"},
		{Num(3.6, Points), "+3,6\u00a0pt"},
		{Num(-2.5, Points), "−2,5\u00a0pt"},
		{Num(0, Points), "0,0\u00a0pt"},
		{NA(Count), "n.d."},
		{Str("Île-de-France"), "Île-de-France"},
	} {
		if got := French(c.cell); got != c.want {
			t.Errorf("French(%+v) = %q, want %q", c.cell, got, c.want)
		}
	}
}

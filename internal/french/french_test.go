package french

import (
	"testing"
	"time"
)

func TestFrench(t *testing.T) {
	for got, want := range map[string]string{
		Count(1370000):     "1" + Thin + "370" + Thin + "000",
		Count(-12):         "−12",
		Number(-0.04, 1):   "0,0",
		Number(1234.56, 1): "1" + Thin + "234,6",
		Euros(384700):      "384" + Thin + "700" + NBSP + "€",
		Percent(12.5):      "12,5" + NBSP + "%",
		Share(1, 2):        "50,0 %",
		Share(3, 60):       "5,0 %",
		Share(1, 3):        "33,3 %",
		Share(2, 3):        "66,7 %",
		Share(1, 0):        "—",
		Date(time.Date(2016, 12, 31, 0, 0, 0, 0, time.UTC)): "31/12/2016",
	} {
		if got != want {
			t.Errorf("%q, want %q", got, want)
		}
	}
}

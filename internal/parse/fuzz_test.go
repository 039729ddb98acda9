package parse

import (
	"strings"
	"testing"
)

// FuzzDate: no panic; an accepted date prints back to itself in both forms.
func FuzzDate(f *testing.F) {
	for _, s := range []string{"31/12/2016", "1/8/2016", "2016-08-01T10:30:00", "31/02/2016", "42370", "2016-13-01", "01/08/2016 25:00", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := Date(s)
		if err != nil {
			return
		}
		for _, layout := range []string{"02/01/2006", "2006-01-02"} {
			again, err := Date(d.Format(layout))
			if err != nil || !again.Equal(d) {
				t.Fatalf("%q → %v, but %q gives %v, %v", s, d, d.Format(layout), again, err)
			}
		}
	})
}

// FuzzNumbers: no panic; an accepted decimal is canonical (digits, at most one ".").
func FuzzNumbers(f *testing.F) {
	for _, s := range []string{"12,5", "1 234,50 €", "1\u202f234", "-3", "1.234,5", "abc", "12,0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := Decimal(s)
		if err == nil && (strings.Count(d, ".") > 1 || strings.ContainsAny(d, " ,€")) {
			t.Fatalf("%q → %q", s, d)
		}
		Integer(s)
		Bool(s)
	})
}

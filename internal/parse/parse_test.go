package parse

import (
	"errors"
	"testing"
)

func TestDate(t *testing.T) {
	for _, c := range []struct {
		in   string
		want string
		err  error
	}{
		{"31/12/2016", "2016-12-31", nil},
		{"1/8/2016", "2016-08-01", nil},
		{"2016-08-01", "2016-08-01", nil},
		{"2016-08-01T10:30:00", "2016-08-01", nil},
		{"01/08/2016 09:05", "2016-08-01", nil},
		{"29/02/2016", "2016-02-29", nil},
		{"29/02/2015", "", ErrDateImpossible},
		{"31/02/2016", "", ErrDateImpossible},
		{"2016-13-01", "", ErrDateImpossible},
		{"42370", "", ErrDateFormat},
		{"01/08/16", "", ErrDateFormat},
		{"01/08/2016 25:00", "", ErrDateFormat},
	} {
		got, err := Date(c.in)
		if !errors.Is(err, c.err) {
			t.Errorf("Date(%q) error = %v, want %v", c.in, err, c.err)
			continue
		}
		if err == nil && got.Format("2006-01-02") != c.want {
			t.Errorf("Date(%q) = %s, want %s", c.in, got.Format("2006-01-02"), c.want)
		}
	}
}

func TestNumbers(t *testing.T) {
	for _, c := range []struct {
		in, want string
		err      error
	}{
		{"12,5", "12.5", nil},
		{"12.5", "12.5", nil},
		{"1 234,50 €", "1234.50", nil},
		{"1\u202f234", "1234", nil},
		{"1.234,5", "", ErrNumber},
		{"abc", "", ErrNumber},
	} {
		got, err := Decimal(c.in)
		if !errors.Is(err, c.err) || got != c.want {
			t.Errorf("Decimal(%q) = %q, %v; want %q, %v", c.in, got, err, c.want, c.err)
		}
	}
	if n, err := Integer("12,0"); n != 12 || err != nil {
		t.Errorf("Integer(12,0) = %d, %v", n, err)
	}
	if _, err := Integer("12,5"); !errors.Is(err, ErrNotInteger) {
		t.Errorf("Integer(12,5) error = %v", err)
	}
}

func TestBool(t *testing.T) {
	for in, want := range map[string]bool{"O": true, "oui": true, "1": true, "TRUE": true, "Vrai": true, "n": false, "Non": false, "0": false, "false": false, "FAUX": false} {
		if got, err := Bool(in); got != want || err != nil {
			t.Errorf("Bool(%q) = %v, %v", in, got, err)
		}
	}
	if _, err := Bool("peut-être"); !errors.Is(err, ErrBool) {
		t.Errorf("Bool(peut-être) should fail")
	}
}

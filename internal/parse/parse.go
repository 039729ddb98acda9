// Package parse reads the field values of extracts: dates, numbers and booleans in every
// spelling extracts.md §1 accepts. Each parser returns a sentinel error from errors.go
// saying what is wrong, which the caller turns into a French message.
package parse

import (
	"strconv"
	"strings"
	"time"

	"bilan/internal/textio"
)

// Date reads dd/mm/yyyy (also d/m/yyyy) or yyyy-mm-dd, either optionally followed by a
// time HH:MM[:SS] after a space or "T". Only the date is kept.
func Date(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, " T"); i >= 0 {
		if !validTime(strings.TrimSpace(s[i+1:])) {
			return time.Time{}, ErrDateFormat
		}
		s = s[:i]
	}
	var y, m, d int
	var ok bool
	if a, b, c, found := three(s, "/"); found {
		d, ok = digits(a, 1, 2)
		if ok {
			m, ok = digits(b, 1, 2)
		}
		if ok {
			y, ok = digits(c, 4, 4)
		}
	} else if a, b, c, found := three(s, "-"); found {
		y, ok = digits(a, 4, 4)
		if ok {
			m, ok = digits(b, 1, 2)
		}
		if ok {
			d, ok = digits(c, 1, 2)
		}
	}
	if !ok {
		return time.Time{}, ErrDateFormat
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if m < 1 || m > 12 || d < 1 || t.Day() != d || y < 1900 {
		return time.Time{}, ErrDateImpossible
	}
	return t, nil
}

// three splits s in the three parts two seps separate (without allocating, it runs on
// every date of ten million events); found is false unless s holds exactly two seps.
func three(s, sep string) (a, b, c string, found bool) {
	a, rest, ok1 := strings.Cut(s, sep)
	b, c, ok2 := strings.Cut(rest, sep)
	return a, b, c, ok1 && ok2 && !strings.Contains(c, sep)
}

func validTime(s string) bool {
	p := strings.Split(s, ":")
	if len(p) < 2 || len(p) > 3 {
		return false
	}
	limits := []int{23, 59, 59}
	for i, f := range p {
		if i == 2 {
			f, _, _ = strings.Cut(f, ".")
		}
		n, ok := digits(f, 1, 2)
		if !ok || n > limits[i] {
			return false
		}
	}
	return true
}

func digits(s string, min, max int) (int, bool) {
	if len(s) < min || len(s) > max {
		return 0, false
	}
	n := 0
	for _, c := range s {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// Decimal reads "12,5", "12.5", "1 234,50 €": a single "," or "." is the decimal
// separator; spaces, no-break and narrow no-break spaces are thousands separators.
// The value comes back as its canonical text ("1234.50") so no float rounding happens.
func Decimal(s string) (string, error) {
	s = strings.TrimSpace(s)
	s = strings.TrimSpace(strings.TrimSuffix(s, "€"))
	s = strings.NewReplacer(" ", "", "\u00a0", "", "\u202f", "").Replace(s)
	if strings.Count(s, ",")+strings.Count(s, ".") > 1 {
		return "", ErrNumber
	}
	s = strings.Replace(s, ",", ".", 1)
	if s == "" || s == "." || s == "-" {
		return "", ErrNumber
	}
	for i, c := range s {
		if !(c >= '0' && c <= '9' || c == '.' || c == '-' && i == 0) {
			return "", ErrNumber
		}
	}
	return s, nil
}

// Integer reads an integer, accepting "12,0" but not "12,5".
func Integer(s string) (int64, error) {
	d, err := Decimal(s)
	if err != nil {
		return 0, err
	}
	whole, frac, _ := strings.Cut(d, ".")
	if strings.Trim(frac, "0") != "" {
		return 0, ErrNotInteger
	}
	n, err := strconv.ParseInt(whole, 10, 64)
	if err != nil {
		return 0, ErrNumber
	}
	return n, nil
}

// Bool reads O/N, oui/non, 1/0, true/false, vrai/faux in any case.
func Bool(s string) (bool, error) {
	switch textio.FoldCode(s) {
	case "O", "OUI", "1", "TRUE", "VRAI":
		return true, nil
	case "N", "NON", "0", "FALSE", "FAUX":
		return false, nil
	}
	return false, ErrBool
}

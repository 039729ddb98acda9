package reports

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// Thin is the narrow no-break space French typography puts between thousands, and nbsp
// the no-break space before % and €.
const (
	Thin = "\u202f"
	nbsp = "\u00a0"
)

// French writes a cell the way a French reader expects: 1 370 000, 12,5 %, 384 700 €.
func French(c Cell) string {
	if c.Format == Text {
		return c.Text
	}
	if c.Masked {
		return "s"
	}
	if c.Empty {
		return "n.d."
	}
	switch c.Format {
	case Count:
		return group(c.Number, 0)
	case Percent:
		return group(c.Number, 1) + nbsp + "%"
	case Decimal1:
		return group(c.Number, 1)
	case Euros:
		return group(c.Number, 0) + nbsp + "€"
	case Change:
		s := group(c.Number, 1) + nbsp + "%"
		if c.Number > 0 {
			s = "+" + s
		}
		return s
	}
	return strconv.FormatFloat(c.Number, 'f', -1, 64)
}

// group formats v with places decimals, a comma and thin spaces between thousands.
func group(v float64, places int) string {
	neg := v < 0
	s := strconv.FormatFloat(math.Abs(v), 'f', places, 64)
	whole, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteString(Thin)
		}
		b.WriteRune(r)
	}
	out := b.String()
	if frac != "" {
		out += "," + frac
	}
	if neg && strings.Trim(out, "0,"+Thin) != "" {
		out = "−" + out
	}
	return out
}

// FrenchDate writes 31/12/2016.
func FrenchDate(t time.Time) string { return t.Format("02/01/2006") }

package reports

import (
	"strconv"
	"time"

	"bilan/internal/french"
)

// Thin is the narrow no-break space French typography puts between thousands.
const Thin = french.Thin

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
		return french.Number(c.Number, 0)
	case Percent:
		return french.Percent(c.Number)
	case Decimal1:
		return french.Number(c.Number, 1)
	case Euros:
		return french.Euros(c.Number)
	case Change:
		s := french.Percent(c.Number)
		if c.Number > 0 {
			s = "+" + s
		}
		return s
	case Points:
		s := french.Number(c.Number, 1) + french.NBSP + "pt"
		if c.Number > 0 {
			s = "+" + s
		}
		return s
	}
	return strconv.FormatFloat(c.Number, 'f', -1, 64)
}

// FrenchDate writes 31/12/2016.
func FrenchDate(t time.Time) string { return french.Date(t) }

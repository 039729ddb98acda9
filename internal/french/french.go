// Package french writes numbers and dates the way a French reader expects: 1 370 000,
// 12,5 %, 384 700 €, 31/12/2016. Reports, validation messages and the upload service
// all write them through it.
package french

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// Thin is the narrow no-break space French typography puts between thousands, and NBSP
// the no-break space before % and €.
const (
	Thin = "\u202f"
	NBSP = "\u00a0"
)

// Number writes v with places decimals, a comma, thin spaces between thousands and a
// minus sign (−) for a negative value that does not round to zero.
func Number(v float64, places int) string {
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

// Count writes a whole number: 1 370 000.
func Count(n int) string { return Number(float64(n), 0) }

// Euros writes an amount in whole euros: 384 700 €.
func Euros(v float64) string { return Number(v, 0) + NBSP + "€" }

// Percent writes a percentage with one decimal: 12,5 %.
func Percent(v float64) string { return Number(v, 1) + NBSP + "%" }

// Share writes num/den as a percentage with one decimal, rounded half up, for the
// sentences of validation messages (plain text, stored in the warehouse: a plain space
// before %); "—" when den is 0.
func Share(num, den int) string {
	if den == 0 {
		return "—"
	}
	tenths := (2000*num + den) / (2 * den)
	return fmt.Sprintf("%d,%d %%", tenths/10, tenths%10)
}

// Date writes 31/12/2016.
func Date(t time.Time) string { return t.Format("02/01/2006") }

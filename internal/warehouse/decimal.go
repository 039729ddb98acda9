package warehouse

import (
	"fmt"
	"math/big"
	"strings"

	duckdb "github.com/duckdb/duckdb-go/v2"
)

// Decimal is a DuckDB DECIMAL value as scanned by the driver.
type Decimal = duckdb.Decimal

// DecimalText writes d with exactly places decimals (rounded half away from zero when
// places is smaller than its scale), "." as separator: "12.50", "-3.0", "7".
func DecimalText(d Decimal, places int) string {
	v := new(big.Int).Set(d.Value)
	neg := v.Sign() < 0
	v.Abs(v)
	scale := int(d.Scale)
	ten := big.NewInt(10)
	for ; scale < places; scale++ {
		v.Mul(v, ten)
	}
	if scale > places {
		div := new(big.Int).Exp(ten, big.NewInt(int64(scale-places)), nil)
		q, r := new(big.Int).QuoRem(v, div, new(big.Int))
		if r.Mul(r, big.NewInt(2)).Cmp(div) >= 0 {
			q.Add(q, big.NewInt(1))
		}
		v = q
	}
	s := v.String()
	if places > 0 {
		if len(s) <= places {
			s = strings.Repeat("0", places-len(s)+1) + s
		}
		s = s[:len(s)-places] + "." + s[len(s)-places:]
	}
	if neg && strings.Trim(s, "0.") != "" {
		s = "-" + s
	}
	return s
}

// DecimalFromText reads a canonical decimal text ("1234.5", "-3") as a DECIMAL(18,places)
// value for the appender, rounded half away from zero.
func DecimalFromText(s string, places int) (Decimal, error) {
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		return Decimal{}, fmt.Errorf("decimal %q", s)
	}
	r.Mul(r, new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(places)), nil)))
	neg := r.Sign() < 0
	r.Abs(r)
	q, rem := new(big.Int).QuoRem(r.Num(), r.Denom(), new(big.Int))
	if rem.Mul(rem, big.NewInt(2)).Cmp(r.Denom()) >= 0 {
		q.Add(q, big.NewInt(1))
	}
	if neg {
		q.Neg(q)
	}
	if len(q.String()) > 18 {
		return Decimal{}, fmt.Errorf("decimal %q out of range", s)
	}
	return Decimal{Width: 18, Scale: uint8(places), Value: q}, nil
}

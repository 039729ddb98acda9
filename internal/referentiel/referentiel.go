// Package referentiel ships the public list of I-milo structures (450 rows, technical
// ones included), used for an exercice that loaded no referential of its own.
package referentiel

import (
	_ "embed"
	"encoding/csv"
	"strings"
)

//go:embed referentiel_structures.csv
var shipped string

// Structure is one row of the referential.
type Structure struct {
	Code, NomOfficiel, NomUsuel, Departement, Region string
}

// Shipped returns the shipped referential.
func Shipped() ([]Structure, error) {
	r := csv.NewReader(strings.NewReader(shipped))
	r.Comma = ';'
	recs, err := r.ReadAll()
	if err != nil {
		return nil, err
	}
	out := make([]Structure, 0, len(recs)-1)
	for _, rec := range recs[1:] {
		out = append(out, Structure{rec[0], rec[1], rec[2], rec[3], rec[4]})
	}
	return out, nil
}

// CSV returns the shipped referential as its CSV text.
func CSV() string { return shipped }

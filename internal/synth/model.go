// Package synth writes deterministic synthetic I-milo extracts over the real referential
// of missions locales, in every format variant of extracts.md §1, with fake PII values,
// and knows the true value of every indicator it plants (truth.go), so tests can compare
// the engine with it. No real data is involved anywhere.
package synth

import (
	"time"

	"bilan/internal/referentiel"
)

// PIIMarker is contained in every fake personal value the generator writes, so a test
// can assert that no byte of them reaches the warehouse or an output.
const PIIMarker = "zqx"

// youth is one generated young person and what the engine must make of them.
type youth struct {
	id             string
	ml             string
	birth          time.Time
	birthText      string // as written; may be an impossible date
	sexe           string // canonical F/H, "" unknown
	niveau         string // canonical, "" unknown
	diplome        *bool
	qpv, zrr       *bool
	premierAccueil *time.Time
	rejected       bool // the engine must reject the row
}

type event struct {
	id       string
	youth    string
	ml       string
	date     time.Time
	dateText string
	typ      string // canonical type, or an unknown code
	realised bool
	statut   string // as written
	rejected bool   // the row itself is rejected (bad date, unknown youth, duplicate)
	siret    string
}

type measure struct {
	id, youth, ml, categorie string
	debut                    time.Time
	fin                      *time.Time
	siret, parrain           string
	rejected                 bool
}

// batch is one region's extracts for one exercice.
type batch struct {
	exercice int
	region   string
	youths   []youth
	events   []event
	measures []measure
}

// ref indexes the referential by structure code.
type ref struct {
	rows   []referentiel.Structure
	byCode map[string]referentiel.Structure
}

func loadRef() (*ref, error) {
	rows, err := referentiel.Shipped()
	if err != nil {
		return nil, err
	}
	r := &ref{rows: rows, byCode: map[string]referentiel.Structure{}}
	for _, s := range rows {
		r.byCode[s.Code] = s
	}
	return r, nil
}

// region returns the reporting region of a structure (Saint-Martin with Guadeloupe).
func (r *ref) region(code string) string {
	reg := r.byCode[code].Region
	if reg == "10" {
		return "01"
	}
	return reg
}

func (r *ref) technical(code string) bool {
	s, ok := r.byCode[code]
	return !ok || len(code) >= 3 && code[:3] == "999" || s.Region == ""
}

// mls returns the non-technical structures of a region, in referential order.
func (r *ref) mls(region string) []string {
	var out []string
	for _, s := range r.rows {
		if r.region(s.Code) == region && !r.technical(s.Code) {
			out = append(out, s.Code)
		}
	}
	return out
}

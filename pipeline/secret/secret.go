// Package secret decides which published cells statistical secrecy masks (reports.md,
// "Statistical secrecy"). A cell is one indicator at one territory: masking the cell, not
// a table position, is what keeps the same cell masked in every table, PDF and XLSX of
// every pack. The analysts' indicateurs.csv keeps the true values.
//
// Primary rule: a count of people, events, measures or mentors with 1 ≤ n < threshold is
// masked at every level. Secondary rule: in every additive group (the missions locales of
// a region and the region; the départements of a region and the region; the regions and
// France), a group with exactly one masked cell gets its smallest non-zero unmasked cell
// masked too (ties: lowest code), until no group changes. Rates are masked last, when a
// count they come from is.
package secret

import (
	"errors"
	"sort"
)

// DefaultThreshold is the smallest count published; MinThreshold the lowest setting allowed.
const (
	DefaultThreshold = 11
	MinThreshold     = 5
)

// ErrThreshold is returned for a threshold below MinThreshold.
var ErrThreshold = errors.New("secrecy threshold below 5")

// Rules, as written in the suppression log.
const (
	Primary   = "primaire"
	Secondary = "secondaire"
	Derived   = "derive"
)

// Cell is one indicator at one territory.
type Cell struct {
	Indicator, Level, Code string
}

// Value is a cell's value; Num and Den are set for rates.
type Value struct {
	V        *float64
	Num, Den *int64
}

// Indicator says how secrecy treats an indicator (see sqlfiles.Indicator.Secret).
type Indicator struct {
	Class  string   // effectif, part, rapport, aucun
	Derive []string // for rapport: the indicators it comes from
}

// Group is an additive group: Total = Σ Parts.
type Group struct {
	Level, Total string // the total's level and code
	PartLevel    string
	Parts        []string // codes
}

// Input is everything the rules need.
type Input struct {
	Threshold  int
	Indicators map[string]Indicator
	Values     map[Cell]Value
	Groups     []Group
}

// Apply returns the masked cells with the rule that masked each.
func Apply(in Input) (map[Cell]string, error) {
	if in.Threshold < MinThreshold {
		return nil, ErrThreshold
	}
	small := func(x float64) bool { return x >= 1 && x < float64(in.Threshold) }
	masked := map[Cell]string{}
	// Primary rule, in a stable order.
	for _, c := range sortedCells(in.Values) {
		v := in.Values[c]
		if in.Indicators[c.Indicator].Class == "effectif" && v.V != nil && small(*v.V) {
			masked[c] = Primary
		}
	}
	// Secondary rule, per counted indicator, until stable across all its groups.
	var counted []string
	for id, ind := range in.Indicators {
		if ind.Class == "effectif" {
			counted = append(counted, id)
		}
	}
	sort.Strings(counted)
	for _, id := range counted {
		for changed := true; changed; {
			changed = false
			for _, g := range in.Groups {
				cells := append([]Cell{{id, g.Level, g.Total}}, partCells(id, g)...)
				n := 0
				for _, c := range cells {
					if _, ok := masked[c]; ok {
						n++
					}
				}
				if n != 1 {
					continue
				}
				if c, ok := smallestUnmasked(cells, in.Values, masked); ok {
					masked[c] = Secondary
					changed = true
				}
			}
		}
	}
	// Rates: masked when a count they come from is (their own numerator or denominator,
	// or a cell of an indicator they derive from).
	for _, c := range sortedCells(in.Values) {
		ind, v := in.Indicators[c.Indicator], in.Values[c]
		if _, done := masked[c]; done || v.V == nil {
			continue
		}
		hide := false
		switch ind.Class {
		case "part":
			hide = v.Num != nil && small(float64(*v.Num)) || v.Den != nil && small(float64(*v.Den))
		case "rapport":
			hide = v.Den != nil && small(float64(*v.Den))
		}
		for _, d := range ind.Derive {
			if _, ok := masked[Cell{d, c.Level, c.Code}]; ok {
				hide = true
			}
		}
		if hide {
			masked[c] = Derived
		}
	}
	return masked, nil
}

func partCells(id string, g Group) []Cell {
	out := make([]Cell, len(g.Parts))
	for i, p := range g.Parts {
		out[i] = Cell{id, g.PartLevel, p}
	}
	return out
}

// smallestUnmasked is the non-zero unmasked cell of smallest value (ties: lowest code).
func smallestUnmasked(cells []Cell, values map[Cell]Value, masked map[Cell]string) (Cell, bool) {
	var best Cell
	var bestV float64
	found := false
	for _, c := range cells {
		v := values[c].V
		if _, m := masked[c]; m || v == nil || *v == 0 {
			continue
		}
		if !found || *v < bestV || *v == bestV && c.Code < best.Code {
			best, bestV, found = c, *v, true
		}
	}
	return best, found
}

func sortedCells(values map[Cell]Value) []Cell {
	out := make([]Cell, 0, len(values))
	for c := range values {
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Indicator != b.Indicator {
			return a.Indicator < b.Indicator
		}
		if a.Level != b.Level {
			return a.Level < b.Level
		}
		return a.Code < b.Code
	})
	return out
}

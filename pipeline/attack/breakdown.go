package attack

import (
	"sort"
	"strings"

	sqlfiles "bilan/sql"
)

// A breakdown cell, "ID@dimension=modalité", is the youths of count ID with one modalité of
// a dimension (the methodology defines the dimensions and lists their modalités). The
// attacker takes it as a count like ID, summed over the territories like it, and at every
// territory the modalités of a dimension add up to ID.

// breakdownOf splits a breakdown cell's name; false for any other name.
func breakdownOf(name string) (indicator, dimension, modalite string, ok bool) {
	indicator, rest, ok := strings.Cut(name, "@")
	if !ok {
		return name, "", "", false
	}
	dimension, modalite, ok = strings.Cut(rest, "=")
	return indicator, dimension, modalite, ok && indicator != "" && modalite != ""
}

// withBreakdowns adds the breakdown cells read to the definitions (counts of their
// indicator's unit) and returns the dimensions read of each count, by exercice.
func withBreakdowns(facts []Fact, k Knowledge) (Knowledge, map[seriesKey][]string) {
	defs := make(map[string]Def, len(k.Defs))
	for id, d := range k.Defs {
		defs[id] = d
	}
	cuts := map[seriesKey][]string{}
	add := func(exercice int, name string) {
		id, dim, _, ok := breakdownOf(name)
		base, known := k.Defs[id]
		if !ok || !known || base.Class != "effectif" {
			return
		}
		defs[name] = Def{Class: "effectif", Unit: base.Unit}
		key := seriesKey{exercice, id}
		if _, listed := k.Dimensions[dim]; listed && !contains(cuts[key], dim) {
			cuts[key] = append(cuts[key], dim)
		}
	}
	for _, f := range facts {
		add(f.Cell.Exercice, f.Cell.Indicator)
		def := k.Defs[f.Cell.Indicator] // a rate taken from breakdown cells
		for _, t := range append(append([]sqlfiles.Term{}, def.Num...), def.Den...) {
			if t.Kind == "cell" && !t.Previous {
				add(f.Cell.Exercice, t.ID)
			}
		}
	}
	for key := range cuts {
		sort.Strings(cuts[key])
	}
	k.Defs = defs
	return k, cuts
}

// margins adds, for every count broken down and every dimension read, count = Σ its
// modalités at France, at every region and at every mission locale where the count or one
// of its modalités was read with a value. Elsewhere (a territory no pack printed, one whose
// values are all n.d.) the margin ties only unknowns no fact bounds: it would only grow
// the dense groups the solver reduces (534 MB on the demo, for regions never loaded).
func (s *solver) margins(cuts map[seriesKey][]string) {
	keys := make([]seriesKey, 0, len(cuts))
	for key := range cuts {
		keys = append(keys, key)
	}
	sort.Slice(keys, func(i, j int) bool {
		return keys[i].exercice < keys[j].exercice || keys[i].exercice == keys[j].exercice && keys[i].name < keys[j].name
	})
	places := [][2]string{{"national", "FR"}}
	for _, r := range s.regions {
		places = append(places, [2]string{"region", r})
		for _, ml := range s.mls[r] {
			places = append(places, [2]string{"ml", ml})
		}
	}
	for _, key := range keys {
		s.uses(key.exercice, key.name)
		for _, dim := range cuts[key] {
			for _, m := range s.k.Dimensions[dim] {
				s.uses(key.exercice, key.name+"@"+dim+"="+m)
			}
			for _, p := range places {
				if !s.readAt(key, dim, p[0], p[1]) {
					continue
				}
				idx, cof := []int{s.v(key.exercice, key.name, p[0], p[1])}, []float64{-1}
				for _, m := range s.k.Dimensions[dim] {
					idx, cof = append(idx, s.v(key.exercice, key.name+"@"+dim+"="+m, p[0], p[1])), append(cof, 1)
				}
				s.rows = append(s.rows, row{idx, cof, 0, true})
			}
		}
	}
}

// readAt tells whether the count of key or one of its modalités of dim was read with a
// value at a territory: itself, or as a side of a rate.
func (s *solver) readAt(key seriesKey, dim, level, code string) bool {
	valued := func(name string) bool {
		x, ok := s.vars[varKey{key.exercice, name, level, code}]
		return ok && s.valued[x]
	}
	if valued(key.name) {
		return true
	}
	for _, m := range s.k.Dimensions[dim] {
		if valued(key.name + "@" + dim + "=" + m) {
			return true
		}
	}
	return false
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// sumOfCells is the variable of a rate's side made of several cells of its exercice (the
// women of every age band, the youths less those of unknown sexe): a hidden count, the sum
// of its terms at every territory; false for any other side.
func (s *solver) sumOfCells(c Cell, terms []sqlfiles.Term, which string) (int, bool) {
	if len(terms) < 2 {
		return -1, false
	}
	for _, t := range terms {
		if t.Kind != "cell" || t.Previous {
			return -1, false
		}
	}
	name := c.Indicator + "#" + which
	s.uses(c.Exercice, name)
	x := s.v(c.Exercice, name, c.Level, c.Code)
	if s.summed[x] {
		return x, true
	}
	s.summed[x] = true
	idx, cof := []int{x}, []float64{-1}
	for _, t := range terms {
		s.uses(c.Exercice, t.ID)
		idx, cof = append(idx, s.v(c.Exercice, t.ID, c.Level, c.Code)), append(cof, float64(t.Sign))
	}
	s.rows = append(s.rows, row{idx, cof, 0, true})
	return x, true
}

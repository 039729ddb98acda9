package secret

import (
	"sort"
	"strings"
)

// Breakdown is the name of the cell of a youth count restricted to one modalité of a
// dimension of the breakdowns (indicateurs_ventiles): "JEU_PREMIER_ACCUEIL@sexe_age=F_18_21".
// Such a cell is a count like its indicator, additive over the territories, and at each
// territory the modalités of a dimension add up to the indicator.
func Breakdown(indicator, dimension, modalite string) string {
	return indicator + "@" + dimension + "=" + modalite
}

// ParseBreakdown splits a name made by Breakdown; false for any other name.
func ParseBreakdown(name string) (indicator, dimension, modalite string, ok bool) {
	indicator, rest, ok := strings.Cut(name, "@")
	if !ok {
		return name, "", "", false
	}
	dimension, modalite, ok = strings.Cut(rest, "=")
	return indicator, dimension, modalite, ok && indicator != "" && dimension != "" && modalite != ""
}

// cutKey is a count of an exercice broken down by some dimensions.
type cutKey struct {
	exercice  int
	indicator string
}

// breakdowns finds the breakdown cells among the values: each is a count (its definition is
// added), and its indicator is broken down by its dimension for that exercice. The
// dimensions of each count are sorted; the first is its basis (see breakdownVec).
func (s *system) breakdowns() {
	defs := make(map[string]Def, len(s.in.Defs))
	for id, d := range s.in.Defs {
		defs[id] = d
	}
	s.cuts = map[cutKey][]string{}
	for k := range s.in.Values {
		id, dim, _, ok := ParseBreakdown(k.Indicator)
		if _, listed := s.in.Dimensions[dim]; !ok || !listed || s.in.Defs[id].Class != "effectif" {
			continue
		}
		defs[k.Indicator] = Def{Class: "effectif"}
		key := cutKey{k.Exercice, id}
		if !containsString(s.cuts[key], dim) {
			s.cuts[key] = append(s.cuts[key], dim)
		}
	}
	for key := range s.cuts {
		sort.Strings(s.cuts[key])
	}
	s.in.Defs = defs
}

// breakdownVec is the vector at a mission locale of a count broken down, or of one of its
// breakdown cells; false when the name is neither (mlVec's own cases). The atoms are the
// modalités of the count's first dimension: the count is their sum. In each other
// dimension every modalité is an atom but the last, the count less the others: the
// modalités of every dimension add up to the count, and nothing else ties them (how the
// dimensions cross is never published).
func (s *system) breakdownVec(exercice int, name, ml string) (vec, bool) {
	id, dim, mod, isCell := ParseBreakdown(name)
	dims := s.cuts[cutKey{exercice, id}]
	if len(dims) == 0 {
		return vec{}, false
	}
	if s.leaf(exercice, id, ml) == nil {
		return vec{}, true
	}
	atom := func(m string) vec { return unit(s.atom(atomKey{exercice, Breakdown(id, dim, m), "ml", ml})) }
	if !isCell {
		var v vec
		dim = dims[0]
		for _, m := range s.in.Dimensions[dim] {
			v = axpy(v, 1, atom(m))
		}
		return v, true
	}
	mods := s.in.Dimensions[dim]
	if dim == dims[0] || mod != mods[len(mods)-1] {
		return atom(mod), true
	}
	v := s.series(exercice, id, "ml", ml)
	for _, m := range mods[:len(mods)-1] {
		v = axpy(v, -1, atom(m))
	}
	return v, true
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

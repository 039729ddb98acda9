package secret

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"

	sqlfiles "bilan/sql"
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
// added), and its indicator is broken down by its dimension for that exercice.
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

// breakdownVec is the vector at a mission locale of a breakdown cell; false for any other
// name (mlVec's own cases). The count keeps its own atom; in each of its dimensions every
// modalité is an atom but the last (« inconnu »), the count less the others: the
// modalités of every dimension add up to the count, and nothing else ties them (how the
// dimensions cross is never published). A vector that reads no breakdown is as long as
// without them.
func (s *system) breakdownVec(exercice int, name, ml string) (vec, bool) {
	id, dim, mod, isCell := ParseBreakdown(name)
	if !isCell || len(s.cuts[cutKey{exercice, id}]) == 0 {
		return vec{}, false
	}
	if s.leaf(exercice, id, ml) == nil {
		return vec{}, true
	}
	atom := func(m string) vec { return unit(s.atom(atomKey{exercice, Breakdown(id, dim, m), "ml", ml})) }
	mods := s.in.Dimensions[dim]
	if mod != mods[len(mods)-1] {
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

// loadBreakdowns reads the modalités of every dimension (ref_modalites) and, for each
// count and dimension some published or earlier cell breaks it down by, the values of
// every modalité at every level of the exercices lo to hi (indicateurs_ventiles).
func loadBreakdowns(ctx context.Context, c *sql.Conn, in *Input, lo, hi int) error {
	in.Dimensions = map[string][]string{}
	rows, err := c.QueryContext(ctx, "SELECT dimension, modalite FROM ref_modalites ORDER BY rang_dimension, rang")
	if err != nil {
		return fmt.Errorf("read the dimensions: %w", err)
	}
	for rows.Next() {
		var d, m string
		if err := rows.Scan(&d, &m); err != nil {
			rows.Close()
			return err
		}
		in.Dimensions[d] = append(in.Dimensions[d], m)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read the dimensions: %w", err)
	}
	type cut struct {
		exercice       int
		indicator, dim string
	}
	pairs := map[cut]bool{}
	note := func(c Cell) {
		if id, dim, _, ok := ParseBreakdown(c.Indicator); ok {
			pairs[cut{c.Exercice, id, dim}] = true
		}
		def := in.Defs[c.Indicator] // a rate whose sides are breakdown cells
		for _, t := range append(append([]sqlfiles.Term{}, def.Num...), def.Den...) {
			if id, dim, _, ok := ParseBreakdown(t.ID); ok && t.Kind == "cell" {
				ex := c.Exercice
				if t.Previous {
					ex--
				}
				pairs[cut{ex, id, dim}] = true
			}
		}
	}
	for _, c := range in.Published {
		note(c)
	}
	for c := range in.Earlier {
		note(c)
	}
	if len(pairs) == 0 {
		return nil
	}
	var cuts []string // exercice|indicateur|dimension
	for p := range pairs {
		cuts = append(cuts, fmt.Sprintf("%d|%s|%s", p.exercice, p.indicator, p.dim))
	}
	sort.Strings(cuts)
	// (a NULL value, not loaded, is no value: as absent from Values)
	rows, err = c.QueryContext(ctx, `SELECT v.exercice, v.indicateur, v.dimension, v.modalite, v.niveau, v.code, CAST(v.valeur AS DOUBLE)
		FROM indicateurs_ventiles v
		WHERE v.exercice || '|' || v.indicateur || '|' || v.dimension IN (SELECT unnest(?::VARCHAR[]))
		  AND v.exercice BETWEEN ? AND ? AND v.valeur IS NOT NULL AND v.niveau IN ('ml', 'departement', 'region', 'national')`,
		cuts, lo, hi)
	if err != nil {
		return fmt.Errorf("read the breakdowns: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var k Key
		var id, dim, mod string
		var v *float64
		if err := rows.Scan(&k.Exercice, &id, &dim, &mod, &k.Level, &k.Code, &v); err != nil {
			return err
		}
		if _, known := in.Defs[id]; known {
			k.Indicator = Breakdown(id, dim, mod)
			in.Values[k] = Value{V: v}
		}
	}
	return rows.Err()
}

// countsOf tells whether a side of a rate is a sum of several counts of its exercice (of
// breakdown cells, say): a group of people no table prints as such.
func (s *system) countsOf(terms []sqlfiles.Term) bool {
	if len(terms) < 2 {
		return false
	}
	for _, t := range terms {
		if t.Kind != "cell" || t.Previous || s.in.Defs[t.ID].Class != "effectif" {
			return false
		}
	}
	return true
}

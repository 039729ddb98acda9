// Package secret decides which published cells statistical secrecy masks (reports.md,
// "Statistical secrecy"), over the whole system of cells the packs publish together: every
// table of every pack, both exercices, every level, and every derived value with the
// sub-populations it divides by.
//
// The method is Gaussian suppression. Every cell is a vector over atoms — the values of
// its indicator at each mission locale (an additive count or amount), or of a hidden
// count of its own (a share's numerator, the part of a population it is taken from) — so
// that a region is the sum of its missions locales and France the sum of the regions. A
// published count publishes its vector; a published share, ratio or evolution is counted
// as publishing its numerator and its denominator exactly (with small numbers a rounded
// rate and a bound pin them both, so this is what an attacker gets); the change of a share
// or a ratio on the exercice before (in points, or in % for a ratio in euros) publishes the
// numerators and denominators of both exercices. A cell is determined
// by what is published when its vector lies in the span of the published vectors.
//
// A breakdown cell (Breakdown: the youths of a count with one modalité of a dimension, the
// cells of the profile tables) is a count too: at a mission locale each modalité is an
// atom but the last of its dimension, the count less the others, so that the modalités
// of every dimension add up to the count at every territory. A rate whose sides name such
// cells (the share of women, the women of every age band among those of known sexe)
// publishes those sums.
//
// Primary cells (1 ≤ n < threshold, published or hidden: the numerator of a share, the
// rest of its population, the gap between a part and its whole, a département) are
// protected from the start and masked wherever printed (status A). What an earlier
// publication printed is public (its vectors enter the span first) and what it masked
// stays protected, so a reader holding last year's packs learns nothing more. The other published cells are then taken one by one,
// those we most want to publish first (amounts, zeros, then France, regions, missions
// locales, larger values first; derived values last): a cell is published unless adding
// its vectors to the published span would determine a protected one; then it is masked
// (status D) and protected in turn, so that no masked cell is ever determined. The span
// is kept in echelon form and each protected vector as its residual modulo that span: a
// candidate reveals a protected cell exactly when it cancels that residual.
package secret

import (
	"errors"
	"math"
	"sort"
	"strings"

	sqlfiles "bilan/sql"
)

// DefaultThreshold is the smallest count published; MinThreshold the lowest setting allowed.
const (
	DefaultThreshold = 11
	MinThreshold     = 5
)

// ErrThreshold is returned for a threshold below MinThreshold.
var ErrThreshold = errors.New("secrecy threshold below 5")

// Status of a masked cell, as INSEE writes it.
type Status string

// Statuses: A a primary cell (a small count), D a cell masked so that no masked cell can
// be recalculated.
const (
	Primary   Status = "A"
	Secondary Status = "D"
)

// Cell is one published number: an indicator at a territory for an exercice, or (Change)
// the change of that indicator on the previous exercice (in %, in points for a percentage).
type Cell struct {
	Exercice    int
	Indicator   string
	Level, Code string
	Change      bool
}

// Key is an indicator at a territory for an exercice.
type Key struct {
	Exercice    int
	Indicator   string
	Level, Code string
}

// Value is a computed value with its numerator and denominator (for shares and ratios).
type Value struct {
	V, Num, Den *float64
}

// Def is how secrecy reads an indicator (from its SQL header).
type Def struct {
	Class    string // effectif, part, rapport, montant, aucun
	Num, Den []sqlfiles.Term
}

// terms are the sources of the numerator ("num") or the denominator ("den").
func (d Def) terms(side string) []sqlfiles.Term {
	if side == "den" {
		return d.Den
	}
	return d.Num
}

// Input is everything the suppression needs.
type Input struct {
	Threshold   int
	Defs        map[string]Def
	Values      map[Key]Value
	Published   []Cell
	Region      map[string]string // mission locale → region
	Departement map[string]string // mission locale → département (never published; protected when small)
	// Earlier are the cells other publications printed (last year's packs show this
	// year's N−1 as their N): true when they printed the number, false when they masked it.
	// A number already printed is public, a cell already masked stays masked.
	Earlier map[Cell]bool
	// Dimensions are the modalités of each dimension of the breakdowns, in order (the last
	// one, « inconnu », is the count less the others): see Breakdown.
	Dimensions map[string][]string
}

// Result is the status of every masked published cell, and what it cost.
type Result struct {
	Masked                map[Cell]Status
	Primary, Secondary    int // published cells masked A and D
	HiddenPrimary         int // small cells never printed (hidden sub-populations, départements), protected too
	Published, Considered int
	// Revealed counts protected cells that earlier publications had already determined
	// by themselves (nothing this run can hide again; a sign their masks were weaker).
	Revealed int
}

// Apply decides the masks.
func Apply(in Input) (Result, error) {
	if in.Threshold < MinThreshold {
		return Result{}, ErrThreshold
	}
	s := newSystem(in)
	return s.solve(), nil
}

// Defs reads the secrecy of every indicator from the SQL headers.
func Defs() (map[string]Def, error) {
	inds, err := sqlfiles.Indicators()
	if err != nil {
		return nil, err
	}
	out := map[string]Def{}
	for _, ind := range inds {
		out[ind.ID] = Def{Class: ind.Secret, Num: ind.Numerator, Den: ind.Denominator}
	}
	return out, nil
}

// ---- vectors over atoms ----

type vec struct {
	idx []int32
	val []float64
}

const eps = 1e-9

func unit(i int32) vec { return vec{[]int32{i}, []float64{1}} }

func (v vec) zero() bool { return len(v.idx) == 0 }

func (v vec) at(i int32) float64 {
	k := sort.Search(len(v.idx), func(j int) bool { return v.idx[j] >= i })
	if k < len(v.idx) && v.idx[k] == i {
		return v.val[k]
	}
	return 0
}

// axpy returns a + k·b.
func axpy(a vec, k float64, b vec) vec {
	out := vec{make([]int32, 0, len(a.idx)+len(b.idx)), make([]float64, 0, len(a.idx)+len(b.idx))}
	i, j := 0, 0
	put := func(ix int32, x float64) {
		if math.Abs(x) > eps {
			out.idx, out.val = append(out.idx, ix), append(out.val, x)
		}
	}
	for i < len(a.idx) || j < len(b.idx) {
		switch {
		case j == len(b.idx) || i < len(a.idx) && a.idx[i] < b.idx[j]:
			put(a.idx[i], a.val[i])
			i++
		case i == len(a.idx) || b.idx[j] < a.idx[i]:
			put(b.idx[j], k*b.val[j])
			j++
		default:
			put(a.idx[i], a.val[i]+k*b.val[j])
			i, j = i+1, j+1
		}
	}
	return out
}

// ---- the system ----

type system struct {
	in      Input
	atoms   map[atomKey]int32
	mls     map[string][]string // region → its missions locales
	regions []string
	depts   map[string][]string // département → its missions locales
	cache   map[vecKey]vec
	cuts    map[cutKey][]string // the counts broken down, with their dimensions (breakdown.go)
}

type atomKey struct {
	exercice    int
	name, level string // name: an indicator, or indicator + "#num"/"#den"/"#gapnum"/"#gapden"
	code        string
}

type vecKey struct {
	exercice          int
	name, level, code string
}

func newSystem(in Input) *system {
	s := &system{in: in, atoms: map[atomKey]int32{}, mls: map[string][]string{}, depts: map[string][]string{}, cache: map[vecKey]vec{}}
	for ml, r := range in.Region {
		s.mls[r] = append(s.mls[r], ml)
	}
	for r := range s.mls {
		sort.Strings(s.mls[r])
		s.regions = append(s.regions, r)
	}
	sort.Strings(s.regions)
	for ml, d := range in.Departement {
		s.depts[d] = append(s.depts[d], ml)
	}
	s.breakdowns()
	return s
}

func (s *system) atom(k atomKey) int32 {
	if i, ok := s.atoms[k]; ok {
		return i
	}
	i := int32(len(s.atoms))
	s.atoms[k] = i
	return i
}

// leaf is the value at a mission locale of a base series: an indicator's value, or a
// derived indicator's numerator or denominator column.
func (s *system) leaf(exercice int, name, ml string) *float64 {
	ind, side, _ := strings.Cut(name, "#") // an indicator, or "ID#side"
	v := s.in.Values[Key{exercice, ind, "ml", ml}]
	switch side {
	case "num":
		return v.Num
	case "den":
		return v.Den
	}
	return v.V
}

// series is the vector of a base series (an additive indicator or a hidden side) at a
// territory: a mission locale's own atom (or, for a derived side, its expression over
// other series), summed over the missions locales below.
func (s *system) series(exercice int, name, level, code string) vec {
	k := vecKey{exercice, name, level, code}
	if v, ok := s.cache[k]; ok {
		return v
	}
	var v vec
	switch level {
	case "ml":
		v = s.mlVec(exercice, name, code)
	case "departement":
		for _, ml := range s.depts[code] {
			v = axpy(v, 1, s.series(exercice, name, "ml", ml))
		}
	case "region":
		for _, ml := range s.mls[code] {
			v = axpy(v, 1, s.series(exercice, name, "ml", ml))
		}
	default:
		for _, r := range s.regions {
			v = axpy(v, 1, s.series(exercice, name, "region", r))
		}
	}
	if v.zero() && level != "ml" && s.in.Values[Key{exercice, name, level, code}].V != nil {
		v = unit(s.atom(atomKey{exercice, name, level, code})) // a value with no mission locale below it
	}
	s.cache[k] = v
	return v
}

// mlVec is a base series at a mission locale. A derived indicator's side whose single
// term is "part" or "restricted" is expressed over the indicator it is taken from:
// restricted, the mission locale is in or out as a whole; part, it is that indicator
// where their values are equal (nothing tells them apart), else that indicator minus a
// hidden gap.
func (s *system) mlVec(exercice int, name, ml string) vec {
	if v, ok := s.breakdownVec(exercice, name, ml); ok {
		return v
	}
	ind, side, _ := strings.Cut(name, "#") // an indicator, or "ID#side"
	if side == "" || side == "gapnum" || side == "gapden" {
		if s.leaf(exercice, name, ml) == nil && side == "" {
			return vec{}
		}
		return unit(s.atom(atomKey{exercice, name, "ml", ml}))
	}
	terms := s.in.Defs[ind].terms(side)
	own := s.leaf(exercice, name, ml)
	if len(terms) != 1 || own == nil {
		if own == nil || *own == 0 {
			return vec{}
		}
		return unit(s.atom(atomKey{exercice, name, "ml", ml}))
	}
	t := terms[0]
	switch t.Kind {
	case "restricted":
		return s.series(exercice, t.ID, "ml", ml)
	case "part":
		base := s.leaf(exercice, t.ID, ml)
		whole := s.series(exercice, t.ID, "ml", ml)
		if base != nil && *base == *own {
			return whole
		}
		return axpy(whole, -1, unit(s.atom(atomKey{exercice, ind + "#gap" + side, "ml", ml})))
	}
	if *own == 0 {
		return vec{}
	}
	return unit(s.atom(atomKey{exercice, name, "ml", ml}))
}

// side is the vector of a derived indicator's numerator or denominator at a territory.
func (s *system) side(exercice int, ind, which, level, code string) vec {
	var v vec
	for _, t := range s.in.Defs[ind].terms(which) {
		switch t.Kind {
		case "cell":
			ex := exercice
			if t.Previous {
				ex--
			}
			v = axpy(v, float64(t.Sign), s.series(ex, t.ID, level, code))
		default: // own, part, restricted: a series of their own, built at the missions locales
			v = axpy(v, float64(t.Sign), s.series(exercice, ind+"#"+which, level, code))
		}
	}
	return v
}

// candidate is a published cell with the vectors publishing it reveals.
type candidate struct {
	cell    Cell
	vecs    []vec
	rank    [4]float64 // order of preference, smallest first
	primary bool
}

func levelRank(level string) float64 {
	switch level {
	case "national":
		return 0
	case "region":
		return 1
	case "departement":
		return 2
	}
	return 3
}

func (s *system) small(v *float64) bool {
	return v != nil && *v >= 1 && *v < float64(s.in.Threshold)
}

// candidate is a cell with the vectors publishing it reveals; false for a cell outside
// the system (no value, or a class secrecy ignores).
func (s *system) candidate(c Cell) (candidate, bool) {
	def, ok := s.in.Defs[c.Indicator]
	if !ok {
		return candidate{}, false
	}
	v := s.in.Values[Key{c.Exercice, c.Indicator, c.Level, c.Code}]
	x := candidate{cell: c}
	switch {
	case c.Change && (def.Class == "part" || def.Class == "rapport"):
		if v.V == nil || s.in.Values[Key{c.Exercice - 1, c.Indicator, c.Level, c.Code}].V == nil {
			return x, false // « n.d. »: one of the two values is, and each is printed beside
		}
		for _, e := range []int{c.Exercice, c.Exercice - 1} {
			x.vecs = append(x.vecs, s.side(e, c.Indicator, "den", c.Level, c.Code), s.side(e, c.Indicator, "num", c.Level, c.Code))
		}
		x.rank = [4]float64{3, levelRank(c.Level), -float64(c.Exercice), 0}
	case c.Change:
		if def.Class != "effectif" && def.Class != "montant" {
			return x, false
		}
		prev := s.in.Values[Key{c.Exercice - 1, c.Indicator, c.Level, c.Code}].V
		if prev == nil || v.V == nil {
			return x, false
		}
		now, before := s.series(c.Exercice, c.Indicator, c.Level, c.Code), s.series(c.Exercice-1, c.Indicator, c.Level, c.Code)
		x.vecs = []vec{before}
		if *prev != 0 {
			x.vecs = append(x.vecs, now)
		}
		x.rank = [4]float64{3, levelRank(c.Level), -float64(c.Exercice), 0}
	case def.Class == "effectif" || def.Class == "montant":
		if v.V == nil {
			return x, false
		}
		x.vecs = []vec{s.series(c.Exercice, c.Indicator, c.Level, c.Code)}
		x.primary = def.Class == "effectif" && s.small(v.V)
		switch {
		case def.Class == "montant":
			x.rank = [4]float64{0, levelRank(c.Level), 0, 0}
		case *v.V == 0:
			x.rank = [4]float64{1, levelRank(c.Level), 0, 0}
		default:
			x.rank = [4]float64{2, levelRank(c.Level), -*v.V, -float64(c.Exercice)}
		}
	case def.Class == "part" || def.Class == "rapport":
		den := s.side(c.Exercice, c.Indicator, "den", c.Level, c.Code)
		switch {
		case v.V != nil:
			x.vecs = []vec{den, s.side(c.Exercice, c.Indicator, "num", c.Level, c.Code)}
		case v.Den != nil && *v.Den == 0: // "n.d." tells the denominator is 0
			x.vecs = []vec{den}
		default:
			return x, false
		}
		x.rank = [4]float64{3, levelRank(c.Level), -float64(c.Exercice), 0}
	default:
		return x, false
	}
	return x, true
}

// candidates are the published cells in the system, in order of preference.
func (s *system) candidates() []candidate {
	var out []candidate
	seen := map[Cell]bool{}
	for _, c := range s.in.Published {
		if seen[c] {
			continue
		}
		seen[c] = true
		if x, ok := s.candidate(c); ok {
			out = append(out, x)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.rank != b.rank {
			for k := range a.rank {
				if a.rank[k] != b.rank[k] {
					return a.rank[k] < b.rank[k]
				}
			}
		}
		return cellLess(a.cell, b.cell)
	})
	return out
}

func cellLess(a, b Cell) bool {
	if a.Code != b.Code {
		return a.Code < b.Code
	}
	if a.Indicator != b.Indicator {
		return a.Indicator < b.Indicator
	}
	if a.Level != b.Level {
		return a.Level < b.Level
	}
	if a.Exercice != b.Exercice {
		return a.Exercice > b.Exercice
	}
	return !a.Change && b.Change
}

// hiddenPrimary are the small cells no pack prints that published cells could determine:
// counts at a level or in a table no pack shows (départements), the hidden sides of shares
// and ratios that are groups of people, the rest of a share's population (the men beside a
// share of women), and the gap between a part and its whole.
func (s *system) hiddenPrimary(printed map[Key]bool) []vec {
	var out []vec
	keys := make([]Key, 0, len(s.in.Values))
	for k, v := range s.in.Values { // those that may hide a small cell, sorted below
		switch s.in.Defs[k.Indicator].Class {
		case "effectif":
			if !printed[k] && s.small(v.V) {
				keys = append(keys, k)
			}
		case "part", "rapport":
			keys = append(keys, k)
		}
	}
	sort.Slice(keys, func(i, j int) bool {
		return cellLess(Cell{keys[i].Exercice, keys[i].Indicator, keys[i].Level, keys[i].Code, false},
			Cell{keys[j].Exercice, keys[j].Indicator, keys[j].Level, keys[j].Code, false})
	})
	for _, k := range keys {
		def, v := s.in.Defs[k.Indicator], s.in.Values[k]
		switch def.Class {
		case "effectif":
			if !printed[k] && s.small(v.V) {
				out = append(out, s.series(k.Exercice, k.Indicator, k.Level, k.Code))
			}
		case "part", "rapport":
			if def.Class == "part" && v.Num != nil && v.Den != nil && s.small(ptr(*v.Den-*v.Num)) { // the rest of the population
				out = append(out, axpy(s.side(k.Exercice, k.Indicator, "den", k.Level, k.Code), -1,
					s.side(k.Exercice, k.Indicator, "num", k.Level, k.Code)))
			}
			for _, side := range []struct {
				name string
				v    *float64
			}{{"num", v.Num}, {"den", v.Den}} {
				of := def.terms(side.name)
				if side.v != nil && s.countsOf(of) && s.small(side.v) { // a sum of counts (the women of every age band)
					out = append(out, s.side(k.Exercice, k.Indicator, side.name, k.Level, k.Code))
				}
				if side.v == nil || len(of) != 1 {
					continue
				}
				t := of[0]
				people := t.Kind == "own" && def.Class == "part" ||
					(t.Kind == "part" || t.Kind == "restricted") && s.in.Defs[t.ID].Class == "effectif"
				if !people {
					continue
				}
				part := s.side(k.Exercice, k.Indicator, side.name, k.Level, k.Code)
				if s.small(side.v) {
					out = append(out, part)
				}
				if whole := s.in.Values[Key{k.Exercice, t.ID, k.Level, k.Code}].V; t.Kind == "part" && whole != nil &&
					s.small(ptr(*whole-*side.v)) {
					out = append(out, axpy(s.series(k.Exercice, t.ID, k.Level, k.Code), -1, part))
				}
			}
		}
	}
	return out
}

func ptr(x float64) *float64 { return &x }

func sortedEarlier(m map[Cell]bool) []Cell {
	out := make([]Cell, 0, len(m))
	for c := range m {
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return cellLess(out[i], out[j]) })
	return out
}

// ---- the echelon basis and the protected residuals, by connected component ----

type component struct {
	rows     []vec
	pivots   []int32
	pivotRow map[int32]int
	guarded  []vec             // residuals of the protected vectors
	guardsAt map[int32][]int32 // atom → the protected residuals that may hold it (a superset)
}

// index notes the atoms of the i-th protected residual.
func (c *component) index(i int, v vec) {
	if c.guardsAt == nil {
		c.guardsAt = map[int32][]int32{}
	}
	for _, ix := range v.idx {
		c.guardsAt[ix] = append(c.guardsAt[ix], int32(i))
	}
}

// reduce returns v modulo the rows.
func (c *component) reduce(v vec) vec {
	for {
		best := -1
		for _, ix := range v.idx {
			if r, ok := c.pivotRow[ix]; ok && (best < 0 || r < best) {
				best = r
			}
		}
		if best < 0 {
			return v
		}
		v = eliminate(v, c.rows[best], c.pivots[best])
	}
}

// eliminate returns v without its entry at pivot p, by a multiple of row r.
func eliminate(v, r vec, p int32) vec {
	if x := v.at(p); x != 0 {
		return axpy(v, -x/r.at(p), r)
	}
	return v
}

// push adds a reduced vector to the rows and returns its pivot.
func (c *component) push(r vec) int32 {
	p := r.idx[len(r.idx)-1]
	c.rows, c.pivots = append(c.rows, r), append(c.pivots, p)
	c.pivotRow[p] = len(c.rows) - 1
	return p
}

// try adds the vectors to the span unless that determines a protected vector; it reports
// whether they were added, and the first vector they bring that the span did not hold.
// A new row changes only the protected residuals holding its pivot (guardsAt), and only a
// changed residual can become zero.
func (c *component) try(vs []vec) (bool, vec) {
	var newRows []vec
	var newPivots []int32
	var fresh vec
	n := len(c.rows)
	for _, v := range vs {
		r := c.reduce(v)
		if r.zero() {
			continue
		}
		if fresh.zero() {
			fresh = r
		}
		newRows, newPivots = append(newRows, r), append(newPivots, c.push(r))
	}
	if len(newRows) == 0 {
		return true, vec{}
	}
	changed := map[int32]vec{} // protected residual → its value modulo the new rows
	var order []int32          // changed residuals, in the order first changed
	for k, r := range newRows {
		p := newPivots[k]
		seen := map[int32]bool{}
		visit := func(i int32) {
			if seen[i] {
				return
			}
			seen[i] = true
			q, ok := changed[i]
			if !ok {
				q = c.guarded[i]
			}
			if q.at(p) == 0 {
				return
			}
			if !ok {
				order = append(order, i)
			}
			changed[i] = eliminate(q, r, p)
		}
		for _, i := range c.guardsAt[p] {
			visit(i)
		}
		for _, i := range order { // changed by an earlier new row: may hold this pivot now
			visit(i)
		}
	}
	for _, i := range order {
		if changed[i].zero() { // would be determined: undo
			for _, p := range newPivots {
				delete(c.pivotRow, p)
			}
			c.rows, c.pivots = c.rows[:n], c.pivots[:n]
			return false, fresh
		}
	}
	for _, i := range order {
		c.index(int(i), added(c.guarded[i], changed[i]))
		c.guarded[i] = changed[i]
	}
	return true, fresh
}

// added are the atoms of b that a lacks, as a vector (both sorted).
func added(a, b vec) vec {
	var out vec
	j := 0
	for _, ix := range b.idx {
		for j < len(a.idx) && a.idx[j] < ix {
			j++
		}
		if j == len(a.idx) || a.idx[j] != ix {
			out.idx = append(out.idx, ix)
		}
	}
	return out
}

// force adds vectors already public to the span, whatever they reveal, and drops the
// protected vectors they determine (returning how many).
func (c *component) force(vs []vec) int {
	for _, v := range vs {
		if r := c.reduce(v); !r.zero() {
			p := c.push(r)
			for i, q := range c.guarded {
				c.guarded[i] = eliminate(q, r, p)
			}
		}
	}
	kept, dropped := c.guarded[:0], 0
	for _, q := range c.guarded {
		if q.zero() {
			dropped++
		} else {
			kept = append(kept, q)
		}
	}
	c.guarded = kept
	c.guardsAt = nil // the residuals moved: index them again
	for i, q := range c.guarded {
		c.index(i, q)
	}
	return dropped
}

func (c *component) guard(v vec) {
	if r := c.reduce(v); !r.zero() {
		c.guarded = append(c.guarded, r)
		c.index(len(c.guarded)-1, r)
	}
}

// solve runs the suppression.
func (s *system) solve() Result {
	cands := s.candidates()
	printed := map[Key]bool{}
	for _, x := range cands {
		printed[Key{x.cell.Exercice, x.cell.Indicator, x.cell.Level, x.cell.Code}] = true
	}
	hidden := s.hiddenPrimary(printed)
	// Connected components over atoms: a candidate or a protected vector joins all its atoms.
	uf := newUnionFind()
	join := func(vs ...vec) {
		first := int32(-1)
		for _, v := range vs {
			for _, ix := range v.idx {
				if first < 0 {
					first = ix
				}
				uf.union(first, ix)
			}
		}
	}
	for _, x := range cands {
		join(x.vecs...)
	}
	for _, h := range hidden {
		join(h)
	}
	var public, kept []candidate // earlier publications: numbers printed, cells masked
	for _, c := range sortedEarlier(s.in.Earlier) {
		if x, ok := s.candidate(c); ok {
			join(x.vecs...)
			if s.in.Earlier[c] {
				public = append(public, x)
			} else {
				kept = append(kept, x)
			}
		}
	}
	comps := map[int32]*component{}
	comp := func(vs []vec) *component {
		for _, v := range vs {
			if !v.zero() {
				root := uf.find(v.idx[0])
				c, ok := comps[root]
				if !ok {
					c = &component{pivotRow: map[int32]int{}}
					comps[root] = c
				}
				return c
			}
		}
		return nil
	}
	res := Result{Masked: map[Cell]Status{}, HiddenPrimary: len(hidden), Considered: len(cands)}
	for _, h := range hidden {
		comp([]vec{h}).guard(h)
	}
	for _, x := range cands {
		if x.primary {
			comp(x.vecs).guard(x.vecs[0])
		}
	}
	for _, x := range kept {
		for _, v := range x.vecs {
			if !v.zero() {
				comp(x.vecs).guard(v)
				break
			}
		}
	}
	for _, x := range public {
		if c := comp(x.vecs); c != nil {
			res.Revealed += c.force(x.vecs)
		}
	}
	for _, x := range cands {
		c := comp(x.vecs)
		switch {
		case x.primary:
			res.Masked[x.cell] = Primary
			res.Primary++
		case c == nil:
			res.Published++
		default:
			ok, fresh := c.try(x.vecs)
			if ok {
				res.Published++
				continue
			}
			res.Masked[x.cell] = Secondary
			res.Secondary++
			c.guard(fresh)
		}
	}
	return res
}

type unionFind struct{ parent map[int32]int32 }

func newUnionFind() *unionFind { return &unionFind{parent: map[int32]int32{}} }

func (u *unionFind) find(x int32) int32 {
	p, ok := u.parent[x]
	if !ok || p == x {
		return x
	}
	r := u.find(p)
	u.parent[x] = r
	return r
}

func (u *unionFind) union(a, b int32) {
	ra, rb := u.find(a), u.find(b)
	if ra != rb {
		u.parent[ra] = rb
	}
}

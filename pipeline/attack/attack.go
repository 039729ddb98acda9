// Package attack tries to recover the masked cells of the packs as a reader with a
// calculator would, independently of the suppression code (package secret): it knows only
// what is public — the numbers read back from the XLSX files as written, the territories
// of the referential and the definitions of the indicators — and never the masks' reasons.
//
// Every cell (published, masked, or a hidden sub-population a rate divides by) is an
// unknown with an interval, 0 ≤ n, integer for counts. The relations: a region is the sum
// of its missions locales and France the sum of the regions (every additive count and
// amount, and every hidden sub-population); a share or ratio lies within half a rounding
// step of its published value, num/den; an evolution likewise, (N − N−1)/N−1; a part of
// a population is at most that population; a ratio restricted to some missions locales
// takes a published mission locale whole. Gaussian elimination over the sums pins what
// linear combinations determine, interval propagation and a search over the integers a
// rounded rate allows narrow the rest, to a fixpoint.
package attack

import (
	"encoding/binary"
	"fmt"
	"math"
	"sort"
	"strings"

	sqlfiles "bilan/sql"
)

// Cell is a number of the packs: an indicator (or "ID#num", "ID#den" for the hidden
// sides of a rate) at a territory for an exercice, or the change of a key figure.
type Cell struct {
	Exercice    int
	Indicator   string
	Level, Code string
	Change      bool
}

// Fact is one cell as read in a pack.
type Fact struct {
	Cell   Cell
	Value  float64
	Masked bool
	NA     bool   // "n.d.": for a rate, its denominator is 0
	Where  string // file › sheet
}

// Def is what the public knows of an indicator: its secrecy class, its unit, the sources
// of a rate and the step it is rounded to.
type Def struct {
	Class, Unit string
	Num, Den    []sqlfiles.Term
	Rounding    float64
}

// Knowledge is what the attacker knows besides the numbers.
type Knowledge struct {
	Defs      map[string]Def
	Region    map[string]string // mission locale → region (public referential)
	Threshold int
	// Dimensions are the modalités of each dimension the youth counts are broken down by
	// (the methodology lists them): a cell "ID@dimension=modalité" is the youths of count ID
	// with that modalité, and at every territory the modalités of a dimension add up to ID.
	Dimensions map[string][]string
}

// Interval is what the attacker proves of a cell.
type Interval struct{ Lo, Hi float64 }

// Pinned tells whether the interval holds one value.
func (i Interval) Pinned() bool { return i.Hi-i.Lo < 1e-6 }

// Result is the attack's outcome.
type Result struct {
	Masked    map[Cell]Interval // every masked cell read, with what the attacker proves
	Where     map[Cell][]string // where each masked cell appears
	Recovered []Cell            // masked cells pinned to one value
	// Hidden are the hidden sub-populations pinned to a small value (1 ≤ n < threshold).
	Hidden []Cell
	Values map[Cell]float64 // the value each recovered or hidden cell is pinned to
	// Small are the counts printed with 1 ≤ n < threshold: no attack needed.
	Small []Fact
}

// Leaks are the cells the attack gives away: small counts printed, masked cells
// recovered, small hidden sub-populations pinned.
func (r Result) Leaks() []Cell {
	var out []Cell
	for _, f := range r.Small {
		out = append(out, f.Cell)
	}
	return append(append(out, r.Recovered...), r.Hidden...)
}

// Narrowest is the masked cell with the narrowest interval that is not pinned.
func (r Result) Narrowest() (Cell, Interval, bool) {
	var best Cell
	var bi Interval
	found := false
	for _, c := range sortedCells(r.Masked) {
		i := r.Masked[c]
		if !i.Pinned() && (!found || i.Hi-i.Lo < bi.Hi-bi.Lo) {
			best, bi, found = c, i, true
		}
	}
	return best, bi, found
}

type varKey struct {
	exercice          int
	name, level, code string
}

type ratio struct {
	num, den int     // variables
	lo, hi   float64 // num/den ∈ [lo, hi]
}

type row struct {
	idx []int
	cof []float64
	rhs float64
	sum bool // a sum over territories (one series: solved by elimination)
}

type solver struct {
	k       Knowledge
	vars    map[varKey]int
	lo, hi  []float64
	integer []bool
	rows    []row
	ratios  []ratio
	mls     map[string][]string
	regions []string
	seen    map[Cell]bool      // cells read: true with a value (published or masked), false "n.d."
	reduced map[string][]row   // groups of sums already reduced (eliminate), by groupKey
	summed  map[int]bool       // rates' sides already written as the sum of their cells
	series  map[seriesKey]bool // series read, whose sums over the territories hold
	valued  []bool             // by variable: a fact with a value reads it (while reading is set) or pins it
	reading bool
}

// seriesKey is an indicator (or a hidden side, "ID#num") for an exercice.
type seriesKey struct {
	exercice int
	name     string
}

// uses notes a series read.
func (s *solver) uses(exercice int, name string) { s.series[seriesKey{exercice, name}] = true }

// Attack runs the attack on the facts read.
func Attack(facts []Fact, k Knowledge) Result {
	k, cuts := withBreakdowns(facts, k)
	s := &solver{k: k, vars: map[varKey]int{}, reduced: map[string][]row{}, summed: map[int]bool{}, mls: map[string][]string{}, seen: map[Cell]bool{}, series: map[seriesKey]bool{}}
	for ml, r := range k.Region {
		s.mls[r] = append(s.mls[r], ml)
	}
	for r := range s.mls {
		sort.Strings(s.mls[r])
		s.regions = append(s.regions, r)
	}
	sort.Strings(s.regions)
	for _, f := range facts {
		s.seen[f.Cell] = !f.NA
	}
	res := Result{Masked: map[Cell]Interval{}, Where: map[Cell][]string{}, Values: map[Cell]float64{}}
	masked := map[Cell]bool{}
	rates := map[Cell][2]int{}  // masked rates: their two sides
	shares := map[Cell][2]int{} // shares of people: the rest of the population is a group too
	printed := map[Cell]float64{}
	var changes []Fact // changes of rates: beside one exercice printed, they give the other
	for _, f := range facts {
		if !f.Masked && !f.NA && !f.Cell.Change {
			printed[f.Cell] = f.Value
		}
	}
	for _, f := range facts {
		c := f.Cell
		s.reading = !f.NA
		if f.Masked {
			masked[c] = true
			if w := res.Where[c]; len(w) == 0 || w[len(w)-1] != f.Where {
				res.Where[c] = append(w, f.Where)
			}
		}
		def, ok := k.Defs[c.Indicator]
		if !ok {
			continue
		}
		switch {
		case c.Change && (def.Class == "part" || def.Class == "rapport"):
			if !f.Masked && !f.NA {
				changes = append(changes, f)
			}
		case c.Change:
			if def.Class != "effectif" && def.Class != "montant" {
				continue
			}
			now, before := s.v(c.Exercice, c.Indicator, c.Level, c.Code), s.v(c.Exercice-1, c.Indicator, c.Level, c.Code)
			s.uses(c.Exercice, c.Indicator)
			s.uses(c.Exercice-1, c.Indicator)
			if !f.Masked && !f.NA {
				h := 0.05
				s.ratios = append(s.ratios, ratio{now, before, 1 + (f.Value-h)/100, 1 + (f.Value+h)/100})
			}
		case def.Class == "effectif" || def.Class == "montant":
			x := s.v(c.Exercice, c.Indicator, c.Level, c.Code)
			s.uses(c.Exercice, c.Indicator)
			if !f.Masked && !f.NA {
				s.fix(x, f.Value)
				if def.Class == "effectif" && f.Value >= 1 && f.Value < float64(k.Threshold) {
					res.Small = append(res.Small, f)
				}
			}
		case def.Class == "part" || def.Class == "rapport":
			num, nPrev := s.side(c, def.Num, "num", f)
			den, _ := s.side(c, def.Den, "den", f)
			if num < 0 || den < 0 {
				continue
			}
			if def.Class == "part" {
				shares[c] = [2]int{num, den}
			}
			if f.Masked {
				rates[c] = [2]int{num, den}
				continue
			}
			if f.NA {
				s.fix(den, 0)
				continue
			}
			s.rate(num, den, def, nPrev, f.Value, f.Value)
		}
	}
	s.reading = true
	for _, f := range changes {
		s.change(f, printed)
	}
	s.reading = false
	s.margins(cuts) // a count = Σ the modalités of each of its breakdowns
	// Sums over the territories, for every series read.
	keys := make([]seriesKey, 0, len(s.series))
	for key := range s.series {
		keys = append(keys, key)
	}
	sort.Slice(keys, func(i, j int) bool {
		return keys[i].exercice < keys[j].exercice || keys[i].exercice == keys[j].exercice && keys[i].name < keys[j].name
	})
	for _, key := range keys {
		s.sums(key.exercice, key.name)
	}
	s.run()
	for c := range masked {
		x, ok := s.vars[varKey{c.Exercice, c.Indicator, c.Level, c.Code}]
		if !ok || c.Change {
			continue // a masked rate or change: its sides are what matters
		}
		res.Masked[c] = Interval{s.lo[x], s.hi[x]}
	}
	for _, c := range sortedCells(res.Masked) {
		if res.Masked[c].Pinned() {
			res.Recovered = append(res.Recovered, c)
			res.Values[c] = res.Masked[c].Lo
		}
	}
	for _, c := range sortedCells(rates) { // a masked rate is recovered when both its sides are
		if q := rates[c]; s.known(q[0]) && s.known(q[1]) {
			res.Recovered = append(res.Recovered, c)
		}
	}
	for key, x := range s.vars {
		if strings.Contains(key.name, "#") && s.hi[x]-s.lo[x] < 1e-6 && s.lo[x] >= 1 && s.lo[x] < float64(k.Threshold) {
			c := Cell{key.exercice, key.name, key.level, key.code, false}
			res.Hidden = append(res.Hidden, c)
			res.Values[c] = s.lo[x]
		}
	}
	for _, c := range sortedCells(shares) {
		q := shares[c]
		if rest := s.lo[q[1]] - s.lo[q[0]]; s.known(q[0]) && s.known(q[1]) && rest >= 1 && rest < float64(k.Threshold) {
			h := Cell{c.Exercice, c.Indicator + "#complement", c.Level, c.Code, false}
			res.Hidden, res.Values[h] = append(res.Hidden, h), rest
		}
	}
	sort.Slice(res.Hidden, func(i, j int) bool { return fmt.Sprint(res.Hidden[i]) < fmt.Sprint(res.Hidden[j]) })
	return res
}

// rate narrows a rate's sides from its printed value known to lie in [lo, hi]: the true
// rate is within half a rounding step of it.
func (s *solver) rate(num, den int, def Def, evolution bool, lo, hi float64) {
	h := def.Rounding / 2
	lo, hi = lo-h, hi+h
	if def.Unit == "%" {
		lo, hi = lo/100, hi/100
	}
	if evolution { // (N − N−1)/N−1
		lo, hi = lo+1, hi+1
	}
	s.ratios = append(s.ratios, ratio{num, den, lo, hi})
}

// change reads the change of a rate where one of its two exercices is printed and the
// other is not: a change in points is the difference of the two printed values, a change
// in % (a ratio in euros) their quotient to a tenth of a per cent; so the printed value of
// the other lies in an interval, and so its sides.
func (s *solver) change(f Fact, printed map[Cell]float64) {
	c, def := f.Cell, s.k.Defs[f.Cell.Indicator]
	now, before := c, c
	now.Change, before.Change = false, false
	before.Exercice--
	vNow, okNow := printed[now]
	vBefore, okBefore := printed[before]
	if okNow == okBefore {
		return // both printed: nothing more; neither: the change ties two unknown rates
	}
	target, lo, hi := before, 0.0, 0.0
	switch {
	case def.Unit == "%" && okNow:
		lo, hi = vNow-f.Value, vNow-f.Value
	case def.Unit == "%":
		target, lo, hi = now, vBefore+f.Value, vBefore+f.Value
	case f.Value-0.05 <= -100:
		return // a fall of 100 %: N−1 is any value
	case okNow: // N = N−1 × (1 + change/100), the change rounded to a tenth
		lo, hi = vNow/(1+(f.Value+0.05)/100), vNow/(1+(f.Value-0.05)/100)
	default:
		target, lo, hi = now, vBefore*(1+(f.Value-0.05)/100), vBefore*(1+(f.Value+0.05)/100)
	}
	other := Fact{Cell: target, Masked: true}
	num, nPrev := s.side(target, def.Num, "num", other)
	den, _ := s.side(target, def.Den, "den", other)
	if num >= 0 && den >= 0 {
		s.rate(num, den, def, nPrev, lo, hi)
	}
}

// v is the variable of a series at a territory.
func (s *solver) v(exercice int, name, level, code string) int {
	key := varKey{exercice, name, level, code}
	if x, ok := s.vars[key]; ok {
		s.valued[x] = s.valued[x] || s.reading
		return x
	}
	x := len(s.lo)
	s.vars[key] = x
	s.lo, s.hi = append(s.lo, 0), append(s.hi, math.Inf(1)) // (a lower bound only rises: never negative)
	s.valued = append(s.valued, s.reading)
	ind, side, _ := strings.Cut(name, "#") // an indicator, or "ID#side"
	def := s.k.Defs[ind]
	people := def.Class == "effectif" || side != "" && def.Unit == "%"
	if side != "" && def.Class == "rapport" {
		terms := def.Num
		if side == "den" {
			terms = def.Den
		}
		people = len(terms) == 1 && s.k.Defs[terms[0].ID].Class == "effectif"
	}
	s.integer = append(s.integer, people)
	return x
}

func (s *solver) fix(x int, v float64) {
	s.lo[x], s.hi[x] = math.Max(s.lo[x], v), math.Min(s.hi[x], v)
	s.valued[x] = true // (an n.d. rate pins its denominator to 0: a value read)
}

// side is the variable of a rate's numerator or denominator at the fact's territory
// (-1 when it is not one variable), and whether it is an evolution's N − N−1.
func (s *solver) side(c Cell, terms []sqlfiles.Term, which string, f Fact) (int, bool) {
	if len(terms) == 2 && terms[0].Kind == "cell" && terms[1].Kind == "cell" && terms[1].Previous && terms[1].Sign < 0 {
		s.uses(c.Exercice, terms[0].ID)
		return s.v(c.Exercice, terms[0].ID, c.Level, c.Code), true
	}
	if x, ok := s.sumOfCells(c, terms, which); ok {
		return x, false
	}
	if len(terms) != 1 {
		return -1, false
	}
	t := terms[0]
	switch t.Kind {
	case "cell":
		ex := c.Exercice
		if t.Previous {
			ex--
		}
		s.uses(ex, t.ID)
		return s.v(ex, t.ID, c.Level, c.Code), false
	}
	name := c.Indicator + "#" + which
	s.uses(c.Exercice, name)
	x := s.v(c.Exercice, name, c.Level, c.Code)
	if t.Kind == "part" || t.Kind == "restricted" {
		whole := s.v(c.Exercice, t.ID, c.Level, c.Code)
		s.uses(c.Exercice, t.ID)
		// part ≤ whole: part + gap = whole, gap ≥ 0
		gap := s.v(c.Exercice, name+"gap", c.Level, c.Code)
		s.integer[gap] = s.integer[x]
		s.rows = append(s.rows, row{[]int{x, gap, whole}, []float64{1, 1, -1}, 0, false})
		if t.Kind == "restricted" && c.Level == "ml" && !f.NA && (!f.Masked || s.whole(c)) {
			s.fix(gap, 0) // a mission locale of the subset counts whole
		}
	}
	return x, false
}

// whole tells whether a mission locale where a restricted rate is masked is in the subset
// it is taken over: every indicator it restricts has a value there.
func (s *solver) whole(c Cell) bool {
	def := s.k.Defs[c.Indicator]
	for _, t := range append(append([]sqlfiles.Term{}, def.Num...), def.Den...) {
		if t.Kind == "restricted" && !s.seen[Cell{c.Exercice, t.ID, c.Level, c.Code, false}] {
			return false
		}
	}
	return true
}

// sums adds region = Σ its missions locales and France = Σ regions for a series.
func (s *solver) sums(exercice int, name string) {
	for _, r := range s.regions {
		idx, cof := []int{s.v(exercice, name, "region", r)}, []float64{-1}
		for _, ml := range s.mls[r] {
			idx, cof = append(idx, s.v(exercice, name, "ml", ml)), append(cof, 1)
		}
		s.rows = append(s.rows, row{idx, cof, 0, true})
	}
	idx, cof := []int{s.v(exercice, name, "national", "FR")}, []float64{-1}
	for _, r := range s.regions {
		idx, cof = append(idx, s.v(exercice, name, "region", r)), append(cof, 1)
	}
	s.rows = append(s.rows, row{idx, cof, 0, true})
}

func (s *solver) known(x int) bool { return s.hi[x]-s.lo[x] < 1e-9 }

// run propagates to a fixpoint.
func (s *solver) run() {
	// A ratio is applied again only when the intervals it reads moved: with the same
	// inputs it would give the bounds it already set (enumerating a denominator over up to
	// 100 000 values, for thousands of rates, at each round, cost 26 of 31 s on the half
	// national fixture).
	last := make([][4]float64, len(s.ratios))
	for i := range last {
		last[i] = [4]float64{math.NaN()}
	}
	for iter := 0; iter < 100; iter++ {
		changed := s.eliminate()
		for _, r := range s.rows {
			changed = s.propagate(r) || changed
		}
		for i, q := range s.ratios {
			in := [4]float64{s.lo[q.num], s.hi[q.num], s.lo[q.den], s.hi[q.den]}
			if in == last[i] {
				continue
			}
			last[i] = in
			changed = s.ratio(q) || changed
		}
		if !changed {
			return
		}
	}
}

func (s *solver) set(x int, lo, hi float64) bool {
	if s.integer[x] {
		lo, hi = math.Ceil(lo-1e-7), math.Floor(hi+1e-7)
	}
	changed := false
	if lo > s.lo[x]+1e-9 {
		s.lo[x], changed = lo, true
	}
	if hi < s.hi[x]-1e-9 {
		s.hi[x], changed = hi, true
	}
	if s.lo[x] > s.hi[x] { // inconsistent relation (a rule that does not hold here): keep the tighter side
		s.hi[x] = s.lo[x]
	}
	return changed
}

// propagate narrows each unknown of a row from the others' intervals. The bounds of the
// others' sum are the row's, less the unknown's own term: one pass over the row, then one
// per unknown (a reduced row may hold hundreds of unknowns). Infinite terms are counted
// apart, so that removing one never computes ∞ − ∞.
func (s *solver) propagate(r row) bool {
	var maxSum, minSum float64 // Σ of the finite largest (smallest) values of the terms
	var maxInf, minInf int     // terms whose largest value is +∞ (smallest −∞)
	term := func(j int) (lo, hi float64) {
		c, y := r.cof[j], r.idx[j]
		if c > 0 {
			return c * s.lo[y], c * s.hi[y]
		}
		return c * s.hi[y], c * s.lo[y]
	}
	for j := range r.idx {
		lo, hi := term(j)
		if math.IsInf(hi, 1) {
			maxInf++
		} else {
			maxSum += hi
		}
		if math.IsInf(lo, -1) {
			minInf++
		} else {
			minSum += lo
		}
	}
	changed := false
	for i, x := range r.idx {
		if s.known(x) {
			continue
		}
		tlo, thi := term(i)
		others := func(sum float64, inf int, own float64, ownInf bool, sign float64) float64 {
			if ownInf {
				inf--
			} else {
				sum -= own
			}
			if inf > 0 {
				return math.Inf(int(sign))
			}
			return sum
		}
		// Σ_{j≠i} c_j x_j + c_i x_i = rhs
		lo := r.rhs - others(maxSum, maxInf, thi, math.IsInf(thi, 1), 1)
		hi := r.rhs - others(minSum, minInf, tlo, math.IsInf(tlo, -1), -1)
		c := r.cof[i]
		if c < 0 {
			lo, hi = hi/c, lo/c
		} else {
			lo, hi = lo/c, hi/c
		}
		if !math.IsNaN(lo) && !math.IsNaN(hi) {
			changed = s.set(x, lo, hi) || changed
		}
	}
	return changed
}

// eliminate runs Gaussian elimination on the sums, the known values substituted, and
// pins every unknown a combination isolates; the reduced rows join the propagation. The
// sums of one series share no unknown with another's, so each series is solved apart.
func (s *solver) eliminate() bool {
	// Components of unknowns linked by rows, each solved densely.
	parent := map[int]int{}
	var find func(int) int
	find = func(x int) int {
		p, ok := parent[x]
		if !ok || p == x {
			return x
		}
		r := find(p)
		parent[x] = r
		return r
	}
	var reduced []red
	for _, r := range s.rows {
		if !r.sum {
			continue
		}
		var q red
		q.rhs = r.rhs
		for i, x := range r.idx {
			if s.known(x) {
				q.rhs -= r.cof[i] * s.lo[x]
				continue
			}
			q.idx, q.cof = append(q.idx, x), append(q.cof, r.cof[i])
		}
		if len(q.idx) == 0 {
			continue
		}
		for _, x := range q.idx[1:] {
			if a, b := find(q.idx[0]), find(x); a != b {
				parent[a] = b
			}
		}
		reduced = append(reduced, q)
	}
	groups := map[int][]red{}
	for _, q := range reduced {
		root := find(q.idx[0])
		groups[root] = append(groups[root], q)
	}
	changed := false
	roots := make([]int, 0, len(groups))
	for r := range groups {
		roots = append(roots, r)
	}
	sort.Ints(roots)
	for _, root := range roots {
		g := groups[root]
		key := groupKey(g)
		lines, done := s.reduced[key]
		if !done {
			lines = reduceGroup(g)
			s.reduced[key] = lines
		}
		for _, r := range lines {
			if len(r.idx) == 1 {
				v := r.rhs / r.cof[0]
				changed = s.set(r.idx[0], v, v) || changed
				continue
			}
			changed = s.propagate(r) || changed
		}
	}
	return changed
}

// groupKey identifies a group of reduced sums: their unknowns and right-hand sides (the
// coefficients of a row never change). Between two rounds most groups are the same.
func groupKey(g []red) string {
	b := make([]byte, 0, 64)
	for _, q := range g {
		for k, x := range q.idx {
			b = binary.AppendVarint(b, int64(x))
			b = binary.LittleEndian.AppendUint64(b, math.Float64bits(q.cof[k]))
		}
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(q.rhs))
		b = append(b, 0xff)
	}
	return string(b)
}

// reduceGroup solves a group densely: its rows in reduced row echelon form, each as a row
// over the unknowns it keeps (one unknown: a value pinned).
func reduceGroup(g []red) []row {
	col := map[int]int{}
	var cols []int
	for _, q := range g {
		for _, x := range q.idx {
			if _, ok := col[x]; !ok {
				col[x] = len(cols)
				cols = append(cols, x)
			}
		}
	}
	m := make([][]float64, len(g))
	for i, q := range g {
		m[i] = make([]float64, len(cols)+1)
		for k, x := range q.idx {
			m[i][col[x]] += q.cof[k]
		}
		m[i][len(cols)] = q.rhs
	}
	rref(m)
	var out []row
	for _, line := range m {
		r := row{rhs: line[len(cols)]}
		for j := 0; j < len(cols); j++ {
			if math.Abs(line[j]) > 1e-9 {
				r.idx, r.cof = append(r.idx, cols[j]), append(r.cof, line[j])
			}
		}
		if len(r.idx) > 0 {
			out = append(out, r)
		}
	}
	return out
}

// red is a sum with the known values substituted: over the unknowns left.
type red struct {
	idx []int
	cof []float64
	rhs float64
}

// rref reduces an augmented matrix to reduced row echelon form.
func rref(m [][]float64) {
	if len(m) == 0 {
		return
	}
	n := len(m[0]) - 1
	r := 0
	for c := 0; c < n && r < len(m); c++ {
		p := -1
		for i := r; i < len(m); i++ {
			if math.Abs(m[i][c]) > 1e-9 && (p < 0 || math.Abs(m[i][c]) > math.Abs(m[p][c])) {
				p = i
			}
		}
		if p < 0 {
			continue
		}
		m[r], m[p] = m[p], m[r]
		pv := m[r][c]
		for j := c; j <= n; j++ {
			m[r][j] /= pv
		}
		for i := range m {
			if i != r && math.Abs(m[i][c]) > 1e-12 {
				f := m[i][c]
				for j := c; j <= n; j++ {
					m[i][j] -= f * m[r][j]
				}
			}
		}
		r++
	}
}

// ratio narrows num and den from num/den ∈ [lo, hi], trying every integer denominator
// when there are few.
func (s *solver) ratio(q ratio) bool {
	n, d := q.num, q.den
	if s.known(n) && s.known(d) {
		return false
	}
	dlo, dhi := math.Max(s.lo[d], 0), s.hi[d]
	if s.integer[d] && !math.IsInf(dhi, 1) && dhi-dlo <= 100000 {
		// the numerators a denominator allows, integers if the numerator is one
		nums := func(den float64) (a, b float64, ok bool) {
			if den == 0 {
				return 0, 0, false
			}
			a, b = math.Max(q.lo*den, s.lo[n]), math.Min(q.hi*den, s.hi[n])
			if s.integer[n] {
				a, b = math.Ceil(a-1e-9), math.Floor(b+1e-9)
			}
			return a, b, a <= b+1e-9
		}
		// Both bounds of the numerators grow with the denominator (the lower one is at
		// least s.lo[n] ≥ 0): the smallest and largest denominators allowed give the
		// extreme numerators.
		first, last := math.Inf(1), math.Inf(-1)
		nfirst, nlast := math.Inf(1), math.Inf(-1)
		for den := math.Ceil(dlo); den <= dhi; den++ {
			if a, _, ok := nums(den); ok {
				first, nfirst = den, a
				break
			}
		}
		for den := math.Floor(dhi); den >= first; den-- {
			if _, b, ok := nums(den); ok {
				last, nlast = den, b
				break
			}
		}
		if math.IsInf(first, 1) {
			return false
		}
		cd := s.set(d, first, last)
		return s.set(n, nfirst, nlast) || cd
	}
	changed := false
	if q.lo > 0 {
		changed = s.set(d, s.lo[n]/q.hi, s.hi[n]/q.lo) || changed
	}
	changed = s.set(n, q.lo*dlo, q.hi*dhi) || changed
	return changed
}

func sortedCells[V any](m map[Cell]V) []Cell {
	out := make([]Cell, 0, len(m))
	for c := range m {
		out = append(out, c)
	}
	keys := make(map[Cell]string, len(out)) // the order of their printed form, each printed once
	for _, c := range out {
		keys[c] = fmt.Sprint(c)
	}
	sort.Slice(out, func(i, j int) bool { return keys[out[i]] < keys[out[j]] })
	return out
}

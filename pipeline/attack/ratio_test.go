package attack

import (
	"math"
	"math/rand"
	"testing"
)

// TestRatioBounds checks the narrowing of a ratio's sides against trying every integer
// denominator, on random intervals (the ratio reads only the smallest and largest
// denominators allowed, the lower bounds of the solver never being negative).
func TestRatioBounds(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for trial := 0; trial < 20000; trial++ {
		s := &solver{}
		n, d := 0, 1
		nlo := float64(rng.Intn(50))
		nhi := nlo + float64(rng.Intn(200))
		if rng.Intn(5) == 0 {
			nhi = math.Inf(1)
		}
		dlo := float64(rng.Intn(40))
		dhi := dlo + float64(rng.Intn(300))
		s.lo, s.hi = []float64{nlo, dlo}, []float64{nhi, dhi}
		s.integer = []bool{rng.Intn(4) != 0, true}
		lo := rng.Float64() * 1.5
		if rng.Intn(6) == 0 {
			lo = -rng.Float64()
		}
		q := ratio{n, d, lo, lo + rng.Float64()*0.05}
		want := bruteRatio(s, q)
		s.ratio(q)
		got := [4]float64{s.lo[n], s.hi[n], s.lo[d], s.hi[d]}
		if got != want {
			t.Fatalf("trial %d: num ∈ [%g, %g], den ∈ [%g, %g], ratio ∈ [%g, %g]: got %v, want %v",
				trial, nlo, nhi, dlo, dhi, q.lo, q.hi, got, want)
		}
	}
}

// bruteRatio is the bounds every integer denominator gives, on a copy of the solver.
func bruteRatio(s *solver, q ratio) [4]float64 {
	c := &solver{lo: append([]float64{}, s.lo...), hi: append([]float64{}, s.hi...), integer: s.integer}
	n, d := q.num, q.den
	first, last, nfirst, nlast := math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	for den := math.Ceil(math.Max(c.lo[d], 0)); den <= c.hi[d]; den++ {
		if den == 0 {
			continue
		}
		a, b := math.Max(q.lo*den, c.lo[n]), math.Min(q.hi*den, c.hi[n])
		if c.integer[n] {
			a, b = math.Ceil(a-1e-9), math.Floor(b+1e-9)
		}
		if a > b+1e-9 {
			continue
		}
		first, last = math.Min(first, den), math.Max(last, den)
		nfirst, nlast = math.Min(nfirst, a), math.Max(nlast, b)
	}
	if !math.IsInf(first, 1) {
		c.set(d, first, last)
		c.set(n, nfirst, nlast)
	}
	return [4]float64{c.lo[n], c.hi[n], c.lo[d], c.hi[d]}
}

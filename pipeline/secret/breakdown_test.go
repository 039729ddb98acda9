package secret_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"bilan/pipeline/attack"
	"bilan/pipeline/secret"
	sqlfiles "bilan/sql"
)

// dims are the two dimensions the breakdown tests publish, as ref_modalites orders them
// (the last modalité of each is « inconnu »).
var dims = map[string][]string{
	"sexe_age":         {"F", "H", "inconnu"},
	"niveau_formation": {"infra_V", "V", "inconnu"},
}

// broken is a count "N" by region → ML, with its breakdown by each dimension of dims at
// every mission locale (values in the order of the modalités; regions and France are the
// sums), all published: the indicator's table, and one table per dimension.
type broken map[string]map[string]map[string][]float64 // region → ML → dimension → values

func (w broken) input() secret.Input {
	in := secret.Input{Threshold: 11, Values: map[secret.Key]secret.Value{}, Region: map[string]string{}, Departement: map[string]string{},
		Defs: map[string]secret.Def{"N": {Class: "effectif"}}, Dimensions: dims}
	put := func(name, level, code string, v float64) {
		in.Values[secret.Key{Exercice: 2016, Indicator: name, Level: level, Code: code}] = secret.Value{V: f(v)}
		in.Published = append(in.Published, secret.Cell{Exercice: 2016, Indicator: name, Level: level, Code: code})
	}
	// sums[name] at one territory
	total := map[string]float64{}
	for _, r := range sorted(w) {
		region := map[string]float64{}
		for _, ml := range sorted(w[r]) {
			in.Region[ml] = r
			n := 0.0
			for _, v := range w[r][ml]["sexe_age"] {
				n += v
			}
			at := map[string]float64{"N": n}
			for _, d := range sorted(dims) {
				for i, m := range dims[d] {
					at[secret.Breakdown("N", d, m)] = w[r][ml][d][i]
				}
			}
			for _, name := range sorted(at) {
				put(name, "ml", ml, at[name])
				region[name] += at[name]
			}
		}
		for _, name := range sorted(region) {
			put(name, "region", r, region[name])
			total[name] += region[name]
		}
	}
	for _, name := range sorted(total) {
		put(name, "national", "FR", total[name])
	}
	return in
}

func breakdownKnowledge(in secret.Input) attack.Knowledge {
	k := knowledge(in)
	k.Dimensions = in.Dimensions
	return k
}

func smallMasks(in secret.Input) map[secret.Cell]secret.Status {
	out := map[secret.Cell]secret.Status{}
	for _, c := range in.Published {
		if v := *in.Values[secret.Key{Exercice: c.Exercice, Indicator: c.Indicator, Level: c.Level, Code: c.Code}].V; v >= 1 && v < 11 {
			out[c] = secret.Primary
		}
	}
	return out
}

// Masking only the small breakdown cells gives them away: the 8 men of A are the 33 of
// the region less the 25 of B; and a niveau masked alone is its total less the others. Once
// the breakdown cells are in the system with their totals, the attacker recovers nothing.
func TestBreakdownDifferences(t *testing.T) {
	w := broken{
		"53": {
			"A": {"sexe_age": {30, 8, 2}, "niveau_formation": {25, 15, 0}},
			"B": {"sexe_age": {25, 25, 0}, "niveau_formation": {20, 27, 3}},
		},
		"94": {
			"C": {"sexe_age": {30, 29, 1}, "niveau_formation": {30, 30, 0}},
			"D": {"sexe_age": {40, 40, 0}, "niveau_formation": {35, 45, 0}},
		},
	}
	in := w.input()
	naive := smallMasks(in)
	before := attack.Attack(published(in, naive), breakdownKnowledge(in))
	hA := attack.Cell{Exercice: 2016, Indicator: secret.Breakdown("N", "sexe_age", "H"), Level: "ml", Code: "A"}
	if iv, ok := before.Masked[hA]; !ok || !iv.Pinned() {
		t.Fatalf("the attacker does not recover the men of A (%v, read %v) under the naive masks: %v", iv, ok, before.Recovered)
	}
	res := apply(t, in)
	after := attack.Attack(published(in, res.Masked), breakdownKnowledge(in))
	if len(after.Recovered)+len(after.Hidden)+len(after.Small) > 0 {
		t.Errorf("recovered %v %v under masks %v", after.Recovered, after.Hidden, res.Masked)
	}
	for c := range naive {
		if res.Masked[c] != secret.Primary {
			t.Errorf("small cell %v not primary: %v", c, res.Masked[c])
		}
	}
	if res.Secondary == 0 {
		t.Errorf("no secondary mask: %v", res.Masked)
	}
}

// A total is masked (a small ML) while its modalités are published: their sum gives it
// away unless one of them is masked too, in each dimension.
func TestBreakdownOfASmallTotal(t *testing.T) {
	w := broken{
		"53": {
			"A": {"sexe_age": {4, 3, 0}, "niveau_formation": {0, 7, 0}},
			"B": {"sexe_age": {25, 25, 0}, "niveau_formation": {20, 27, 3}},
			"E": {"sexe_age": {30, 35, 0}, "niveau_formation": {40, 25, 0}},
		},
	}
	in := w.input()
	res := apply(t, in)
	after := attack.Attack(published(in, res.Masked), breakdownKnowledge(in))
	if len(after.Recovered)+len(after.Hidden)+len(after.Small) > 0 {
		t.Errorf("recovered %v %v under masks %v", after.Recovered, after.Hidden, res.Masked)
	}
	if res.Masked[secret.Cell{Exercice: 2016, Indicator: "N", Level: "ml", Code: "A"}] != secret.Primary {
		t.Errorf("A (7) not primary: %v", res.Masked)
	}
}

// Property: over random hierarchies with two breakdowns of every count, the attacker
// recovers nothing once the suppression has run, though masking the small cells alone
// often leaks.
func TestBreakdownRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(18, 2016))
	leakedBefore := 0
	for trial := 0; trial < 120; trial++ {
		w := broken{}
		for r := 0; r < 1+rng.IntN(3); r++ {
			code := fmt.Sprintf("R%d", r)
			w[code] = map[string]map[string][]float64{}
			for m := 0; m < 1+rng.IntN(4); m++ {
				ml := map[string][]float64{}
				n := 0.0
				var sa []float64
				for range dims["sexe_age"] {
					v := float64(rng.IntN(30))
					if rng.IntN(3) == 0 {
						v = float64(rng.IntN(11))
					}
					sa, n = append(sa, v), n+v
				}
				// niveau: a random split of the same total
				var nv []float64
				left := n
				for i := range dims["niveau_formation"] {
					v := left
					if i < len(dims["niveau_formation"])-1 {
						v = float64(rng.IntN(int(left) + 1))
					}
					nv, left = append(nv, v), left-v
				}
				ml["sexe_age"], ml["niveau_formation"] = sa, nv
				w[code][fmt.Sprintf("%s-%d", code, m)] = ml
			}
		}
		in := w.input()
		if r := attack.Attack(published(in, smallMasks(in)), breakdownKnowledge(in)); len(r.Recovered) > 0 {
			leakedBefore++
		}
		res := apply(t, in)
		if r := attack.Attack(published(in, res.Masked), breakdownKnowledge(in)); len(r.Recovered)+len(r.Hidden)+len(r.Small) > 0 {
			t.Fatalf("trial %d: %v %v recovered from %v under masks %v", trial, r.Recovered, r.Hidden, w, res.Masked)
		}
	}
	if leakedBefore == 0 {
		t.Error("small masks alone never leaked: the property checks nothing")
	}
	t.Logf("small masks alone leaked in %d of 120 trials", leakedBefore)
}

// withShare adds to the breakdowns the share of women "P", published at every territory
// with its numerator and denominator: the women among the youths of known sexe. linked
// says whether its definition names its sources in the breakdown cells (as
// JEU_PA_FEMMES_PCT does) or as a count of its own.
func withShare(in secret.Input, linked bool) secret.Input {
	f := secret.Breakdown("N", "sexe_age", "F")
	def := secret.Def{Class: "part", Num: []sqlfiles.Term{{Sign: 1, Kind: "own"}}, Den: []sqlfiles.Term{{Sign: 1, Kind: "part", ID: "N"}}}
	if linked {
		def = secret.Def{Class: "part", Num: []sqlfiles.Term{{Sign: 1, Kind: "cell", ID: f}},
			Den: []sqlfiles.Term{{Sign: 1, Kind: "cell", ID: "N"}, {Sign: -1, Kind: "cell", ID: secret.Breakdown("N", "sexe_age", "inconnu")}}}
	}
	in.Defs = map[string]secret.Def{"N": in.Defs["N"], "P": def}
	var shares []secret.Cell
	for _, c := range in.Published {
		if c.Indicator != "N" {
			continue
		}
		at := func(name string) float64 {
			return *in.Values[secret.Key{Exercice: 2016, Indicator: name, Level: c.Level, Code: c.Code}].V
		}
		num, den := at(f), at("N")-at(secret.Breakdown("N", "sexe_age", "inconnu"))
		v := secret.Value{Num: &num, Den: &den}
		if den > 0 {
			v.V = ptrTo(float64(int(num/den*1000+0.5)) / 10)
		}
		in.Values[secret.Key{Exercice: 2016, Indicator: "P", Level: c.Level, Code: c.Code}] = v
		shares = append(shares, secret.Cell{Exercice: 2016, Indicator: "P", Level: c.Level, Code: c.Code})
	}
	in.Published = append(in.Published, shares...)
	return in
}

func ptrTo(v float64) *float64 { return &v }

// A share of women published beside the breakdown by sexe gives its numerator and
// denominator away (a rounded rate on a small population pins both): the 5 men of A
// (masked), beside 15 women masked with them, are 20 − 75,0 % × 20. Masks decided as if the
// share were a count of its own leak; with its sources named in the breakdown cells, the
// share is masked too.
func TestBreakdownShare(t *testing.T) {
	w := broken{
		"53": {
			"A": {"sexe_age": {15, 5, 0}, "niveau_formation": {10, 10, 0}},
			"B": {"sexe_age": {25, 25, 0}, "niveau_formation": {20, 27, 3}},
			"E": {"sexe_age": {30, 35, 0}, "niveau_formation": {40, 25, 0}},
		},
	}
	linked := withShare(w.input(), true)
	k := breakdownKnowledge(linked)
	blind := apply(t, withShare(w.input(), false))
	men := attack.Cell{Exercice: 2016, Indicator: secret.Breakdown("N", "sexe_age", "H"), Level: "ml", Code: "A"}
	before := attack.Attack(published(linked, blind.Masked), k)
	if iv, ok := before.Masked[men]; !ok || !iv.Pinned() {
		t.Fatalf("under masks blind to the share's sources %v, the attacker does not recover the men of A: %v %v", blind.Masked, iv, ok)
	}
	res := apply(t, linked)
	after := attack.Attack(published(linked, res.Masked), k)
	if len(after.Recovered)+len(after.Hidden)+len(after.Small) > 0 {
		t.Errorf("recovered %v %v under masks %v", after.Recovered, after.Hidden, res.Masked)
	}
	if _, ok := res.Masked[secret.Cell{Exercice: 2016, Indicator: "P", Level: "ml", Code: "A"}]; !ok {
		t.Errorf("the share of A is published: %v", res.Masked)
	}
}

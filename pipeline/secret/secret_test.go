package secret_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"testing"

	"bilan/pipeline/attack"
	"bilan/pipeline/secret"
	sqlfiles "bilan/sql"
)

func f(v float64) *float64 { return &v }

// world is a hand-built set of counts: indicator "N" (an additive count) by region → ML.
type world struct {
	regions map[string]map[string]float64
	rates   map[string]float64 // ML → minors among N's first receptions ("P" share, numerator own, denominator part of N)
}

func (w world) input() secret.Input {
	in := secret.Input{Threshold: 11, Values: map[secret.Key]secret.Value{}, Region: map[string]string{}, Departement: map[string]string{},
		Defs: map[string]secret.Def{"N": {Class: "effectif"}}}
	if w.rates != nil {
		in.Defs["P"] = secret.Def{Class: "part", Num: []sqlfiles.Term{{Sign: 1, Kind: "own"}},
			Den: []sqlfiles.Term{{Sign: 1, Kind: "part", ID: "N"}}}
	}
	total, totalNum := 0.0, 0.0
	put := func(level, code string, n, num float64) {
		in.Values[secret.Key{Exercice: 2016, Indicator: "N", Level: level, Code: code}] = secret.Value{V: f(n)}
		in.Published = append(in.Published, secret.Cell{Exercice: 2016, Indicator: "N", Level: level, Code: code})
		if w.rates != nil {
			var v *float64
			if n > 0 {
				v = f(float64(int(num/n*1000+0.5)) / 10)
			}
			in.Values[secret.Key{Exercice: 2016, Indicator: "P", Level: level, Code: code}] = secret.Value{V: v, Num: f(num), Den: f(n)}
			in.Published = append(in.Published, secret.Cell{Exercice: 2016, Indicator: "P", Level: level, Code: code})
		}
	}
	for _, r := range sorted(w.regions) {
		sum, sumNum := 0.0, 0.0
		for _, ml := range sorted(w.regions[r]) {
			n := w.regions[r][ml]
			put("ml", ml, n, w.rates[ml])
			in.Region[ml] = r
			sum, sumNum = sum+n, sumNum+w.rates[ml]
		}
		put("region", r, sum, sumNum)
		total, totalNum = total+sum, totalNum+sumNum
	}
	put("national", "FR", total, totalNum)
	return in
}

func sorted[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// published reads the input as the attacker would read the packs: every value, masked
// cells as "[s]".
func published(in secret.Input, masked map[secret.Cell]secret.Status) []attack.Fact {
	var out []attack.Fact
	for _, c := range in.Published {
		v := in.Values[secret.Key{Exercice: c.Exercice, Indicator: c.Indicator, Level: c.Level, Code: c.Code}].V
		fact := attack.Fact{Cell: attack.Cell{Exercice: c.Exercice, Indicator: c.Indicator, Level: c.Level, Code: c.Code}}
		switch _, m := masked[c]; {
		case m:
			fact.Masked = true
		case v == nil:
			fact.NA = true
		default:
			fact.Value = *v
		}
		out = append(out, fact)
	}
	return out
}

func knowledge(in secret.Input) attack.Knowledge {
	k := attack.Knowledge{Threshold: in.Threshold, Region: in.Region, Defs: map[string]attack.Def{}}
	for id, d := range in.Defs {
		unit := "jeunes"
		if d.Class == "part" {
			unit = "%"
		}
		k.Defs[id] = attack.Def{Class: d.Class, Unit: unit, Num: d.Num, Den: d.Den, Rounding: 0.1}
	}
	return k
}

func apply(t *testing.T, in secret.Input) secret.Result {
	t.Helper()
	res, err := secret.Apply(in)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// A single masked mission locale would be recovered as region − the others: the
// suppression masks the smallest other one (zeros are published).
func TestSecondaryOnARow(t *testing.T) {
	in := world{regions: map[string]map[string]float64{"53": {"A": 5, "B": 40, "C": 50, "D": 0}, "94": {"E": 30, "F": 31}}}.input()
	res := apply(t, in)
	want := map[secret.Cell]secret.Status{{Exercice: 2016, Indicator: "N", Level: "ml", Code: "A"}: secret.Primary,
		{Exercice: 2016, Indicator: "N", Level: "ml", Code: "B"}: secret.Secondary}
	if fmt.Sprint(res.Masked) != fmt.Sprint(want) {
		t.Errorf("masks %v, want %v", res.Masked, want)
	}
}

// Linked through France: a region with one small mission locale hides a second one; a
// region that is itself small forces another region, and one of that region's missions
// locales, so that France − the published regions pins nothing.
func TestLinkedTables(t *testing.T) {
	in := world{regions: map[string]map[string]float64{
		"R1": {"a": 30, "b": 40},
		"R2": {"c": 5, "d": 4},
		"R3": {"e": 100, "f": 20},
	}}.input()
	res := apply(t, in)
	r := attack.Attack(published(in, res.Masked), knowledge(in))
	if len(r.Recovered) > 0 {
		t.Errorf("recovered %v under masks %v", r.Recovered, res.Masked)
	}
	for _, c := range []string{"c", "d"} {
		if res.Masked[secret.Cell{Exercice: 2016, Indicator: "N", Level: "ml", Code: c}] != secret.Primary {
			t.Errorf("%s not primary: %v", c, res.Masked)
		}
	}
	if res.Masked[secret.Cell{Exercice: 2016, Indicator: "N", Level: "region", Code: "R2"}] != secret.Primary {
		t.Errorf("R2 (9) not primary")
	}
	if res.Secondary < 2 {
		t.Errorf("%d secondary cells: France − R1 − R3 would give R2", res.Secondary)
	}
}

// The second attack: Guadeloupe's 54 first receptions, 50 at Les Abymes and 4 at
// Saint-Martin, 13 and 1 minors. Publishing the share of minors at Les Abymes (26,0 %)
// pins its denominator to 50 (the only one ≤ 54 that fits), hence Saint-Martin's 4. The
// attacker finds it when only the primary cells are masked; after suppression, nothing.
func TestRoundedShare(t *testing.T) {
	w := world{regions: map[string]map[string]float64{"01": {"97101": 50, "97801": 4}, "53": {"x": 300, "y": 200}},
		rates: map[string]float64{"97101": 13, "97801": 1, "x": 40, "y": 30}}
	in := w.input()
	naive := map[secret.Cell]secret.Status{}
	for _, c := range in.Published {
		v := in.Values[secret.Key{Exercice: c.Exercice, Indicator: c.Indicator, Level: c.Level, Code: c.Code}]
		if c.Indicator == "N" && *v.V < 11 || c.Indicator == "P" && *v.Den < 11 {
			naive[c] = secret.Primary
		}
	}
	naive[secret.Cell{Exercice: 2016, Indicator: "N", Level: "ml", Code: "97101"}] = secret.Secondary // the line rule
	before := attack.Attack(published(in, naive), knowledge(in))
	if len(before.Recovered)+len(before.Hidden) == 0 {
		t.Fatalf("the attacker recovers nothing from the naive masks %v", naive)
	}
	res := apply(t, in)
	after := attack.Attack(published(in, res.Masked), knowledge(in))
	if len(after.Recovered)+len(after.Hidden) > 0 {
		t.Errorf("recovered %v %v under masks %v", after.Recovered, after.Hidden, res.Masked)
	}
	if _, ok := res.Masked[secret.Cell{Exercice: 2016, Indicator: "P", Level: "ml", Code: "97101"}]; !ok {
		t.Errorf("the share of Les Abymes is published: %v", res.Masked)
	}
}

// Property: over random hierarchies of small counts, the attacker recovers nothing once
// the suppression has run, though with only the primary cells masked it often does.
func TestNothingRecoveredRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(14, 2016))
	leakedBefore := 0
	for trial := 0; trial < 200; trial++ {
		w := world{regions: map[string]map[string]float64{}}
		for r := 0; r < 1+rng.IntN(4); r++ {
			code := fmt.Sprintf("R%d", r)
			w.regions[code] = map[string]float64{}
			for m := 0; m < 1+rng.IntN(5); m++ {
				n := float64(rng.IntN(40))
				if rng.IntN(3) == 0 {
					n = float64(rng.IntN(11))
				}
				w.regions[code][fmt.Sprintf("%s-%d", code, m)] = n
			}
		}
		in := w.input()
		primary := map[secret.Cell]secret.Status{}
		for _, c := range in.Published {
			if v := *in.Values[secret.Key{Exercice: c.Exercice, Indicator: c.Indicator, Level: c.Level, Code: c.Code}].V; v >= 1 && v < 11 {
				primary[c] = secret.Primary
			}
		}
		if r := attack.Attack(published(in, primary), knowledge(in)); len(r.Recovered) > 0 {
			leakedBefore++
		}
		res := apply(t, in)
		if r := attack.Attack(published(in, res.Masked), knowledge(in)); len(r.Recovered) > 0 {
			t.Fatalf("trial %d: %v recovered from %v under masks %v", trial, r.Recovered, w.regions, res.Masked)
		}
		for c := range primary {
			if res.Masked[c] != secret.Primary {
				t.Fatalf("trial %d: primary cell %v published", trial, c)
			}
		}
	}
	if leakedBefore == 0 {
		t.Error("primary masks alone never leaked: the property checks nothing")
	}
	t.Logf("primary masks alone leaked in %d of 200 trials", leakedBefore)
}

func TestThreshold(t *testing.T) {
	in := world{regions: map[string]map[string]float64{"53": {"A": 5}}}.input()
	in.Threshold = 4
	if _, err := secret.Apply(in); err != secret.ErrThreshold {
		t.Errorf("threshold 4: %v", err)
	}
}

// Last year's packs printed this year's N−1: there, b (40) was printed and c (50) masked
// beside the primary a (5). Deciding alone, this year would mask b, the smallest, and
// print c: a reader holding both packs gets a = region − b − c. With the earlier
// publication in the input, b stays public and c masked.
func TestEarlierPublication(t *testing.T) {
	in := world{regions: map[string]map[string]float64{"53": {"a": 5, "b": 40, "c": 50}, "94": {"d": 30, "e": 31}}}.input()
	cell := func(code string) secret.Cell {
		return secret.Cell{Exercice: 2016, Indicator: "N", Level: "ml", Code: code}
	}
	alone := apply(t, in)
	if _, ok := alone.Masked[cell("b")]; !ok {
		t.Fatalf("alone, b is not the cell masked (%v): the case proves nothing", alone.Masked)
	}
	in.Earlier = map[secret.Cell]bool{cell("a"): false, cell("b"): true, cell("c"): false}
	res := apply(t, in)
	want := map[secret.Cell]secret.Status{cell("a"): secret.Primary, cell("c"): secret.Secondary}
	if fmt.Sprint(res.Masked) != fmt.Sprint(want) {
		t.Errorf("masks %v, want %v", res.Masked, want)
	}
	// Both publications read together: a is recovered from the masks decided alone, not
	// from those that kept last year's.
	lastYear := published(in, map[secret.Cell]secret.Status{cell("a"): secret.Primary, cell("c"): secret.Secondary})
	a := attack.Cell{Exercice: 2016, Indicator: "N", Level: "ml", Code: "a"}
	if r := attack.Attack(append(published(in, alone.Masked), lastYear...), knowledge(in)); !r.Masked[a].Pinned() {
		t.Errorf("a not recovered from both years under the masks decided alone %v: %v", alone.Masked, r.Masked[a])
	}
	if r := attack.Attack(append(published(in, res.Masked), lastYear...), knowledge(in)); len(r.Recovered) > 0 {
		t.Errorf("recovered %v", r.Recovered)
	}
}

// A change in points of a share publishes the share of both exercices: where 2015's share
// of women is masked at a mission locale (4 of 9 first receptions), the change beside its
// published 2016 share is masked too (printed, it would give 2015's 44,4 %); France's,
// both shares published, is published. The attacker, changes read, recovers nothing.
func TestChangeOfShare(t *testing.T) {
	in := secret.Input{Threshold: 11, Values: map[secret.Key]secret.Value{}, Region: map[string]string{"a": "R", "b": "R"},
		Departement: map[string]string{}, Defs: map[string]secret.Def{"N": {Class: "effectif"},
			"P": {Class: "part", Num: []sqlfiles.Term{{Sign: 1, Kind: "own"}}, Den: []sqlfiles.Term{{Sign: 1, Kind: "part", ID: "N"}}}}}
	counts := map[int]map[string][2]float64{ // exercice → territory → first receptions, women
		2015: {"a": {9, 4}, "b": {40, 20}}, 2016: {"a": {30, 15}, "b": {45, 20}}}
	level := map[string]string{"a": "ml", "b": "ml", "R": "region", "FR": "national"}
	rate := func(num, den float64) *float64 { return f(math.Round(num/den*1000) / 10) }
	for e, byML := range counts {
		sum := [2]float64{}
		for _, ml := range []string{"a", "b"} {
			c := byML[ml]
			in.Values[secret.Key{Exercice: e, Indicator: "N", Level: "ml", Code: ml}] = secret.Value{V: f(c[0])}
			in.Values[secret.Key{Exercice: e, Indicator: "P", Level: "ml", Code: ml}] = secret.Value{V: rate(c[1], c[0]), Num: f(c[1]), Den: f(c[0])}
			sum = [2]float64{sum[0] + c[0], sum[1] + c[1]}
		}
		for _, code := range []string{"R", "FR"} {
			in.Values[secret.Key{Exercice: e, Indicator: "N", Level: level[code], Code: code}] = secret.Value{V: f(sum[0])}
			in.Values[secret.Key{Exercice: e, Indicator: "P", Level: level[code], Code: code}] = secret.Value{V: rate(sum[1], sum[0]), Num: f(sum[1]), Den: f(sum[0])}
		}
	}
	for _, code := range []string{"a", "b", "R", "FR"} {
		for _, e := range []int{2015, 2016} {
			for _, ind := range []string{"N", "P"} {
				in.Published = append(in.Published, secret.Cell{Exercice: e, Indicator: ind, Level: level[code], Code: code})
			}
		}
		in.Published = append(in.Published, secret.Cell{Exercice: 2016, Indicator: "P", Level: level[code], Code: code, Change: true})
	}
	res := apply(t, in)
	change := secret.Cell{Exercice: 2016, Indicator: "P", Level: "ml", Code: "a", Change: true}
	if _, ok := res.Masked[change]; !ok {
		t.Fatalf("the change at a is published: %v", res.Masked)
	}
	facts := func(masked map[secret.Cell]secret.Status) []attack.Fact {
		var out []attack.Fact
		for _, fact := range published(in, masked) {
			c := fact.Cell
			if !c.Change || fact.Masked {
				out = append(out, fact)
				continue
			}
			now := *in.Values[secret.Key{Exercice: 2016, Indicator: "P", Level: c.Level, Code: c.Code}].V
			before := *in.Values[secret.Key{Exercice: 2015, Indicator: "P", Level: c.Level, Code: c.Code}].V
			fact.Value = math.Round((now-before)*10) / 10
			out = append(out, fact)
		}
		return out
	}
	k := knowledge(in)
	if r := attack.Attack(facts(res.Masked), k); len(r.Recovered)+len(r.Hidden) > 0 {
		t.Errorf("recovered %v %v under masks %v", r.Recovered, r.Hidden, res.Masked)
	}
	if _, ok := res.Masked[secret.Cell{Exercice: 2016, Indicator: "P", Level: "national", Code: "FR", Change: true}]; ok {
		t.Errorf("France's change is masked, both its shares published: %v", res.Masked)
	}
}

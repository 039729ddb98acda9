package secret

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func f(v float64) *float64 { return &v }
func i(v int64) *int64     { return &v }

// table builds the values of one counted indicator "N" from region → ML → value, with
// the region and France totals, and the groups linking them.
func table(regions map[string]map[string]float64) Input {
	in := Input{Threshold: 11, Indicators: map[string]Indicator{"N": {Class: "effectif"}}, Values: map[Cell]Value{}}
	france := Group{Level: "national", Total: "FR", PartLevel: "region"}
	total := 0.0
	for _, r := range sortedKeys(regions) {
		sum := 0.0
		g := Group{Level: "region", Total: r, PartLevel: "ml"}
		for _, ml := range sortedKeys(regions[r]) {
			v := regions[r][ml]
			in.Values[Cell{"N", "ml", ml}] = Value{V: f(v)}
			g.Parts = append(g.Parts, ml)
			sum += v
		}
		in.Values[Cell{"N", "region", r}] = Value{V: f(sum)}
		in.Groups = append(in.Groups, g)
		france.Parts = append(france.Parts, r)
		total += sum
	}
	in.Values[Cell{"N", "national", "FR"}] = Value{V: f(total)}
	in.Groups = append(in.Groups, france)
	return in
}

func sortedKeys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	for a := range out {
		for b := a + 1; b < len(out); b++ {
			if out[b] < out[a] {
				out[a], out[b] = out[b], out[a]
			}
		}
	}
	return out
}

// A single masked mission locale would be recovered as region − the others: a naive
// one-pass rule leaks it; the secondary rule masks the smallest other one.
func TestSecondaryOnARow(t *testing.T) {
	in := table(map[string]map[string]float64{"53": {"A": 5, "B": 40, "C": 50, "D": 0}})
	got, err := Apply(in)
	if err != nil {
		t.Fatal(err)
	}
	want := map[Cell]string{{"N", "ml", "A"}: Primary, {"N", "ml", "B"}: Secondary}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("masks (-want +got):\n%s", diff)
	}
}

// A chain across linked tables: a small region masked in the France table forces the
// smallest other region, which then forces one of its missions locales in its own table.
func TestSecondaryChainAcrossTables(t *testing.T) {
	in := table(map[string]map[string]float64{
		"R1": {"a": 30, "b": 40},
		"R2": {"c": 5, "d": 4},
		"R3": {"e": 100},
	})
	got, err := Apply(in)
	if err != nil {
		t.Fatal(err)
	}
	want := map[Cell]string{
		{"N", "ml", "c"}: Primary, {"N", "ml", "d"}: Primary, {"N", "region", "R2"}: Primary,
		{"N", "region", "R1"}: Secondary, {"N", "ml", "a"}: Secondary,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("masks (-want +got):\n%s", diff)
	}
}

// Ties go to the lowest code; zero is published and never chosen.
func TestTiesAndZero(t *testing.T) {
	in := table(map[string]map[string]float64{"53": {"A": 3, "B": 0, "C": 20, "D": 20, "E": 25}})
	got, _ := Apply(in)
	if got[Cell{"N", "ml", "C"}] != Secondary || got[Cell{"N", "ml", "D"}] != "" || got[Cell{"N", "ml", "B"}] != "" {
		t.Errorf("masks %v", got)
	}
}

func TestRates(t *testing.T) {
	in := table(map[string]map[string]float64{"53": {"A": 5, "B": 40, "C": 50}})
	in.Indicators["P"] = Indicator{Class: "part"}
	in.Indicators["R"] = Indicator{Class: "rapport", Derive: []string{"N"}}
	in.Indicators["S"] = Indicator{Class: "aucun"}
	in.Values[Cell{"P", "ml", "C"}] = Value{V: f(12.5), Num: i(4), Den: i(32)} // 4 of 32: masked
	in.Values[Cell{"P", "ml", "B"}] = Value{V: f(0), Num: i(0), Den: i(32)}    // 0 of 32: published
	in.Values[Cell{"R", "ml", "B"}] = Value{V: f(5), Num: i(2), Den: i(40)}    // B is masked by the secondary rule
	in.Values[Cell{"R", "ml", "C"}] = Value{V: f(5), Num: i(2), Den: i(50)}
	in.Values[Cell{"S", "ml", "A"}] = Value{V: f(3)} // amounts and structures are never masked
	got, _ := Apply(in)
	for c, want := range map[Cell]string{{"P", "ml", "C"}: Derived, {"P", "ml", "B"}: "", {"R", "ml", "B"}: Derived, {"R", "ml", "C"}: "", {"S", "ml", "A"}: ""} {
		if got[c] != want {
			t.Errorf("%v: %q, want %q", c, got[c], want)
		}
	}
}

func TestThreshold(t *testing.T) {
	in := table(map[string]map[string]float64{"53": {"A": 5}})
	in.Threshold = 4
	if _, err := Apply(in); !errors.Is(err, ErrThreshold) {
		t.Errorf("threshold 4 accepted: %v", err)
	}
}

// Property: on random tables, no group is left with exactly one masked cell, and no
// published count is in 1..threshold−1.
func TestPropertyRandomTables(t *testing.T) {
	for seed := uint64(0); seed < 500; seed++ {
		rng := rand.New(rand.NewPCG(seed, 7))
		regions := map[string]map[string]float64{}
		for r := 0; r < 1+rng.IntN(5); r++ {
			mls := map[string]float64{}
			for m := 0; m < 1+rng.IntN(6); m++ {
				v := float64(rng.IntN(60))
				if rng.IntN(3) == 0 {
					v = float64(rng.IntN(12))
				}
				mls[fmt.Sprintf("R%dML%d", r, m)] = v
			}
			regions[fmt.Sprintf("R%d", r)] = mls
		}
		in := table(regions)
		in.Threshold = 5 + rng.IntN(10)
		masked, err := Apply(in)
		if err != nil {
			t.Fatal(err)
		}
		for _, g := range in.Groups {
			n := 0
			for _, c := range append([]Cell{{"N", g.Level, g.Total}}, partCells("N", g)...) {
				if _, ok := masked[c]; ok {
					n++
				}
			}
			if n == 1 {
				t.Fatalf("seed %d: group %v has exactly one masked cell: %v", seed, g, masked)
			}
		}
		for c, v := range in.Values {
			if _, ok := masked[c]; !ok && *v.V >= 1 && *v.V < float64(in.Threshold) {
				t.Fatalf("seed %d: %v = %v published under threshold %d", seed, c, *v.V, in.Threshold)
			}
		}
	}
}

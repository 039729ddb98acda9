package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	sqlfiles "bilan/sql"
)

// TestBreakdownsCSV reads analystes/indicateurs_ventiles.csv back: header, LF, no BOM;
// sorted as indicateurs.csv, then by dimension and modalité in one fixed order; every youth
// count and nothing else, at every one of its rows of indicateurs.csv, with every modalité
// of every dimension; in each dimension the modalités add up to the value of
// indicateurs.csv (both empty where not loaded); the manifest lists it and its Parquet.
func TestBreakdownsCSV(t *testing.T) {
	t.Parallel()
	_, out := demoRun(t)
	b, err := os.ReadFile(filepath.Join(out, "analystes", "indicateurs_ventiles.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}) || bytes.Contains(b, []byte("\r")) {
		t.Error("indicateurs_ventiles.csv must be UTF-8 without BOM, LF line ends")
	}
	lines := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
	if lines[0] != "exercice;indicateur;niveau;code;dimension;modalite;valeur" {
		t.Fatalf("header %q", lines[0])
	}
	totals := csvRows(t, filepath.Join(out, "analystes", "indicateurs.csv"))
	inds, err := sqlfiles.Indicators()
	if err != nil {
		t.Fatal(err)
	}
	broken := map[string]bool{}
	for _, ind := range inds {
		broken[ind.ID] = ind.Ventilated
	}

	type cell struct{ key, dimension string }
	sums := map[cell]int{}
	empty := map[cell]int{}
	var modalities []string // dimension;modalite of the first territory, in order
	var block []string      // those of the territory being read
	order := map[string]int{"national": 0, "region": 1, "departement": 2, "ml": 3}
	var prev []string
	keys := map[string]bool{}
	endBlock := func(key string) {
		if modalities == nil {
			modalities = block
		} else if !slices.Equal(block, modalities) {
			t.Errorf("%s: modalités %v, the first territory has %v", key, block, modalities)
		}
		block = nil
	}
	for i, l := range lines[1:] {
		f := strings.Split(l, ";")
		if len(f) != 7 || f[0] != "2016" {
			t.Fatalf("line %d: %q", i+2, l)
		}
		key := strings.Join(f[1:4], ";")
		if prev != nil {
			pk := strings.Join(prev[1:4], ";")
			if pk != key {
				endBlock(pk)
				if keys[key] || prev[1] > f[1] || prev[1] == f[1] && (order[prev[2]] > order[f[2]] || order[prev[2]] == order[f[2]] && prev[3] >= f[3]) {
					t.Fatalf("line %d out of order: %q then %q", i+2, strings.Join(prev, ";"), l)
				}
			}
		}
		keys[key], prev = true, f
		block = append(block, f[4]+";"+f[5])
		if !broken[f[1]] {
			t.Fatalf("line %d: %s is not a youth count", i+2, f[1])
		}
		c := cell{key, f[4]}
		if f[6] == "" {
			empty[c]++
			continue
		}
		v, err := strconv.Atoi(f[6])
		if err != nil || v < 0 {
			t.Fatalf("line %d: value %q is not a count", i+2, f[6])
		}
		sums[c] += v
	}
	endBlock(strings.Join(prev[1:4], ";"))
	if len(modalities) != 27 {
		t.Errorf("%d modalités per territory: %v", len(modalities), modalities)
	}
	var dimensions []string
	for _, m := range modalities {
		if d, _, _ := strings.Cut(m, ";"); !slices.Contains(dimensions, d) {
			dimensions = append(dimensions, d)
		}
	}
	if want := []string{"sexe", "age", "niveau_formation", "qpv", "zrr", "sexe_age"}; !slices.Equal(dimensions, want) {
		t.Errorf("dimensions %v, want %v", dimensions, want)
	}
	checked, loaded := 0, 0
	for key, total := range totals {
		if !broken[strings.Split(key, ";")[0]] {
			continue
		}
		if !keys[key] {
			t.Errorf("%s: in indicateurs.csv, not broken down", key)
			continue
		}
		for _, d := range dimensions {
			c := cell{key, d}
			got := strconv.Itoa(sums[c])
			if empty[c] > 0 {
				got = ""
				if sums[c] > 0 || empty[c] != strings.Count(","+strings.Join(modalities, ","), ","+d+";") {
					got = "partly empty"
				}
			}
			if got != total {
				t.Errorf("%s by %s: Σ modalités %q, indicateurs.csv %q", key, d, got, total)
			}
			checked++
			if total != "" && total != "0" {
				loaded++
			}
		}
	}
	if len(keys) == 0 || checked != 6*len(keys) || loaded < 1000 {
		t.Errorf("%d territories × dimensions checked (%d not empty nor 0) for %d rows", checked, loaded, len(keys))
	}

	var m struct {
		Sorties []struct{ Fichier string } `json:"sorties"`
	}
	mb, err := os.ReadFile(filepath.Join(out, "manifest.json"))
	if err == nil {
		err = json.Unmarshal(mb, &m)
	}
	if err != nil {
		t.Fatal(err)
	}
	listed := map[string]bool{}
	for _, f := range m.Sorties {
		listed[f.Fichier] = true
	}
	for _, f := range []string{"analystes/indicateurs_ventiles.csv", "analystes/indicateurs_ventiles.parquet"} {
		if !listed[f] {
			t.Errorf("manifest lacks %s", f)
		}
	}

	text := strings.Join(strings.Fields(pdftotext(t, filepath.Join(out, "national", "bilan-national-2016.pdf"))), " ")
	for _, want := range []string{"Contrôles des ventilations", "indicateurs_ventiles.csv", "âge au 31/12 (moins de 18 ans, 18 à 21 ans"} {
		if !strings.Contains(text, want) {
			t.Errorf("the national PDF lacks %q", want)
		}
	}
	if strings.Contains(text, "ÉCART") {
		t.Error("the national PDF shows a consistency check failed")
	}
}

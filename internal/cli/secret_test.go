package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	sqlfiles "bilan/sql"
)

// TestAttackerOnDemo: the attacks of issue 14, tried on the demo packs as written, no
// longer work. Before, FIN_TOTAL ÷ FIN_PAR_JEUNE of Guadeloupe gave the youths received at
// Les Abymes (71), hence Saint-Martin's 4; a share rounded to a tenth and the region's
// first receptions gave Saint-Martin's 4 first receptions; France's 2015 immersions minus
// Bretagne's and Corse's gave Guadeloupe's 1. Every masked cell of the log says where it
// appears and what the attacker proves of it, never one value.
func TestAttackerOnDemo(t *testing.T) {
	t.Parallel()
	_, out := demoRun(t)
	b, err := os.ReadFile(filepath.Join(out, "analystes", "secret-2016.csv"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if lines[0] != "exercice;indicateur;niveau;code;territoire;statut;parait_dans;intervalle_attaquant" {
		t.Fatalf("log header %q", lines[0])
	}
	seen := map[string]string{}
	for _, l := range lines[1:] {
		f := strings.Split(l, ";")
		if len(f) != 8 || f[6] == "" {
			t.Errorf("log line without where it appears: %q", l)
			continue
		}
		seen[strings.Join(f[:4], ";")] = f[7]
		if lo, hi, ok := strings.Cut(f[7], " à "); ok && lo == hi {
			t.Errorf("the attacker pins %s", l)
		}
	}
	for _, c := range []string{"2016;JEU_ACCUEILLIS;ml;97801S00", "2016;JEU_PREMIER_ACCUEIL;ml;97801S00", "2015;EMP_IMMERSIONS;region;01"} {
		interval, ok := seen[c]
		if !ok {
			t.Errorf("%s is not masked", c)
			continue
		}
		if lo, hi, ok := strings.Cut(interval, " à "); !ok || lo == hi {
			t.Errorf("%s: the attacker proves %q", c, interval)
		}
	}
}

// TestSecrecyInPacks: on the demo, the funders' workbook and every regional pack hold
// masked cells; no published youth, event, measure or mentor count is in 1..10; no
// additive group of the published tables has exactly one masked cell; the suppression log
// lists every masked cell, and indicateurs.csv keeps the true values.
func TestSecrecyInPacks(t *testing.T) {
	t.Parallel()
	_, out := demoRun(t)
	inds, err := sqlfiles.Indicators()
	if err != nil {
		t.Fatal(err)
	}
	counted := map[string]bool{}
	for _, ind := range inds {
		if ind.Secret == "effectif" {
			counted[ind.ID] = true
		}
	}
	truth := csvRows(t, filepath.Join(out, "analystes", "indicateurs.csv"))
	for k, v := range breakdownRows(t, filepath.Join(out, "analystes", "indicateurs_ventiles.csv")) {
		truth[k] = v // the cells of the profile tables
	}
	logged := map[string]string{} // indicateur;niveau;code → rule
	b, err := os.ReadFile(filepath.Join(out, "analystes", "secret-2016.csv"))
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(strings.TrimSpace(string(b)), "\n")[1:] {
		f := strings.Split(l, ";")
		if f[0] != "2016" {
			continue
		}
		logged[strings.Join(f[1:4], ";")] = f[5]
		if v := truth[strings.Join(f[1:4], ";")]; f[5] == "A" && (v == "" || v == "0") {
			t.Errorf("log says %s is a small count, indicateurs.csv says %q", l, v)
		}
	}

	// Funders' workbook: every indicator by mission locale (region in column C) and by region.
	f, err := excelize.OpenFile(filepath.Join(out, "financeurs", "financeurs-2016.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	byML, _ := f.GetRows("Par mission locale", excelize.Options{RawCellValue: true})
	byRegion, _ := f.GetRows("Par région", excelize.Options{RawCellValue: true})
	header := byML[3] // the ids, under the titles
	masked := 0
	groups := map[string]map[string]int{} // indicator → region → masked cells among its MLs and itself
	for _, row := range byML[4:] {
		if row[0] == "FR" {
			continue
		}
		for c := 3; c < len(row); c++ {
			id := header[c]
			key := id + ";ml;" + row[0]
			if row[c] == "[s]" {
				masked++
				if _, ok := logged[key]; !ok {
					t.Errorf("%s masked in the workbook but not in the log", key)
				}
				if groups[id] == nil {
					groups[id] = map[string]int{}
				}
				groups[id][row[2]]++
				continue
			}
			if _, ok := logged[key]; ok {
				t.Errorf("%s is in the log but published as %q", key, row[c])
			}
			if v, err := strconv.ParseFloat(row[c], 64); err == nil && counted[id] && v >= 1 && v < 11 {
				t.Errorf("%s published as %v: a count under 11", key, v)
			}
		}
	}
	if masked == 0 {
		t.Fatal("no masked cell in the funders' workbook")
	}
	regionHeader := byRegion[3]
	for _, row := range byRegion[4:] {
		if row[0] == "FR" {
			continue
		}
		for c := 2; c < len(row); c++ {
			id := regionHeader[c]
			if !counted[id] || truth[id+";region;"+row[0]] == "" {
				continue
			}
			n := groups[id][row[1]]
			if row[c] == "[s]" {
				n++
			}
			if n == 1 {
				t.Errorf("%s in %s: exactly one masked cell among the region and its missions locales", id, row[1])
			}
		}
	}
	// Every regional pack shows masked cells, in its PDF as in its workbook.
	regional, _ := filepath.Glob(filepath.Join(out, "regions", "*", "*.pdf"))
	for _, p := range regional {
		text := pdftotext(t, p)
		if !strings.Contains(text, " s\n") && !strings.Contains(text, " s ") {
			t.Errorf("%s shows no masked cell", filepath.Base(p))
		}
		x, err := excelize.OpenFile(strings.TrimSuffix(p, ".pdf") + ".xlsx")
		if err != nil {
			t.Fatal(err)
		}
		joined := ""
		for _, sheet := range x.GetSheetList() {
			rows, _ := x.GetRows(sheet)
			for _, r := range rows {
				joined += strings.Join(r, "|") + "\n"
			}
		}
		x.Close()
		if !strings.Contains(joined, "[s]") {
			t.Errorf("%s: no masked cell in the workbook", filepath.Base(p))
		}
	}
}

// TestSecrecyAcrossPublications: last year's packs printed this year's N−1 as their N.
// A cell masked there stays masked here and a number printed there is not masked here,
// or a reader holding both packs would combine them: publish 2015, then 2016, on the
// demo, and compare the statuses of the 2015 cells both publish.
func TestSecrecyAcrossPublications(t *testing.T) {
	t.Parallel()
	wh, _ := demoRun(t)
	out2015, out2016 := filepath.Join(t.TempDir(), "p2015"), filepath.Join(t.TempDir(), "p2016")
	mustRun(t, "publish", "--warehouse", wh, "--year", "2015", "--out", out2015)
	mustRun(t, "publish", "--warehouse", wh, "--year", "2016", "--out", out2016)
	masked := func(dir string, year int) map[string]bool {
		b, err := os.ReadFile(filepath.Join(dir, "analystes", fmt.Sprintf("secret-%d.csv", year)))
		if err != nil {
			t.Fatal(err)
		}
		m := map[string]bool{}
		for _, l := range strings.Split(strings.TrimSpace(string(b)), "\n")[1:] {
			if f := strings.Split(l, ";"); f[0] == "2015" {
				m[strings.Join(f[1:4], ";")] = true
			}
		}
		return m
	}
	then, now := masked(out2015, 2015), masked(out2016, 2016)
	if len(now) == 0 {
		t.Fatal("the 2016 packs mask no 2015 cell: nothing to compare")
	}
	for c := range now {
		if strings.Contains(c, "(évolution)") {
			continue // the 2015 packs print no change on 2015
		}
		if !then[c] {
			t.Errorf("%s: printed in the 2015 packs, masked as N−1 in 2016's", c)
		}
	}
	// Key figures of the 2016 packs: France and each region, N−1.
	for c := range then {
		f := strings.Split(c, ";")
		headline := map[string]bool{"JEU_CONTACT": true, "JEU_ACCUEILLIS": true, "JEU_PREMIER_ACCUEIL": true, "EMP_IMMERSIONS": true, "DIS_PACEA_ENTREES": true}
		if headline[f[0]] && (f[1] == "national" || f[1] == "region" && (f[2] == "01" || f[2] == "53" || f[2] == "94")) && !now[c] {
			t.Errorf("%s: masked in the 2015 packs, printed as N−1 in 2016's", c)
		}
	}
}

package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// breakdownRows reads analystes/indicateurs_ventiles.csv: "indicateur@dimension=modalité;
// niveau;code" → value.
func breakdownRows(t *testing.T, path string) map[string]string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, l := range strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")[1:] {
		f := strings.Split(l, ";")
		out[f[1]+"@"+f[4]+"="+f[5]+";"+f[2]+";"+f[3]] = f[6]
	}
	return out
}

// TestProfileTables reads the profile tables of the demo packs back from the workbooks:
// the four counts by sexe × âge and by niveau in the national pack (by region) and in
// Bretagne's (by mission locale, with the region and France); every number is the one of
// the analysts' files, no count of 1 to 10 is printed, each line adds up to its
// « Ensemble » when nothing is masked, no line and no column has exactly one masked cell
// (a difference would give it), every masked cell is in the suppression log; the pyramid's
// sheet holds a native chart (two series, men to the left) over the values of the pack's
// territory.
func TestProfileTables(t *testing.T) {
	t.Parallel()
	_, out := demoRun(t)
	truth := csvRows(t, filepath.Join(out, "analystes", "indicateurs.csv"))
	cut := breakdownRows(t, filepath.Join(out, "analystes", "indicateurs_ventiles.csv"))
	logged := map[string]bool{}
	b, err := os.ReadFile(filepath.Join(out, "analystes", "secret-2016.csv"))
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(strings.TrimSpace(string(b)), "\n")[1:] {
		logged[strings.Join(strings.Split(l, ";")[1:4], ";")] = true
	}
	places := map[string][2]string{"France": {"national", "FR"}} // the lines' territories, from the funders' workbook
	mlCodes := map[string]string{}
	fw, err := excelize.OpenFile(filepath.Join(out, "financeurs", "financeurs-2016.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	for sheet, level := range map[string]string{"Par région": "region", "Par mission locale": "ml"} {
		rows, _ := fw.GetRows(sheet)
		for _, r := range rows[3:] {
			if len(r) > 1 && r[0] != "FR" {
				if level == "ml" {
					mlCodes[r[1]] = r[0]
				} else {
					places[r[1]] = [2]string{level, r[0]}
				}
			}
		}
	}
	fw.Close()
	counts := map[string]string{"PA": "JEU_PREMIER_ACCUEIL", "JDI": "JEU_JDI", "Sit. pro.": "EMP_SITUATION_PRO", "PACEA": "DIS_PACEA_ENTREES"}
	dims := map[string]struct {
		dimension string
		columns   map[string]string
	}{
		"sexe-âge": {"sexe_age", map[string]string{"Femmes – Moins de 18 ans": "F_moins_de_18", "Femmes – 18-21 ans": "F_18_21",
			"Femmes – 22-25 ans": "F_22_25", "Femmes – 26 ans et plus": "F_26_et_plus", "Hommes – Moins de 18 ans": "H_moins_de_18",
			"Hommes – 18-21 ans": "H_18_21", "Hommes – 22-25 ans": "H_22_25", "Hommes – 26 ans et plus": "H_26_et_plus",
			"Sexe inconnu": "inconnu"}},
		"niveau": {"niveau_formation", map[string]string{"Infra V": "infra_V", "V": "V", "IV": "IV", "III et plus": "III_et_plus",
			"Niveau inconnu": "inconnu"}},
	}
	for _, pack := range []string{"national/bilan-national-2016.xlsx", "regions/53-bretagne/bilan-bretagne-2016.xlsx"} {
		f, err := excelize.OpenFile(filepath.Join(out, pack))
		if err != nil {
			t.Fatal(err)
		}
		tables, masked, added := 0, 0, 0
		for short, id := range counts {
			for suffix, dim := range dims {
				sheet := short + " " + suffix
				rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
				if err != nil || len(rows) < 5 {
					t.Errorf("%s: sheet %q: %v", pack, sheet, err)
					continue
				}
				tables++
				head := rows[2]
				if len(head) != len(dim.columns)+2 || head[len(head)-1] != "Ensemble" {
					t.Errorf("%s › %s: header %q", pack, sheet, head)
					continue
				}
				colMasked := make([]int, len(head)) // among the lines that add up: all but France in a regional pack
				for _, r := range rows[3:] {
					adds := r[0] != "France" || strings.Contains(pack, "national")
					place, ok := places[r[0]]
					if code, isML := mlCodes[r[0]]; isML && !strings.Contains(pack, "national") {
						place, ok = [2]string{"ml", code}, true
					}
					if !ok {
						t.Errorf("%s › %s: line %q is no territory", pack, sheet, r[0])
						continue
					}
					sum, rowMasked, complete := 0.0, 0, true
					for j := 1; j < len(head); j++ {
						key := id + ";" + place[0] + ";" + place[1]
						if j < len(head)-1 {
							key = id + "@" + dim.dimension + "=" + dim.columns[head[j]] + ";" + place[0] + ";" + place[1]
						}
						want := truth[key]
						if j < len(head)-1 {
							want = cut[key]
						}
						v := ""
						if j < len(r) {
							v = r[j]
						}
						switch v {
						case "[s]":
							masked++
							rowMasked++
							if adds {
								colMasked[j]++
							}
							complete = false
							if !logged[key] {
								t.Errorf("%s › %s: %s masked but not in the log", pack, sheet, key)
							}
							continue
						case "n.d.":
							complete = false
							if want != "" {
								t.Errorf("%s › %s: %s n.d., the analysts' files say %q", pack, sheet, key, want)
							}
							continue
						}
						if v != want {
							t.Errorf("%s › %s: %s published as %q, the analysts' files say %q", pack, sheet, key, v, want)
						}
						n, _ := strconv.ParseFloat(v, 64)
						if n >= 1 && n < 11 {
							t.Errorf("%s › %s: %s published as %v, a count under 11", pack, sheet, key, n)
						}
						if j < len(head)-1 {
							sum += n
						} else if complete {
							added++
							if sum != n {
								t.Errorf("%s › %s: %s, the modalités add up to %v, not %v", pack, sheet, r[0], sum, n)
							}
						}
					}
					if rowMasked == 1 {
						t.Errorf("%s › %s: %s has exactly one masked cell", pack, sheet, r[0])
					}
				}
				for j, n := range colMasked {
					if n == 1 {
						t.Errorf("%s › %s: column %q has exactly one masked cell", pack, sheet, head[j])
					}
				}
			}
		}
		if tables != 8 || masked == 0 || added == 0 {
			t.Errorf("%s: %d profile tables, %d masked cells, %d lines added up", pack, tables, masked, added)
		}
		rows, err := f.GetRows("Pyramide des âges", excelize.Options{RawCellValue: true})
		if err != nil || len(rows) != 7 || rows[2][1] != "Hommes" || rows[2][2] != "Femmes" {
			t.Fatalf("%s: pyramid sheet %q: %v", pack, rows, err)
		}
		scope := map[string]string{} // the pack's line of the first receptions by sexe × âge
		pa, _ := f.GetRows("PA sexe-âge", excelize.Options{RawCellValue: true})
		for _, r := range pa[3:] {
			if r[0] == "France" && strings.Contains(pack, "national") || r[0] == "Bretagne" {
				for j, h := range pa[2] {
					scope[h] = r[j]
				}
			}
		}
		for _, r := range rows[3:] {
			for j, sex := range []string{"Hommes", "Femmes"} {
				if want := scope[sex+" – "+r[0]]; r[j+1] != want {
					t.Errorf("%s: pyramid %s %s = %q, the table says %q", pack, sex, r[0], r[j+1], want)
				}
			}
		}
		f.Close()
		chart, err := exec.Command("/usr/bin/python3", "-c", `
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["Pyramide des âges"]
c = ws._charts[0]
print(len(ws._charts), c.barDir, c.grouping, c.overlap, len(c.series))
`, filepath.Join(out, pack)).Output()
		if got := strings.TrimSpace(string(chart)); err != nil || got != "1 bar clustered 100.0 2" {
			t.Errorf("%s: the pyramid's chart as openpyxl reads it: %q, %v", pack, got, err)
		}
	}
}

// TestWorkbookDimensions: in every workbook of the demo packs, each sheet's <dimension>
// (which the writer records as it writes) spans exactly the cells excelize reads back.
func TestWorkbookDimensions(t *testing.T) {
	t.Parallel()
	_, out := demoRun(t)
	books, _ := filepath.Glob(filepath.Join(out, "*", "*.xlsx"))
	regional, _ := filepath.Glob(filepath.Join(out, "regions", "*", "*.xlsx"))
	books = append(books, regional...)
	if len(books) < 6 {
		t.Fatalf("%d workbooks", len(books))
	}
	for _, p := range books {
		f, err := excelize.OpenFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, sheet := range f.GetSheetList() {
			rows, _ := f.GetRows(sheet, excelize.Options{RawCellValue: true})
			cols := 1
			for _, r := range rows {
				cols = max(cols, len(r))
			}
			last, _ := excelize.CoordinatesToCellName(cols, max(len(rows), 1))
			if got, _ := f.GetSheetDimension(sheet); got != "A1:"+last {
				t.Errorf("%s › %s: dimension %s, the cells read back span A1:%s", filepath.Base(p), sheet, got, last)
			}
		}
		f.Close()
	}
}

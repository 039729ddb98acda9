package cli

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	sqlfiles "bilan/sql"
)

// TestEvolutionInPacks: the demo loads 2015 before 2016, so every table by territory shows
// 2015 beside 2016 with the change: in the national and a regional workbook, each 2015
// cell is the warehouse's 2015 value (« [s] » exactly where the suppression log masks it),
// each change the change of the two values, in % for a count and in points for a
// percentage (« [s] » where the log masks it). The series « Évolution » holds the headline
// indicators of the pack's territory for both exercices; every chart of bars by
// territory is sorted, largest first, and holds the values of its table.
func TestEvolutionInPacks(t *testing.T) {
	t.Parallel()
	wh, out := demoRun(t)
	db := openDB(t, wh)
	values := map[string]float64{} // exercice;indicateur;niveau;code
	names := map[string]string{}   // territory name → niveau;code
	rows, err := db.Query(`SELECT exercice, indicateur, niveau, code, CAST(valeur AS DOUBLE) FROM indicateurs
		WHERE exercice IN (2015, 2016) AND valeur IS NOT NULL`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var e int
		var ind, niveau, code string
		var v float64
		if err := rows.Scan(&e, &ind, &niveau, &code, &v); err != nil {
			t.Fatal(err)
		}
		values[fmt.Sprintf("%d;%s;%s;%s", e, ind, niveau, code)] = v
	}
	rows.Close()
	rows, err = db.Query("SELECT libelle, niveau, code FROM stg_territoires WHERE niveau IN ('region', 'ml', 'national')")
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var name, niveau, code string
		if err := rows.Scan(&name, &niveau, &code); err != nil {
			t.Fatal(err)
		}
		names[name] = niveau + ";" + code
	}
	rows.Close()
	db.Close()
	names["France"] = "national;FR"
	masked := map[string]bool{} // exercice;indicateur;niveau;code, « (évolution) » after the id for a change
	b, err := os.ReadFile(filepath.Join(out, "analystes", "secret-2016.csv"))
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(strings.TrimSpace(string(b)), "\n")[1:] {
		masked[strings.Join(strings.Split(l, ";")[:4], ";")] = true
	}
	titles := map[string]string{} // column title → id, unit
	units := map[string]string{}
	for _, d := range catalogueDefs(t) {
		titles[d[1]], units[d[0]] = d[0], d[2]
		if d[3] != "" {
			titles[d[3]] = d[0]
		}
	}
	for _, pack := range []struct{ path, scope string }{
		{filepath.Join(out, "national", "bilan-national-2016.xlsx"), "national;FR"},
		{filepath.Join(out, "regions", "53-bretagne", "bilan-bretagne-2016.xlsx"), "region;53"},
	} {
		f, err := excelize.OpenFile(pack.path)
		if err != nil {
			t.Fatal(err)
		}
		checked := map[string]int{}
		for _, sheet := range []string{"Jeunes", "Profil premier accueil", "Emploi", "Dispositifs"} {
			grid, _ := f.GetRows(sheet, excelize.Options{RawCellValue: true})
			for j, h := range grid[2] {
				title, sub, ok := strings.Cut(h, " – ")
				id := titles[title]
				if !ok || id == "" {
					continue
				}
				for _, r := range grid[3:] {
					place, ok := names[r[0]]
					if !ok || j >= len(r) {
						continue
					}
					key := func(e int) string { return fmt.Sprintf("%d;%s;%s", e, id, place) }
					got := r[j]
					switch sub {
					case "2015":
						want := "n.d."
						if v, ok := values[key(2015)]; ok {
							want = number(v, units[id])
						}
						if masked[key(2015)] {
							want = "[s]"
						}
						if got != want && !(want != "[s]" && want != "n.d." && near(got, want)) {
							t.Errorf("%s › %s, %s, %s: %q, want %q", filepath.Base(pack.path), sheet, r[0], h, got, want)
						}
						checked["2015"]++
					case "Évol. (%)", "Évol. (points)":
						now, okNow := values[key(2016)]
						before, okBefore := values[key(2015)]
						want := "n.d."
						switch {
						case masked[fmt.Sprintf("2016;%s (évolution);%s", id, place)]:
							want = "[s]"
						case okNow && okBefore && sub == "Évol. (points)":
							want = strconv.FormatFloat(math.Round((now-before)*10)/10, 'f', -1, 64)
						case okNow && okBefore && before != 0:
							want = strconv.FormatFloat(math.Round((now-before)/before*1000)/1000, 'f', -1, 64)
						}
						if got != want && !near(got, want) {
							t.Errorf("%s › %s, %s, %s: %q, want %q (%v → %v)", filepath.Base(pack.path), sheet, r[0], h, got, want, before, now)
						}
						checked[sub]++
					}
				}
			}
		}
		if checked["2015"] < 20 || checked["Évol. (%)"] < 20 || checked["Évol. (points)"] < 6 {
			t.Errorf("%s: %v cells checked: the comparison reads the sheets wrong", filepath.Base(pack.path), checked)
		}
		series, _ := f.GetRows("Évolution", excelize.Options{RawCellValue: true})
		if len(series) < 4 || fmt.Sprint(series[2]) != "[Indicateur 2015 2016]" {
			t.Fatalf("%s › Évolution: %v", filepath.Base(pack.path), series)
		}
		for _, r := range series[3:] {
			for k, e := range []int{2015, 2016} {
				key := fmt.Sprintf("%d;%s;%s", e, titles[r[0]], pack.scope)
				want := number(values[key], "")
				if masked[key] {
					want = "[s]"
				}
				if r[k+1] != want {
					t.Errorf("%s › Évolution, %s %d: %q, want %q", filepath.Base(pack.path), r[0], e, r[k+1], want)
				}
			}
		}
		bars := 0
		for _, sheet := range f.GetSheetList() {
			grid, _ := f.GetRows(sheet, excelize.Options{RawCellValue: true})
			if !strings.HasPrefix(sheet, "Graphique") || len(grid) < 4 || grid[2][0] != "Région" && grid[2][0] != "Mission locale" {
				continue
			}
			bars++
			id := titles[grid[2][1]]
			last := math.Inf(1)
			for _, r := range grid[3:] {
				v, _ := strconv.ParseFloat(r[1], 64)
				if v > last {
					t.Errorf("%s › %s: %s (%v) after %v: bars not sorted", filepath.Base(pack.path), sheet, r[0], v, last)
				}
				if want := values["2016;"+id+";"+names[r[0]]]; v != want {
					t.Errorf("%s › %s: %s %v, want %v", filepath.Base(pack.path), sheet, r[0], v, want)
				}
				last = v
			}
		}
		if bars != 4 {
			t.Errorf("%s: %d charts of bars, want 4 (contact, JDI, immersions, PACEA entries)", filepath.Base(pack.path), bars)
		}
		f.Close()
	}
}

// number is a value as a workbook stores it: a percentage as a fraction.
func number(v float64, unit string) string {
	if unit == "%" {
		v /= 100
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// near tells whether two stored numbers are equal but for the float's last digits.
func near(a, b string) bool {
	x, errA := strconv.ParseFloat(a, 64)
	y, errB := strconv.ParseFloat(b, 64)
	return errA == nil && errB == nil && math.Abs(x-y) < 1e-9
}

// catalogueDefs are the indicators as the packs name them: id, title, unit, short title.
func catalogueDefs(t *testing.T) [][4]string {
	t.Helper()
	inds, err := sqlfiles.Indicators()
	if err != nil {
		t.Fatal(err)
	}
	var out [][4]string
	for _, ind := range inds {
		out = append(out, [4]string{ind.ID, ind.Title, ind.Unit, ind.Short})
	}
	return out
}

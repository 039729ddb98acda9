package cli

import (
	"encoding/csv"
	"encoding/json"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	sqlfiles "bilan/sql"
)

// fundersSheets are the sheets of the funders' workbook that hold indicators: titles in
// row 3, ids in row 4, one line per territory below (its code first, FR for France).
var fundersSheets = map[string]string{"Par région": "region", "Par mission locale": "ml"}

// TestFundersWorkbookReaders opens the funders' workbook with two readers nobody here
// wrote — openpyxl in read-only mode (which trusts <dimension>) and LibreOffice converting
// each sheet to CSV — and finds in every indicator column its French title with its unit,
// its id below, and the values of indicateurs.csv (masked cells aside).
func TestFundersWorkbookReaders(t *testing.T) {
	t.Parallel()
	_, out := demoRun(t)
	path := filepath.Join(out, "financeurs", "financeurs-2016.xlsx")
	truth := csvRows(t, filepath.Join(out, "analystes", "indicateurs.csv"))
	inds, err := sqlfiles.Indicators()
	if err != nil {
		t.Fatal(err)
	}
	units, titles := map[string]string{}, map[string]string{}
	for _, ind := range inds {
		units[ind.ID], titles[ind.ID] = ind.Unit, ind.Title
	}

	// Where the attacker saw each masked cell (the log): it reads the funders' sheets too.
	seen := map[string]string{}
	b, err := os.ReadFile(filepath.Join(out, "analystes", "secret-2016.csv"))
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(strings.TrimSpace(string(b)), "\n")[1:] {
		if f := strings.Split(l, ";"); f[0] == "2016" {
			seen[strings.Join(f[1:4], ";")] = f[6]
		}
	}

	readers := map[string]func(t *testing.T) map[string][][]string{
		"openpyxl": func(t *testing.T) map[string][][]string {
			python := "/usr/bin/python3"
			script := `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1], read_only=True)
res = {}
for name in json.loads(sys.argv[2]):
    res[name] = [["" if v is None else (repr(v) if isinstance(v, float) else str(v)) for v in row] for row in wb[name].iter_rows(values_only=True)]
print(json.dumps(res))
`
			names, _ := json.Marshal([]string{"Par région", "Par mission locale"})
			b, err := exec.Command(python, "-c", script, path, string(names)).Output()
			if err != nil {
				t.Fatalf("openpyxl (python3-openpyxl, installed by .ci/run): %v", err)
			}
			var res map[string][][]string
			if err := json.Unmarshal(b, &res); err != nil {
				t.Fatal(err)
			}
			return res
		},
		"soffice": func(t *testing.T) map[string][][]string {
			dir := t.TempDir()
			// CSV filter options: « ; », « " », UTF-8, from line 1, values as stored (not as
			// shown), every sheet to its own file (-1).
			cmd := exec.Command("soffice", "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profil"),
				"--convert-to", "csv:Text - txt - csv (StarCalc):59,34,76,1,,0,false,true,false,false,false,-1", "--outdir", dir, path)
			if b, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("soffice (libreoffice-calc-nogui, installed by .ci/run): %v\n%s", err, b)
			}
			res := map[string][][]string{}
			for sheet := range fundersSheets {
				f, err := os.Open(filepath.Join(dir, "financeurs-2016-"+sheet+".csv"))
				if err != nil {
					t.Fatal(err)
				}
				r := csv.NewReader(f)
				r.Comma, r.FieldsPerRecord = ';', -1
				res[sheet], err = r.ReadAll()
				f.Close()
				if err != nil {
					t.Fatalf("%s: %v", sheet, err)
				}
			}
			return res
		},
	}
	for name, read := range readers {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			sheets := read(t)
			for sheet, level := range fundersSheets {
				rows := sheets[sheet]
				if len(rows) < 6 {
					t.Fatalf("%s: %d rows", sheet, len(rows))
				}
				head, ids := rows[2], rows[3]
				compared, masked := 0, 0
				for c, id := range ids {
					if id == "" {
						continue
					}
					if c >= len(head) || !strings.HasPrefix(head[c], titles[id]) || !strings.Contains(strings.ToLower(head[c]), strings.ToLower(units[id])) {
						t.Errorf("%s: column of %s headed %q, want its title %q and its unit %q", sheet, id, head[min(c, len(head)-1)], titles[id], units[id])
					}
					for _, r := range rows[4:] {
						if len(r) <= c || r[0] == "" {
							continue
						}
						key := id + ";" + level + ";" + r[0]
						if r[0] == "FR" {
							key = id + ";national;FR"
						}
						want, got := truth[key], r[c]
						switch {
						case got == "[s]":
							masked++
							if where := "financeurs-2016.xlsx › " + sheet; !strings.Contains(seen[key], where) {
								t.Errorf("%s masked in %s, the attacker saw it in %q only", key, where, seen[key])
							}
							continue
						case got == "n.d.":
							if want != "" {
								t.Errorf("%s %s: n.d., indicateurs.csv says %s", sheet, key, want)
							}
							continue
						}
						// A percentage is a fraction, which LibreOffice writes as a number of % (its
						// CSV export keeps the % of the number format even for raw values).
						shown, isPct := strings.CutSuffix(got, "%")
						v, err := strconv.ParseFloat(shown, 64)
						if err != nil {
							t.Errorf("%s %s: %q is no number", sheet, key, got)
							continue
						}
						if units[id] == "%" && !isPct {
							v *= 100
						}
						w, err := strconv.ParseFloat(want, 64)
						if err != nil || math.Abs(v-w) > 1e-9*math.Max(1, math.Abs(w)) {
							t.Errorf("%s %s: %s reads %v, indicateurs.csv says %q", sheet, key, name, v, want)
						}
						compared++
					}
				}
				if compared < 100 || masked == 0 {
					t.Errorf("%s: %d values compared, %d masked: too few to trust", sheet, compared, masked)
				}
			}
		})
	}
}

package cli

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestBadInputs runs every case of fixtures/bad (≥ 40 hostile inputs, made by
// fixtures/make_bad.py) against a warehouse holding the demo's 2015 batches of Guadeloupe
// and Corse: each must exit with its code and print exactly the validation messages of its
// attendu.txt (naming file, line and column), no more, no fewer; a refusal must leave the
// warehouse's data exactly as it was. The cases are batches of Bretagne, which has no 2015
// batch in the warehouse: the year-on-year warnings of a structure then concern Corse only
// (case 47), instead of adding Bretagne's 17 structures to every case.
func TestBadInputs(t *testing.T) {
	t.Parallel()
	base := filepath.Join(t.TempDir(), "base.duckdb")
	for _, r := range []string{"01", "94"} {
		mustRun(t, "ingest", "--warehouse", base, "--year", "2015", "--scope", r, filepath.Join(demo, "2015", r))
	}
	baseBytes, err := os.ReadFile(base)
	if err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, base) // each case starts from a copy of base
	cases, _ := filepath.Glob("../../fixtures/bad/*")
	if len(cases) < 40 {
		t.Fatalf("only %d cases", len(cases))
	}
	for _, dir := range cases {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			t.Parallel()
			want := readExpected(t, filepath.Join(dir, "attendu.txt"))
			wh := filepath.Join(t.TempDir(), "w.duckdb")
			if err := os.WriteFile(wh, baseBytes, 0o644); err != nil {
				t.Fatal(err)
			}
			var files []string
			entries, _ := os.ReadDir(dir)
			for _, e := range entries {
				if e.Name() != "attendu.txt" {
					files = append(files, filepath.Join(dir, e.Name()))
				}
			}
			got, out, errOut := run(t, append([]string{"ingest", "--warehouse", wh, "--year", "2016", "--scope", want.scope}, files...)...)
			if got != want.code {
				t.Errorf("exit %d, want %d\n%s%s", got, want.code, out, errOut)
			}
			if diff := cmp.Diff(want.issues, issueLines(out)); diff != "" {
				t.Errorf("validation messages (-attendu.txt +printed):\n%s\nreport:\n%s", diff, out)
			}
			var printed []string
			for _, l := range strings.Split(out, "\n") {
				printed = append(printed, strings.TrimSpace(l))
			}
			for _, r := range want.report {
				if !slices.Contains(printed, r) {
					t.Errorf("report lacks the line\n  %s\ngot:\n%s", r, out)
				}
			}
			if strings.Contains(out+errOut, "zqx") {
				t.Error("a personal value reached the output")
			}
			if got == ExitRefused && loadedRows.MatchString(out) {
				t.Errorf("a refused batch says rows were loaded:\n%s", out)
			}
			after := snapshot(t, wh)
			if want.code == ExitRefused && after != before {
				t.Errorf("a refused batch changed the warehouse")
			}
			if want.code == ExitOK && after == before {
				t.Errorf("an accepted batch loaded nothing")
			}
		})
	}
}

// loadedRows is the row count of a file whose rows were loaded (« 59 chargées, »).
var loadedRows = regexp.MustCompile(`[0-9] chargées?,`)

// issueLines are the validation messages of an ingest report, sorted: the lines printReport
// indents under a rule (its first messages, then « … et N autres »).
func issueLines(report string) []string {
	lines := []string{}
	for _, l := range strings.Split(report, "\n") {
		if strings.HasPrefix(l, issueIndent) {
			lines = append(lines, strings.TrimPrefix(l, issueIndent))
		}
	}
	sort.Strings(lines)
	return lines
}

// expected is what attendu.txt says of a case.
type expected struct {
	scope  string
	code   int
	issues []string // every validation message the report must print, sorted
	report []string // other lines the report must hold (« report: » lines), without their indent
}

// readExpected reads attendu.txt: « # » comments, « scope: », « exit: », « report: »
// lines, and every other line a validation message.
func readExpected(t *testing.T, path string) expected {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	e := expected{code: -1, issues: []string{}}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "#") || line == "":
		case strings.HasPrefix(line, "scope: "):
			e.scope = strings.TrimPrefix(line, "scope: ")
		case strings.HasPrefix(line, "exit: "):
			var err error
			if e.code, err = strconv.Atoi(strings.TrimPrefix(line, "exit: ")); err != nil {
				t.Fatalf("%s: %q is not an exit code", path, line)
			}
		case strings.HasPrefix(line, "report: "):
			e.report = append(e.report, strings.TrimPrefix(line, "report: "))
		default:
			e.issues = append(e.issues, line)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if e.scope == "" || e.code < 0 || len(e.issues)+len(e.report) == 0 {
		// A case without its exit line would silently expect 0.
		t.Fatalf("%s: scope, exit and at least one message or report line expected", path)
	}
	sort.Strings(e.issues)
	return e
}

// validate needs no --year: it says which exercice its age and period rules assumed.
func TestValidateWithoutYear(t *testing.T) {
	t.Parallel()
	code, out, errOut := run(t, "validate", "--warehouse", filepath.Join(t.TempDir(), "w.duckdb"), "--scope", "53",
		filepath.Join(demo, "2016", "53", "jeunes.csv"))
	if code != ExitOK && code != ExitRefused || !strings.Contains(out, "Exercice non précisé (--year) : les règles d'âge et de période supposent l'exercice") {
		t.Errorf("validate without --year: exit %d\n%s%s", code, out, errOut)
	}
}

// One region can never change another: Corse sending a referential of two missions
// locales changes Corse only; France loses Corse's other missions locales, nothing else
// (it once made national RES_ML 447 → 4).
func TestRegionalReferentialChangesItsRegionOnly(t *testing.T) {
	t.Parallel()
	wh := filepath.Join(t.TempDir(), "w.duckdb")
	resML := func() map[string]int {
		db := openDB(t, wh)
		defer db.Close()
		rows, err := db.Query(
			"SELECT code, CAST(valeur AS INTEGER) FROM indicateurs WHERE exercice = 2016 AND indicateur = 'RES_ML' AND niveau IN ('region', 'national')")
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		out := map[string]int{}
		for rows.Next() {
			var code string
			var n int
			rows.Scan(&code, &n)
			out[code] = n
		}
		return out
	}
	mustRun(t, "compute", "--warehouse", wh, "--year", "2016")
	before := resML()
	dir := t.TempDir()
	ref := "code_structure;nom_officiel;nom_usuel;code_departement;code_region\n2A004S00;2A-ML AJACCIO;;2A;94\n2B033S00;2B-ML BASTIA;;2B;94\n"
	if err := os.WriteFile(filepath.Join(dir, "referentiel_structures.csv"), []byte(ref), 0o644); err != nil {
		t.Fatal(err)
	}
	mustRun(t, "ingest", "--warehouse", wh, "--year", "2016", "--scope", "94", filepath.Join(dir, "referentiel_structures.csv"))
	mustRun(t, "compute", "--warehouse", wh, "--year", "2016")
	after := resML()
	if before["FR"] < 400 || after["94"] != 2 || after["53"] != before["53"] || after["FR"] != before["FR"]-before["94"]+2 {
		t.Errorf("RES_ML before %v, after %v: want Corse 2, Bretagne unchanged, France − Corse's others", before, after)
	}
}

// Y−1 is recomputed, not read: nobody ran compute 2015, or its stored values are stale,
// and compute 2016 still shows 2015 from its raw rows with the current SQL; the manifest
// says which exercices were computed with which SQL.
func TestPreviousExerciceRecomputed(t *testing.T) {
	t.Parallel()
	wh := filepath.Join(t.TempDir(), "w.duckdb")
	mustRun(t, "ingest", "--warehouse", wh, "--year", "2015", "--scope", "53", filepath.Join(demo, "2015", "53"))
	mustRun(t, "ingest", "--warehouse", wh, "--year", "2016", "--scope", "53", filepath.Join(demo, "2016", "53"))
	value := func(q string) string {
		db := openDB(t, wh)
		defer db.Close()
		var v *string
		if err := db.QueryRow(q).Scan(&v); err != nil {
			t.Fatal(err)
		}
		if v == nil {
			return "NULL"
		}
		return *v
	}
	immersions2015 := "SELECT CAST(valeur AS VARCHAR) FROM indicateurs WHERE exercice = 2015 AND indicateur = 'EMP_IMMERSIONS' AND niveau = 'region' AND code = '53'"
	evolution := "SELECT CAST(valeur AS VARCHAR) FROM indicateurs WHERE exercice = 2016 AND indicateur = 'EMP_IMMERSIONS_EVOL_PCT' AND niveau = 'region' AND code = '53'"
	mustRun(t, "compute", "--warehouse", wh, "--year", "2016")
	truth, evol := value(immersions2015), value(evolution)
	if truth == "NULL" || evol == "NULL" {
		t.Fatalf("2015 not recomputed: immersions %s, evolution %s", truth, evol)
	}
	db := openDB(t, wh)
	// As if computed by an older version of the SQL: stale, so computed again.
	for _, q := range []string{"UPDATE indicateurs SET valeur = 999999 WHERE exercice = 2015 AND indicateur = 'EMP_IMMERSIONS'",
		"UPDATE calculs SET sql_sha256 = 'une-version-anterieure' WHERE exercice = 2015"} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	out := filepath.Join(t.TempDir(), "out")
	mustRun(t, "run", "--warehouse", wh, "--year", "2016", "--in", filepath.Join(demo, "2016", "53"), "--scope", "53", "--out", out)
	if got := value(immersions2015); got != truth || value(evolution) != evol {
		t.Errorf("stale 2015 read back: immersions %s (true %s)", got, truth)
	}
	b, err := os.ReadFile(filepath.Join(out, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"exercice": 2015,`, `"exercice": 2016,`, `"sql_actuel": true`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("manifest lacks %s", want)
		}
	}
}

// A youth rejected in an earlier call keeps its events rejected as jeune_rejete when they
// are sent alone, not as an unknown youth; a youth row rejected for its shape or its
// CSV syntax counts too.
func TestRejectedYouthAcrossCalls(t *testing.T) {
	t.Parallel()
	wh := filepath.Join(t.TempDir(), "w.duckdb")
	dir := t.TempDir()
	var jeunes, events strings.Builder
	jeunes.WriteString("id_jeune;code_structure;date_naissance;sexe;qpv;date_premier_accueil\n")
	events.WriteString("id_evenement;id_jeune;code_structure;date_evenement;type_evenement;statut;siret\n")
	for i := 1; i <= 200; i++ { // 3 rejected youths: 1,5 %, under the refusal share
		switch i {
		case 7:
			fmt.Fprintf(&jeunes, "J%d;35238S00;31/02/1998;F;N;02/03/2016\n", i) // impossible date
		case 9:
			fmt.Fprintf(&jeunes, "J%d;35238S00;15/06/1998;F;N\n", i) // one field short
		case 11:
			fmt.Fprintf(&jeunes, "J%d;35238S00;15/06/1998;F;N\"x;02/03/2016\n", i) // a bare quote: the reader cannot split it
		default:
			fmt.Fprintf(&jeunes, "J%d;35238S00;15/06/1998;F;N;02/03/2016\n", i)
		}
		fmt.Fprintf(&events, "E%d;J%d;35238S00;14/03/2016;ENTRETIEN_INDIVIDUEL;REALISE;\n", i, i)
	}
	os.MkdirAll(filepath.Join(dir, "1"), 0o755)
	os.MkdirAll(filepath.Join(dir, "2"), 0o755)
	os.WriteFile(filepath.Join(dir, "1", "jeunes.csv"), []byte(jeunes.String()), 0o644)
	os.WriteFile(filepath.Join(dir, "2", "evenements.csv"), []byte(events.String()), 0o644)
	mustRun(t, "ingest", "--warehouse", wh, "--year", "2016", "--scope", "53", filepath.Join(dir, "1", "jeunes.csv"))
	out := mustRun(t, "ingest", "--warehouse", wh, "--year", "2016", "--scope", "53", filepath.Join(dir, "2", "evenements.csv"))
	for _, line := range []int{8, 10, 12} {
		want := fmt.Sprintf("Fichier evenements.csv, ligne %d, colonne « id_jeune » : la ligne de ce jeune a été rejetée dans le fichier des jeunes ; cette ligne l'est aussi.", line)
		if !strings.Contains(out, want) {
			t.Errorf("report lacks\n  %s\ngot:\n%s", want, out)
		}
	}
	if strings.Contains(out, "jeune_inconnu") {
		t.Errorf("an event of a rejected youth reported as unknown:\n%s", out)
	}
}

// The ±30 % warning sees a structure that drops to 0 (a forgotten extract) and compares
// like with like: 2015 came as a national batch, 2016 as Bretagne's; Corse's structures
// are not Bretagne's to miss.
func TestYearChangeWarning(t *testing.T) {
	t.Parallel()
	wh := filepath.Join(t.TempDir(), "w.duckdb")
	dir := t.TempDir()
	write := func(name string, year int, mls map[string]int) string {
		var b strings.Builder
		b.WriteString("id_jeune;code_structure;date_naissance;date_premier_accueil\n")
		for _, ml := range []string{"35238S00", "29019S00", "2A004S00"} {
			for i := 0; i < mls[ml]; i++ {
				fmt.Fprintf(&b, "%s-%d;%s;15/06/1998;02/03/%d\n", ml, i, ml, year)
			}
		}
		p := filepath.Join(dir, name, "jeunes.csv")
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(b.String()), 0o644)
		return p
	}
	mustRun(t, "ingest", "--warehouse", wh, "--year", "2015", "--scope", "national",
		write("2015", 2015, map[string]int{"35238S00": 50, "29019S00": 40, "2A004S00": 30}))
	out := mustRun(t, "ingest", "--warehouse", wh, "--year", "2016", "--scope", "53",
		write("2016", 2016, map[string]int{"35238S00": 52}))
	if want := "la structure « 29019S00 » compte 0 jeunes contre 40 pour l'exercice 2015 (−100,0 %)"; !strings.Contains(out, want) {
		t.Errorf("report lacks %q:\n%s", want, out)
	}
	if strings.Contains(out, "2A004S00") || strings.Contains(out, "« 35238S00 » compte") {
		t.Errorf("warned about Corse, or about a change under 30 %%:\n%s", out)
	}
}

// run --in DIR loads all its batches in one transaction: Bretagne's batch refused, the
// warehouse is exactly as before the run, Guadeloupe's batch read before it included.
func TestRunIsAllOrNothing(t *testing.T) {
	t.Parallel()
	wh := filepath.Join(t.TempDir(), "w.duckdb")
	mustRun(t, "ingest", "--warehouse", wh, "--year", "2015", "--scope", "53", filepath.Join(demo, "2015", "53"))
	in := t.TempDir()
	for region, src := range map[string]string{"01": filepath.Join(demo, "2016", "01"), "53": "../../fixtures/bad/37-autre-region"} {
		os.MkdirAll(filepath.Join(in, region), 0o755)
		entries, _ := os.ReadDir(src)
		for _, e := range entries {
			if e.Name() == "attendu.txt" {
				continue
			}
			b, err := os.ReadFile(filepath.Join(src, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			os.WriteFile(filepath.Join(in, region, e.Name()), b, 0o644)
		}
	}
	before := snapshot(t, wh)
	code, out, errOut := run(t, "run", "--warehouse", wh, "--year", "2016", "--in", in, "--out", filepath.Join(t.TempDir(), "out"))
	if code != ExitRefused {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	if after := snapshot(t, wh); after != before {
		t.Error("a refused batch of the run left the batches read before it loaded")
	}
}

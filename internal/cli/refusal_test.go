package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
)

func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func queryString(t *testing.T, wh, q string, args ...any) string {
	t.Helper()
	db := openDB(t, wh)
	defer db.Close()
	var s string
	if err := db.QueryRow(q, args...).Scan(&s); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return s
}

// TestWindows1252Accents: a Windows-1252 file (œ, ’ and – live in 0x80-0x9F, where
// Latin-1 has control characters) loads with its accents intact.
func TestWindows1252Accents(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	wh := filepath.Join(dir, "bilan.duckdb")
	name := "Mission locale de Ploërmel – Cœur d’Armor, 100 € l’été"
	text := "code_structure;nom_officiel;nom_usuel;code_departement;code_region\r\n" +
		"56165S00;" + name + ";;56;53\r\n35238S00;35-ML RENNES;We Ker;35;53\r\n"
	enc, err := charmap.Windows1252.NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	p := writeFile(t, dir, "referentiel_structures_2016.csv", enc)
	out := mustRun(t, "ingest", "--warehouse", wh, "--year", "2016", "--scope", "national", p)
	if !strings.Contains(out, "Windows-1252") {
		t.Errorf("report does not name the detected encoding:\n%s", out)
	}
	if got := queryString(t, wh, "SELECT nom_officiel FROM raw_structures WHERE code_structure = '56165S00'"); got != name {
		t.Errorf("name loaded as %q, want %q", got, name)
	}
}

// youthsAndEvents writes a jeunes file of n youths of Rennes and an evenements file of n
// events, bad of which have an impossible date.
func youthsAndEvents(t *testing.T, dir string, n, bad int) (string, string) {
	var j, e strings.Builder
	j.WriteString("id_jeune;code_structure;date_naissance;sexe\n")
	e.WriteString("id_evenement;id_jeune;code_structure;date_evenement;type_evenement;statut\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&j, "J%d;35238S00;01/06/1998;F\n", i)
		date := "15/03/2016"
		if i <= bad {
			date = "31/02/2016"
		}
		fmt.Fprintf(&e, "E%d;J%d;35238S00;%s;ENTRETIEN_INDIVIDUEL;REALISE\n", i, i, date)
	}
	return writeFile(t, dir, "jeunes.csv", j.String()), writeFile(t, dir, "evenements.csv", e.String())
}

// TestImpossibleDate: one impossible date out of 100 rows rejects that row only, named
// by file, line and column; three (above 2 %) refuse the file: exit 3, warehouse unchanged.
func TestImpossibleDate(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	wh := filepath.Join(dir, "bilan.duckdb")
	jeunes, events := youthsAndEvents(t, dir, 100, 1)
	out := mustRun(t, "ingest", "--warehouse", wh, "--year", "2016", "--scope", "53", jeunes, events)
	want := "Fichier evenements.csv, ligne 2, colonne « date_evenement » : la date « 31/02/2016 » n'existe pas ; ligne rejetée."
	if !strings.Contains(out, want) {
		t.Errorf("report lacks %q:\n%s", want, out)
	}
	if got := queryString(t, wh, "SELECT CAST(count(*) AS VARCHAR) FROM raw_evenements"); got != "99" {
		t.Errorf("%s events loaded, want 99", got)
	}
	if got := queryString(t, wh, "SELECT message FROM quarantine WHERE regle = 'date_impossible'"); got != want {
		t.Errorf("quarantine message %q", got)
	}
	before := snapshot(t, wh)

	dir2 := t.TempDir()
	jeunes, events = youthsAndEvents(t, dir2, 100, 3)
	code, out, _ := run(t, "ingest", "--warehouse", wh, "--year", "2016", "--scope", "53", jeunes, events)
	if code != ExitRefused {
		t.Fatalf("exit %d, want 3\n%s", code, out)
	}
	want = "Fichier evenements.csv : 3 lignes rejetées sur 100 (3,0 %), au-delà du seuil de 2 % ; fichier refusé."
	if !strings.Contains(out, want) {
		t.Errorf("report lacks %q:\n%s", want, out)
	}
	if after := snapshot(t, wh); after != before {
		t.Errorf("a refused batch changed the warehouse:\n%s\n---\n%s", before, after)
	}
}

// TestMissingRequiredColumn: a file without a required column is refused with a French
// message naming file and column; exit 3; the warehouse keeps what it had.
func TestMissingRequiredColumn(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	wh := filepath.Join(dir, "bilan.duckdb")
	mustRun(t, "ingest", "--warehouse", wh, "--year", "2016", "--scope", "94", filepath.Join(demo, "2016", "94"))
	before := snapshot(t, wh)
	p := writeFile(t, dir, "jeunes.csv", "id_jeune;date_naissance;sexe\nJ1;01/06/1998;F\n")
	code, out, errOut := run(t, "ingest", "--warehouse", wh, "--year", "2016", "--scope", "94", p)
	if code != ExitRefused {
		t.Fatalf("exit %d, want 3", code)
	}
	want := "Fichier jeunes.csv, colonne « code_structure » : colonne obligatoire absente ; fichier refusé."
	if !strings.Contains(out, want) {
		t.Errorf("report lacks %q:\n%s", want, out)
	}
	if !strings.Contains(errOut, "lot refusé") {
		t.Errorf("stderr: %q", errOut)
	}
	if after := snapshot(t, wh); after != before {
		t.Errorf("a refused file changed the warehouse")
	}
	// validate says the same without touching anything.
	code, out, _ = run(t, "validate", "--warehouse", wh, "--year", "2016", "--scope", "94", p)
	if code != ExitRefused || !strings.Contains(out, want) {
		t.Errorf("validate: exit %d\n%s", code, out)
	}
}

// TestRunWritesValidationReport: a refused batch in `run` stops before compute, and the
// validation report still lands in analystes/ with the refusal in it.
func TestRunWritesValidationReport(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	out, in := filepath.Join(dir, "out"), filepath.Join(dir, "in")
	os.MkdirAll(in, 0o755)
	b, _ := os.ReadFile("../../fixtures/bad/37-autre-region/jeunes.csv")
	writeFile(t, in, "jeunes.csv", string(b))
	code, stdout, _ := run(t, "run", "--warehouse", filepath.Join(dir, "w.duckdb"), "--year", "2016", "--scope", "53",
		"--in", in, "--out", out)
	if code != ExitRefused {
		t.Fatalf("exit %d\n%s", code, stdout)
	}
	f, err := excelize.OpenFile(filepath.Join(out, "analystes", "validation-2016.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	files, _ := f.GetRows("Fichiers")
	rules, _ := f.GetRows("Anomalies")
	all := fmt.Sprint(files, rules)
	for _, want := range []string{"jeunes.csv", "refusé", "hors_region", "bloquant",
		"la structure « 2A004S00 » est rattachée à la région 94"} {
		if !strings.Contains(all, want) {
			t.Errorf("validation report lacks %q", want)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "national")); err == nil {
		t.Error("a refused run published packs")
	}
}

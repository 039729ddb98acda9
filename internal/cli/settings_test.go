package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestComputeKeepsOtherExercices: computing 2016 (and again with other settings) never
// changes the indicators of 2015 kept in the warehouse.
func TestComputeKeepsOtherExercices(t *testing.T) {
	t.Parallel()
	wh, _ := demoRun(t)
	q := "SELECT CAST(count(*) AS VARCHAR) || ':' || CAST(sum(hash(i)) AS VARCHAR) FROM indicateurs i WHERE exercice = 2015"
	// compute 2016 recomputes 2015 (its N−1) with the same settings, as compute 2015 would.
	mustRun(t, "compute", "--warehouse", wh, "--year", "2016", "--jdi-mois", "3")
	with2016 := queryString(t, wh, q)
	mustRun(t, "compute", "--warehouse", wh, "--year", "2015", "--jdi-mois", "3")
	if alone := queryString(t, wh, q); alone != with2016 {
		t.Errorf("2015 as compute 2016 gives it %s, as compute 2015 does %s", with2016, alone)
	}
	if n := queryString(t, wh, "SELECT CAST(count(DISTINCT exercice) AS VARCHAR) FROM indicateurs"); n != "2" {
		t.Errorf("%s exercices side by side, want 2", n)
	}
}

// TestJDISettings: the JDI window and reference date come from the config file or the
// flags, change JEU_JDI, and are recorded in the manifest and the methodology.
func TestJDISettings(t *testing.T) {
	t.Parallel()
	wh, out := demoRun(t)
	base := csvRows(t, filepath.Join(out, "analystes", "indicateurs.csv"))["JEU_JDI;national;FR"]
	cfg := writeFile(t, t.TempDir(), "bilan.conf", "# réglages\njdi_mois = 12\ndate_reference = 30/06/2016\n")
	out2 := filepath.Join(t.TempDir(), "out")
	mustRun(t, "compute", "--warehouse", wh, "--year", "2016", "--config", cfg)
	mustRun(t, "publish", "--warehouse", wh, "--year", "2016", "--config", cfg, "--out", out2)
	got := csvRows(t, filepath.Join(out2, "analystes", "indicateurs.csv"))["JEU_JDI;national;FR"]
	if got == base || got == "" {
		t.Errorf("JEU_JDI with a 12-month window to 30/06: %s, default: %s", got, base)
	}
	var m struct {
		Parametres struct {
			JDIMois       int    `json:"jdi_mois"`
			DateReference string `json:"date_reference"`
		} `json:"parametres"`
		Sorties []struct{ Fichier, SHA256 string } `json:"sorties"`
	}
	b, err := os.ReadFile(filepath.Join(out2, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	if m.Parametres.JDIMois != 12 || m.Parametres.DateReference != "2016-06-30" {
		t.Errorf("manifest parameters %+v", m.Parametres)
	}
	for _, f := range m.Sorties {
		sum, err := fileSHA(filepath.Join(out2, f.Fichier))
		if err != nil || sum != f.SHA256 {
			t.Errorf("manifest: %s has SHA-256 %s, file has %s (%v)", f.Fichier, f.SHA256, sum, err)
		}
	}
	if len(m.Sorties) < 4 {
		t.Errorf("manifest lists %d outputs", len(m.Sorties))
	}
	text := pdftotext(t, filepath.Join(out2, "national", "bilan-national-2016.pdf"))
	if !strings.Contains(strings.Join(strings.Fields(text), " "), "dans les 12 mois précédant le 30/06/2016") {
		t.Error("methodology does not print the JDI window")
	}
	code, _, errOut := run(t, "compute", "--warehouse", wh, "--year", "2016", "--jdi-mois", "40")
	if code != ExitFailure || !strings.Contains(errOut, "--jdi-mois doit être entre 1 et 24") {
		t.Errorf("bad --jdi-mois: exit %d, %q", code, errOut)
	}
}

// The longest CSV line is a setting of the config file.
func TestLineLengthSetting(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	cfg := writeFile(t, dir, "bilan.conf", "longueur_ligne_max = 2048\n")
	p := writeFile(t, dir, "jeunes.csv", "id_jeune;code_structure;date_naissance;remarque\nJ1;35238S00;15/06/1998;"+strings.Repeat("x", 3000)+"\n")
	code, out, _ := run(t, "validate", "--warehouse", filepath.Join(dir, "w.duckdb"), "--year", "2016", "--scope", "53", "--config", cfg, p)
	if code != ExitRefused || !strings.Contains(out, "Fichier jeunes.csv, ligne 2 : ligne de plus de 2048 octets : ce n'est pas un extrait I-milo ; fichier refusé.") {
		t.Errorf("a 3 000-byte line with longueur_ligne_max = 2048: exit %d\n%s", code, out)
	}
	if code, _, _ := run(t, "validate", "--warehouse", filepath.Join(dir, "w.duckdb"), "--year", "2016", "--scope", "53", p); code == ExitRefused {
		t.Error("the same line refused under the default limit")
	}
}

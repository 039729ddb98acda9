package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// packFiles lists the files under dir, relative to it.
func packFiles(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		out = append(out, filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(out)
	return out
}

// TestPublishReplacesThePack: publishing 2016 into a folder holding the 2015 pack leaves
// exactly the 2016 pack, its manifest listing every file of the folder with its hash, and
// its validation report from the batches the warehouse keeps; a folder publish did not
// write is refused before anything is done.
func TestPublishReplacesThePack(t *testing.T) {
	t.Parallel()
	wh, runOut := demoRun(t)
	parent := t.TempDir()
	out := filepath.Join(parent, "packs")
	mustRun(t, "publish", "--warehouse", wh, "--year", "2015", "--out", out)
	if !contains(packFiles(t, out), "analystes/validation-2015.xlsx") {
		t.Fatalf("publish writes no validation report: %v", packFiles(t, out))
	}
	mustRun(t, "publish", "--warehouse", wh, "--year", "2016", "--out", out)
	files := packFiles(t, out)
	for _, f := range files {
		if strings.Contains(f, "2015") {
			t.Errorf("the 2016 pack still holds %s", f)
		}
	}
	if got, want := len(files), len(packFiles(t, runOut)); got != want {
		t.Errorf("publish wrote %d files, run %d", got, want)
	}
	b, err := os.ReadFile(filepath.Join(out, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		Sorties []struct{ Fichier, SHA256 string } `json:"sorties"`
	}
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	listed := map[string]string{"manifest.json": ""}
	for _, s := range m.Sorties {
		listed[s.Fichier] = s.SHA256
	}
	for _, f := range files {
		sum, ok := listed[f]
		if !ok {
			t.Errorf("%s is in the folder, not in the manifest", f)
			continue
		}
		if got, _ := fileSHA(filepath.Join(out, f)); sum != "" && got != sum {
			t.Errorf("%s: manifest says %s, file is %s", f, sum, got)
		}
		delete(listed, f)
	}
	for f := range listed {
		t.Errorf("the manifest lists %s, absent from the folder", f)
	}
	if entries, _ := os.ReadDir(parent); len(entries) != 1 {
		t.Errorf("publish left %d entries beside the pack (staging folders?)", len(entries))
	}

	// The report from the warehouse counts what run's report (from the ingest calls) counts.
	counts := func(path string) map[string]string {
		f, err := excelize.OpenFile(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		rows, _ := f.GetRows("Anomalies")
		m := map[string]string{}
		for _, r := range rows {
			if len(r) >= 5 && (r[2] == "rejet" || r[2] == "avertissement") {
				m[strings.Join(r[:4], "|")] = r[4]
			}
		}
		return m
	}
	stored, fromRun := counts(filepath.Join(out, "analystes", "validation-2016.xlsx")),
		counts(filepath.Join(runOut, "analystes", "validation-2016.xlsx"))
	if len(fromRun) == 0 {
		t.Fatal("the demo run's validation report lists no rejected row nor warning: nothing to compare")
	}
	for k, n := range fromRun {
		if stored[k] != n {
			t.Errorf("%s: run's report says %s, publish's %q", k, n, stored[k])
		}
	}
	if len(stored) != len(fromRun) {
		t.Errorf("publish's report has %d rule lines, run's %d", len(stored), len(fromRun))
	}

	// A folder holding other files is never replaced.
	other := filepath.Join(parent, "documents")
	writeFile(t, mkdir(t, other), "note.txt", "à garder")
	code, _, stderr := run(t, "publish", "--warehouse", wh, "--year", "2016", "--out", other)
	if code != ExitFailure || !strings.Contains(stderr, "pas de manifest.json") {
		t.Errorf("publish into a folder it did not write: exit %d, %s", code, stderr)
	}
	if got := packFiles(t, other); len(got) != 1 || got[0] != "note.txt" {
		t.Errorf("the folder now holds %v", got)
	}
}

func mkdir(t *testing.T, dir string) string {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestRegionalPackOwnBatches: a regional report counts the rejected rows of its own
// batches (and of national ones), not the nation's; an overseas region's report has the
// Outre-mer section, a metropolitan one has not.
func TestRegionalPackOwnBatches(t *testing.T) {
	t.Parallel()
	wh, out := demoRun(t)
	rejected := func(path string) (int, []string) {
		f, err := excelize.OpenFile(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		rows, err := f.GetRows("Rejets")
		if err != nil {
			t.Fatal(err)
		}
		sum := 0
		for _, r := range rows {
			if len(r) == 3 && (strings.HasPrefix(r[0], "région ") || r[0] == "national") {
				n, err := strconv.Atoi(strings.NewReplacer("\u202f", "", "\u00a0", "", " ", "").Replace(r[2]))
				if err != nil {
					t.Fatalf("%s: Rejets row %v", path, r)
				}
				sum += n
			}
		}
		return sum, f.GetSheetList()
	}
	for _, r := range []struct {
		code, dir string
		overseas  bool
	}{{"01", "01-guadeloupe", true}, {"53", "53-bretagne", false}, {"94", "94-corse", false}} {
		got, sheets := rejected(filepath.Join(out, "regions", r.dir, "bilan-"+r.dir[3:]+"-2016.xlsx"))
		want, _ := strconv.Atoi(queryString(t, wh, "SELECT count(*)::VARCHAR FROM quarantine WHERE exercice = 2016 AND scope IN (?, 'national')", r.code))
		if got != want {
			t.Errorf("%s: the report counts %d rejected rows, its batches have %d", r.dir, got, want)
		}
		if contains(sheets, "Outre-mer") != r.overseas {
			t.Errorf("%s: sheet Outre-mer present = %v, want %v", r.dir, !r.overseas, r.overseas)
		}
	}
	national, _ := rejected(filepath.Join(out, "national", "bilan-national-2016.xlsx"))
	all, _ := strconv.Atoi(queryString(t, wh, "SELECT count(*)::VARCHAR FROM quarantine WHERE exercice = 2016"))
	if national != all {
		t.Errorf("national report: %d rejected rows, the batches %d", national, all)
	}
}

// Compute stores the document date (calculs.date_document) so that publish does not fold
// the events again: a warehouse computed before that, where it is NULL, gets it from the
// inputs, and both give the same pack, byte for byte (but the validation report: the run's
// lists its own ingest calls, publish what the warehouse keeps of them).
func TestDocumentDateStored(t *testing.T) {
	t.Parallel()
	wh, runOut := demoRun(t)
	db := openDB(t, wh)
	var stored string
	if err := db.QueryRow("SELECT CAST(date_document AS VARCHAR) FROM calculs WHERE exercice = 2016").Scan(&stored); err != nil {
		t.Fatalf("no document date stored by compute: %v", err)
	}
	if _, err := db.Exec("UPDATE calculs SET date_document = NULL"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	out := filepath.Join(t.TempDir(), "packs")
	mustRun(t, "publish", "--warehouse", wh, "--year", "2016", "--out", out)
	date := func(dir string) string {
		b, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
		if err != nil {
			t.Fatal(err)
		}
		var m struct {
			Parametres struct {
				DateDocument string `json:"date_document"`
			} `json:"parametres"`
		}
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatal(err)
		}
		return m.Parametres.DateDocument
	}
	if got := date(runOut); got != stored {
		t.Errorf("the run's pack is dated %q, compute stored %q", got, stored)
	}
	if got := date(out); got != stored {
		t.Errorf("from the inputs the pack is dated %q, compute stored %q", got, stored)
	}
	for _, f := range packFiles(t, runOut) {
		if f == "manifest.json" || f == "analystes/validation-2016.xlsx" {
			continue
		}
		a, errA := os.ReadFile(filepath.Join(runOut, f))
		b, errB := os.ReadFile(filepath.Join(out, f))
		if errA != nil || errB != nil || string(a) != string(b) {
			t.Errorf("%s differs between the stored date and the date from the inputs (%v, %v)", f, errA, errB)
		}
	}
}

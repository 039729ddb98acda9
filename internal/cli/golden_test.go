package cli

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/ (make update)")

// goldenDemo holds what the packs of the demo run say: the text of each PDF
// (pdftotext -layout) and the cells of each workbook, one file per pack.
const goldenDemo = "testdata/demo-2016"

// TestDemoPacksGolden reads back every PDF and workbook of the demo run and compares them
// with their golden files; `make update` rewrites these, and their diff is reviewed like
// code. The demo is deterministic: its document date comes from the inputs (31/12/2017).
func TestDemoPacksGolden(t *testing.T) {
	t.Parallel()
	_, out := demoRun(t)
	got := map[string]string{} // golden file → content
	err := filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		switch filepath.Ext(p) {
		case ".pdf":
			got[rel+".txt"] = pdfPages(pdftotext(t, p))
		case ".xlsx":
			got[rel+".txt"] = workbookCells(t, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 10 { // 4 PDFs, 6 workbooks (see TestEveryWorkbook)
		t.Fatalf("%d packs read back, want 10", len(got))
	}
	if *update {
		if err := os.RemoveAll(goldenDemo); err != nil {
			t.Fatal(err)
		}
		for name, content := range got {
			p := filepath.Join(goldenDemo, name)
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return
	}
	want := map[string]string{}
	err = filepath.WalkDir(goldenDemo, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(goldenDemo, p)
		want[rel] = string(b)
		return err
	})
	if err != nil {
		t.Fatalf("%v (make update writes the golden files)", err)
	}
	for _, name := range sortedKeys(got, want) {
		if _, ok := want[name]; !ok {
			t.Errorf("%s: no golden file (make update writes it)", name)
			continue
		}
		if _, ok := got[name]; !ok {
			t.Errorf("%s: golden file of a pack the demo no longer writes", name)
			continue
		}
		if diff := cmp.Diff(strings.Split(want[name], "\n"), strings.Split(got[name], "\n")); diff != "" {
			t.Errorf("%s differs from its golden file (-want +got; make update rewrites it):\n%s", name, diff)
		}
	}
}

// pdfPages writes pdftotext's pages one after the other under a « --- page N --- » line
// (rather than form feeds), without trailing spaces.
func pdfPages(text string) string {
	var b strings.Builder
	for i, page := range strings.Split(strings.TrimSuffix(text, "\f"), "\f") {
		fmt.Fprintf(&b, "--- page %d ---\n", i+1)
		for _, l := range strings.Split(strings.TrimRight(page, "\n"), "\n") {
			b.WriteString(strings.TrimRight(l, " ") + "\n")
		}
	}
	return b.String()
}

// workbookCells writes each sheet of a workbook under a « --- feuille « name » --- » line,
// then each non-empty row: its number, then its raw cell values, tab-separated (line
// breaks inside a cell written \n).
func workbookCells(t *testing.T, path string) string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var b strings.Builder
	for _, sheet := range f.GetSheetList() {
		fmt.Fprintf(&b, "--- feuille « %s » ---\n", sheet)
		rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatalf("%s, sheet %s: %v", path, sheet, err)
		}
		for i, r := range rows {
			if len(r) == 0 {
				continue
			}
			fmt.Fprintf(&b, "%d\t%s\n", i+1, strings.NewReplacer("\r", `\r`, "\n", `\n`, "\t", `\t`).Replace(strings.Join(r, "\x00")))
		}
	}
	return strings.ReplaceAll(b.String(), "\x00", "\t")
}

func sortedKeys(maps ...map[string]string) []string {
	seen := map[string]bool{}
	var keys []string
	for _, m := range maps {
		for k := range m {
			if !seen[k] {
				seen[k] = true
				keys = append(keys, k)
			}
		}
	}
	sort.Strings(keys)
	return keys
}

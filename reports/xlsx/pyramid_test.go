package xlsx

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"

	"bilan/reports"
	"bilan/reports/reporttest"
)

// A table of grouped columns has one header row, each title with its group's; a pyramid's
// sheet holds its data (« [s] » where masked), the helper column of the men as negative
// numbers, and a native bar chart of two overlapping series, as openpyxl reads it.
func TestGroupedColumnsAndPyramid(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, reporttest.Profile()); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "p.xlsx")
	if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("PA sexe-âge", excelize.Options{RawCellValue: true})
	want := []string{"Mission locale", "Femmes – Moins de 18 ans", "Femmes – 18-21 ans", "Hommes – Moins de 18 ans", "Hommes – 18-21 ans",
		"Sexe inconnu", "Ensemble"}
	if diff := cmp.Diff(want, rows[2]); diff != "" {
		t.Errorf("header (-want +got):\n%s", diff)
	}
	rows, _ = f.GetRows("Pyramide des âges", excelize.Options{RawCellValue: true})
	wantRows := [][]string{{"Âge au 31/12", "Hommes", "Femmes", "(graphique) Hommes à gauche de l'axe"},
		{"Moins de 18 ans", "1414", "1212", "-1414"}, {"18-21 ans", "[s]", "3131"}}
	if diff := cmp.Diff(wantRows, rows[2:]); diff != "" {
		t.Errorf("pyramid data (-want +got):\n%s", diff)
	}
	out, err := exec.Command("/usr/bin/python3", "-c", `
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["Pyramide des âges"]
c = ws._charts[0]
print(len(ws._charts), c.barDir, c.overlap, [s.val.numRef.f for s in c.series])
`, p).Output()
	if got := strings.TrimSpace(string(out)); err != nil || got != "1 bar 100.0 [\"'Pyramide des âges'!$D$4:$D$5\", \"'Pyramide des âges'!$C$4:$C$5\"]" {
		t.Errorf("the chart as openpyxl reads it: %s, %v", got, err)
	}
}

// The used range the writer records for each sheet is the one excelize reads back (what
// Save would compute): for the renderers' samples, a long table, grouped columns, charts.
func TestKnownDimensions(t *testing.T) {
	for name, r := range map[string]*reports.Report{"sample": reporttest.Sample(40), "profile": reporttest.Profile()} {
		r.Sections[0].Charts = append(r.Sections[0].Charts, &reports.Chart{Kind: reports.Bars, Title: "Barres", Labels: []string{"a", "b"},
			Series: []reports.Series{{Name: "x", Values: []float64{1, 2}}, {Name: "y", Values: []float64{3, 4}}}})
		var buf bytes.Buffer
		if err := Write(&buf, r); err != nil {
			t.Fatal(err)
		}
		f, err := excelize.OpenReader(&buf)
		if err != nil {
			t.Fatal(err)
		}
		for _, sheet := range f.GetSheetList() {
			rows, _ := f.GetRows(sheet, excelize.Options{RawCellValue: true})
			cols := 1
			for _, row := range rows {
				cols = max(cols, len(row))
			}
			want := "A1:" + cell(cols, len(rows))
			if got, _ := f.GetSheetDimension(sheet); got != want {
				t.Errorf("%s › %s: dimension %s, the cells read back span %s", name, sheet, got, want)
			}
		}
		f.Close()
	}
}

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

package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"bilan/reports"
	"bilan/reports/reporttest"
)

var sample = reporttest.Sample

// TestDimensionOpenpyxlReadOnly reads a workbook with openpyxl in read-only mode, which
// trusts each sheet's <dimension>: it must see every row and column excelize sees.
func TestDimensionOpenpyxlReadOnly(t *testing.T) {
	const python = "/usr/bin/python3"
	if exec.Command(python, "-c", "import openpyxl").Run() != nil {
		t.Fatal("openpyxl is needed (Debian package python3-openpyxl, installed by .ci/run)")
	}
	var buf bytes.Buffer
	if err := Write(&buf, sample(40)); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "r.xlsx")
	if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(python, "-c", `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1], read_only=True)
print(json.dumps({ws.title: [ws.max_row, ws.max_column, sum(v not in (None, '') for r in ws.iter_rows(values_only=True) for v in r)] for ws in wb.worksheets}))
`, p).Output()
	if err != nil {
		t.Fatalf("openpyxl: %v", err)
	}
	var got map[string][3]int
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("openpyxl output %q: %v", out, err)
	}
	f, err := excelize.OpenFile(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(got) != len(sheets) {
		t.Fatalf("openpyxl sees %d sheets, excelize %d", len(got), len(sheets))
	}
	for _, sheet := range sheets {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		cols, values := 0, 0
		for _, r := range rows {
			cols = max(cols, len(r))
			for _, v := range r {
				if v != "" {
					values++
				}
			}
		}
		if g := got[sheet]; g[0] != len(rows) || g[1] != cols || g[2] != values {
			t.Errorf("sheet %s: openpyxl read-only sees %d rows, %d columns, %d values; excelize %d, %d, %d",
				sheet, g[0], g[1], g[2], len(rows), cols, values)
		}
	}
}

// The cover explains the secrecy threshold of a published report; a restricted one (exact
// values, nothing masked) says so instead of citing a threshold it never had.
func TestCoverSecrecyLine(t *testing.T) {
	for _, restricted := range []bool{false, true} {
		r := sample(3)
		r.Restricted = restricted
		if restricted {
			r.Threshold = 0
		}
		var buf bytes.Buffer
		if err := Write(&buf, r); err != nil {
			t.Fatal(err)
		}
		f, err := excelize.OpenReader(&buf)
		if err != nil {
			t.Fatal(err)
		}
		rows, _ := f.GetRows(readme)
		var text string
		for _, row := range rows {
			text += fmt.Sprintln(row)
		}
		f.Close()
		if got := strings.Contains(text, "effectif de moins de 11 jeunes"); got == restricted {
			t.Errorf("restricted=%v: threshold line present=%v\n%s", restricted, got, text)
		}
		if got := strings.Contains(text, "Diffusion restreinte : valeurs exactes"); got != restricted {
			t.Errorf("restricted=%v: restricted line present=%v\n%s", restricted, got, text)
		}
		if strings.Contains(text, "moins de 0 ") {
			t.Errorf("the cover cites a threshold of 0:\n%s", text)
		}
	}
}

// A grouped table has one header row, each column « group – title »; a change in points is
// stored in points with its format; a line of several series has its data on its sheet,
// numbers as numbers and a masked point left empty (no chart plots it), under one native
// chart per series.
func TestGroupedTableAndPanels(t *testing.T) {
	r := sample(1)
	tb := &reports.Table{Number: 2, Title: "Profil", Sheet: "Profil", Columns: []reports.Column{{Title: "Région"},
		{Title: "2016", Format: reports.Percent, Group: "Femmes"}, {Title: "2015", Format: reports.Percent, Group: "Femmes"},
		{Title: "Évol. (points)", Format: reports.Points, Group: "Femmes"}},
		Rows: [][]reports.Cell{{reports.Str("Bretagne"), reports.Num(50.1, reports.Percent), reports.Num(47.2, reports.Percent), reports.Num(2.9, reports.Points)}}}
	c := &reports.Chart{Kind: reports.Line, Title: "Indicateurs clés", Axis: "Exercice", Labels: []string{"2015", "2016"}, Series: []reports.Series{
		{Name: "Jeunes en contact", Values: []float64{1222, 1240}},
		{Name: "Jeunes parrainés", Values: []float64{100, 116}, Cells: []reports.Cell{reports.Num(100, reports.Count), reports.Secret(reports.Count)}},
		{Name: "Entrées en PACEA", Values: []float64{124, 120}}}}
	r.Sections[0].Tables = append(r.Sections[0].Tables, tb)
	r.Sections[0].Charts = []*reports.Chart{c}
	var buf bytes.Buffer
	if err := Write(&buf, r); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("Profil", excelize.Options{RawCellValue: true})
	if got := fmt.Sprint(rows[2]); got != "[Région Femmes – 2016 Femmes – 2015 Femmes – Évol. (points)]" {
		t.Errorf("grouped table's header: %s", got)
	}
	for i, want := range []float64{0.501, 0.472, 2.9} { // percentages as fractions, points as points
		if v, err := strconv.ParseFloat(rows[3][i+1], 64); err != nil || math.Abs(v-want) > 1e-9 {
			t.Errorf("grouped table, column %d: %q, want %v", i+2, rows[3][i+1], want)
		}
	}
	if shown, _ := f.GetCellValue("Profil", "D4"); shown != "+2.9 pt" {
		t.Errorf("a change in points reads %q", shown)
	}
	rows, _ = f.GetRows("Graphique 1", excelize.Options{RawCellValue: true})
	if got := fmt.Sprint(rows[2:]); got != "[[Exercice Jeunes en contact Jeunes parrainés Entrées en PACEA] [2015 1222 100 124] [2016 1240  120]]" {
		t.Errorf("chart data: %s", got)
	}
	if typ, _ := f.GetCellType("Graphique 1", "C5"); typ != excelize.CellTypeUnset {
		t.Errorf("the masked point is a %v cell", typ)
	}
	z, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	charts := 0
	for _, file := range z.File {
		if strings.HasPrefix(file.Name, "xl/charts/chart") {
			charts++
		}
	}
	if charts != 3 {
		t.Errorf("%d native charts, want one per series", charts)
	}
}

package xlsx

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

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

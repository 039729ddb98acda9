package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"bilan/internal/referentiel"
)

// TestEveryWorkbook reopens every XLSX of the packs: cover sheet first, a contents sheet
// whose every line links to an existing sheet, numbers stored as numbers with a format,
// and the youths in contact equal to indicateurs.csv.
func TestEveryWorkbook(t *testing.T) {
	t.Parallel()
	_, out := demoRun(t)
	truth := csvRows(t, filepath.Join(out, "analystes", "indicateurs.csv"))
	books, _ := filepath.Glob(filepath.Join(out, "*", "*.xlsx"))
	regional, _ := filepath.Glob(filepath.Join(out, "regions", "*", "*.xlsx"))
	books = append(books, regional...)
	if len(books) != 6 { // validation report, national, funders, three demo regions
		t.Fatalf("workbooks: %v", books)
	}
	for _, path := range books {
		t.Run(filepath.Base(path), func(t *testing.T) {
			f, err := excelize.OpenFile(path)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			sheets := f.GetSheetList()
			if sheets[0] != "Lisez-moi" || sheets[1] != "Sommaire" {
				t.Fatalf("sheets start with %v", sheets[:2])
			}
			if v, _ := f.GetCellValue("Lisez-moi", "B1"); !strings.HasPrefix(v, "Bilan d'activité des missions locales") && !strings.HasPrefix(v, "Rapport de validation") {
				t.Errorf("cover title %q", v)
			}
			rows, _ := f.GetRows("Sommaire")
			links := 0
			for i := range rows {
				ok, target, _ := f.GetCellHyperLink("Sommaire", fmt.Sprintf("A%d", i+1))
				if !ok {
					continue
				}
				links++
				sheet := strings.Trim(strings.SplitN(target, "!", 2)[0], "'")
				if !contains(sheets, sheet) {
					t.Errorf("contents links to a missing sheet %q", sheet)
				}
			}
			if links < 2 || links != len(sheets)-3 { // every sheet but Lisez-moi, Sommaire, Notes
				t.Errorf("%d contents links for %d sheets", links, len(sheets))
			}
			if strings.Contains(path, "validation") {
				return // the validation report holds no indicator
			}
			sheet, col, row, code := contactCell(t, f, path)
			ref := fmt.Sprintf("%s%d", col, row)
			if typ, _ := f.GetCellType(sheet, ref); typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
				t.Errorf("%s!%s is %v, want a number", sheet, ref, typ)
			}
			if st, _ := f.GetCellStyle(sheet, ref); st == 0 {
				t.Errorf("%s!%s has no number format", sheet, ref)
			}
			v, _ := f.GetCellValue(sheet, ref, excelize.Options{RawCellValue: true})
			if want := truth["JEU_CONTACT;"+code]; v != want || want == "" {
				t.Errorf("%s!%s = %q, indicateurs.csv says %q", sheet, ref, v, want)
			}
		})
	}
}

// contactCell finds the cell of JEU_CONTACT for the pack's own territory.
func contactCell(t *testing.T, f *excelize.File, path string) (sheet, col string, row int, code string) {
	t.Helper()
	sheet, header, label, code := "Jeunes", "Jeunes en contact", "France", "national;FR"
	switch {
	case strings.Contains(path, "financeurs"):
		sheet, header, label, code = "Par région", "JEU_CONTACT", "Bretagne", "region;53"
	case strings.Contains(path, "regions"):
		label = map[string]string{"01": "Guadeloupe", "53": "Bretagne", "94": "Corse"}[filepath.Base(filepath.Dir(path))[:2]]
		code = "region;" + filepath.Base(filepath.Dir(path))[:2]
	}
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatalf("sheet %q: %v", sheet, err)
	}
	for _, head := range rows[2:4] { // the titles, then (funders) the ids
		for ci, h := range head {
			if h == header || h == header+" – 2016" { // a pack shows 2015 beside, its columns « Jeunes en contact – 2016 »…
				col, _ = excelize.ColumnNumberToName(ci + 1)
			}
		}
	}
	for ri, r := range rows {
		if len(r) > 1 && (r[0] == label || r[1] == label) {
			row = ri + 1
		}
	}
	if col == "" || row == 0 {
		t.Fatalf("%s: no %q column or %q line", sheet, header, label)
	}
	return sheet, col, row, code
}

// TestFormulaInjection: a mission locale whose name starts with "=" in the referential
// ends up as plain text, never a formula, in every workbook.
func TestFormulaInjection(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	in := filepath.Join(dir, "in", "53")
	os.MkdirAll(in, 0o755)
	const evil = `=HYPERLINK("http://exemple.invalid","Rennes")`
	var bretagne []string // a regional batch carries its own region's referential only
	for i, l := range strings.Split(strings.TrimSpace(referentiel.CSV()), "\n") {
		if i == 0 || strings.HasSuffix(l, ";53") {
			bretagne = append(bretagne, l)
		}
	}
	writeFile(t, in, "referentiel_structures.csv", strings.Replace(strings.Join(bretagne, "\n")+"\n", "35238S00;35-ML RENNES;", "35238S00;\""+strings.ReplaceAll(evil, `"`, `""`)+"\";", 1))
	for _, k := range []string{"jeunes.csv", "evenements.csv", "mesures.csv"} {
		b, _ := os.ReadFile(filepath.Join(demo, "2016", "53", k))
		writeFile(t, in, k, string(b))
	}
	out := filepath.Join(dir, "out")
	mustRun(t, "run", "--warehouse", filepath.Join(dir, "w.duckdb"), "--year", "2016", "--in", filepath.Join(dir, "in"), "--out", out)
	books := []string{filepath.Join(out, "regions", "53-bretagne", "bilan-bretagne-2016.xlsx"), filepath.Join(out, "financeurs", "financeurs-2016.xlsx")}
	for _, path := range books {
		f, err := excelize.OpenFile(path)
		if err != nil {
			t.Fatal(err)
		}
		found := 0
		for _, sheet := range f.GetSheetList() {
			rows, _ := f.GetRows(sheet)
			for ri, r := range rows {
				for ci, v := range r {
					if v != evil {
						continue
					}
					found++
					ref, _ := excelize.CoordinatesToCellName(ci+1, ri+1)
					if formula, _ := f.GetCellFormula(sheet, ref); formula != "" {
						t.Errorf("%s %s!%s is a formula: %q", filepath.Base(path), sheet, ref, formula)
					}
					if typ, _ := f.GetCellType(sheet, ref); typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString {
						t.Errorf("%s %s!%s has type %v", filepath.Base(path), sheet, ref, typ)
					}
				}
			}
		}
		f.Close()
		if found == 0 {
			t.Errorf("%s: the mission locale's name is nowhere", filepath.Base(path))
		}
	}
}

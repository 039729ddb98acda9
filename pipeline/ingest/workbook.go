package ingest

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/xuri/excelize/v2"

	"bilan/internal/textio"
)

// checkWorkbook checks what can be checked of an ARML workbook before its content is
// loaded (extracts.md §4): it is a readable XLSX, it has its « structures » sheet, and the
// missions locales listed there are all of one region, the batch's. It returns the region.
func (c *checker) checkWorkbook(path string, rep *FileReport) string {
	refuse := func(rule string, args ...any) {
		rep.add(Issue{Severity: Refuse, File: rep.Name, Rule: rule, Args: args})
	}
	b, err := os.ReadFile(path)
	if err != nil {
		refuse(RuleNotWorkbook)
		return ""
	}
	sum := sha256.Sum256(b)
	rep.SHA256 = hex.EncodeToString(sum[:])
	f, err := openWorkbook(path)
	if err != nil {
		refuse(RuleNotWorkbook)
		return ""
	}
	defer f.Close()
	sheet := ""
	for _, s := range f.GetSheetList() {
		if textio.Fold(s) == "structures" {
			sheet = s
		}
	}
	if sheet == "" {
		refuse(RuleNoSheet, "structures")
		return ""
	}
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		refuse(RuleNotWorkbook)
		return ""
	}
	col, start := -1, 0
	for i := 0; i < len(rows) && i < 10 && col < 0; i++ {
		for j, h := range rows[i] {
			if textio.Fold(h) == "code_structure" {
				col, start = j, i+1
			}
		}
	}
	if col < 0 {
		rep.add(Issue{Severity: Refuse, File: rep.Name, Column: "code_structure", Rule: RuleMissingColumn})
		return ""
	}
	regions := map[string]string{} // region → first mission locale listed
	for _, r := range rows[start:] {
		if col >= len(r) {
			continue
		}
		code := strings.TrimSpace(r[col])
		if s, ok := c.structures[code]; ok && !s.technical {
			if regions[s.region] == "" {
				regions[s.region] = code
			}
			rep.Read++
		}
	}
	var list []string
	for r := range regions {
		list = append(list, r)
	}
	sort.Strings(list)
	switch {
	case len(list) == 0:
		refuse(RuleNoSheet, "structures (aucune mission locale reconnue)")
		return ""
	case len(list) > 1:
		refuse(RuleMixedRegions, strings.Join(list, ", "))
		return ""
	case c.scope != "national" && list[0] != c.scope:
		rep.add(Issue{Severity: Refuse, File: rep.Name, Column: "code_structure", Rule: RuleOtherRegion, Value: regions[list[0]], Args: []any{list[0], c.scope}})
		return ""
	}
	return list[0]
}

// openWorkbook opens an XLSX file; a panic inside the reader on a hostile file is turned
// into an error, since no input may crash the program.
func openWorkbook(path string) (f *excelize.File, err error) {
	defer func() {
		if r := recover(); r != nil {
			f, err = nil, io.ErrUnexpectedEOF
		}
	}()
	f, err = excelize.OpenFile(path)
	if err == nil && len(f.GetSheetList()) == 0 {
		f.Close()
		return nil, io.ErrUnexpectedEOF
	}
	return f, err
}

package ingest

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"math/big"
	"os"
	"sort"
	"strings"

	"github.com/xuri/excelize/v2"

	"bilan/internal/arml"
	"bilan/internal/parse"
	"bilan/internal/textio"
	"bilan/internal/warehouse"
	sqlfiles "bilan/sql"
)

// workbook is the content of an accepted ARML workbook: per sheet, the rows to load in
// the column order of its raw_arml_<sheet> table (line first, then the read columns).
type workbook struct {
	file   string
	region string
	rows   map[string][][]any
}

// wbReader reads one workbook; every error refuses it, and all of them are listed.
type wbReader struct {
	c    *checker
	rep  *FileReport
	f    *excelize.File
	wb   *workbook
	keys map[string]int // key of a sheet's row (code or action) → first line
}

func (r *wbReader) refuse(sheet string, line int, column, rule, value string) {
	r.rep.add(Issue{Severity: Refuse, File: r.rep.Name, Sheet: sheet, Line: line, Column: column, Rule: rule, Value: value})
}

// refuseFor refuses the workbook for a rule whose sentence needs a detail.
func (r *wbReader) refuseFor(sheet string, line int, column, value string, d Detail) {
	r.rep.add(Issue{Severity: Refuse, File: r.rep.Name, Sheet: sheet, Line: line, Column: column, Value: value, Detail: d})
}

// readWorkbook checks an ARML workbook against extracts.md §4 and returns its rows, or
// nil when it is refused. The region is deduced from the missions locales of the sheet
// « structures » and must be the batch's.
func (c *checker) readWorkbook(path string, rep *FileReport) *workbook {
	b, err := os.ReadFile(path)
	if err != nil {
		rep.add(Issue{Severity: Refuse, File: rep.Name, Rule: RuleNotWorkbook})
		return nil
	}
	sum := sha256.Sum256(b)
	rep.SHA256 = hex.EncodeToString(sum[:])
	f, err := openWorkbook(path)
	if errors.Is(err, errWorkbookTooLarge) {
		rep.add(Issue{Severity: Refuse, File: rep.Name, Rule: RuleWorkbookTooLarge})
		return nil
	}
	if err != nil {
		rep.add(Issue{Severity: Refuse, File: rep.Name, Rule: RuleNotWorkbook})
		return nil
	}
	defer f.Close()
	r := &wbReader{c: c, rep: rep, f: f, wb: &workbook{file: rep.Name, rows: map[string][][]any{}}}
	sheets := map[string]string{} // schema name → name in the workbook
	for _, s := range f.GetSheetList() {
		if sh, ok := arml.SheetNamed(s); ok {
			sheets[sh.Name] = s
		}
	}
	if sheets["structures"] == "" {
		rep.add(Issue{Severity: Refuse, File: rep.Name, Detail: noSheet{Sheet: "structures"}})
		return nil
	}
	grids := map[string][][]string{}
	for _, sh := range arml.Sheets {
		if name := sheets[sh.Name]; name != "" {
			grid, err := getRows(f, name)
			if err != nil {
				rep.add(Issue{Severity: Refuse, File: rep.Name, Rule: RuleNotWorkbook})
				return nil
			}
			if len(grid) > maxWorkbookRows {
				rep.add(Issue{Severity: Refuse, File: rep.Name, Rule: RuleWorkbookTooLarge})
				return nil
			}
			grids[sh.Name] = grid
		}
	}
	if r.wb.region = r.region(grids["structures"]); r.wb.region == "" {
		return nil
	}
	for _, sh := range arml.Sheets {
		if grid, ok := grids[sh.Name]; ok {
			r.sheet(sh, grid)
		}
	}
	var given []string
	for _, sh := range arml.Sheets {
		if _, ok := grids[sh.Name]; ok {
			given = append(given, fmt.Sprintf("%s %d", sh.Name, len(r.wb.rows[sh.Name])))
		} else {
			given = append(given, sh.Name+" absente")
		}
	}
	rep.Detail = fmt.Sprintf("classeur de la région %s ; lignes renseignées par feuille : %s", r.wb.region, strings.Join(given, ", "))
	if rep.Refused {
		return nil
	}
	rep.Loaded = rep.Read
	return r.wb
}

// getRows reads a sheet's raw cell values (never formatted for display); a panic of the
// reader on a hostile file becomes an error.
func getRows(f *excelize.File, sheet string) (rows [][]string, err error) {
	defer func() {
		if p := recover(); p != nil {
			rows, err = nil, io.ErrUnexpectedEOF
		}
	}()
	return f.GetRows(sheet, excelize.Options{RawCellValue: true})
}

// header finds the header row of a sheet: the first of its first 10 rows holding every
// required column. It returns the row index and column name → cell index.
func header(sh arml.Sheet, grid [][]string) (int, map[string]int) {
	for i := 0; i < len(grid) && i < 10; i++ {
		index := map[string]int{}
		for j, h := range grid[i] {
			if name := textio.Fold(h); name != "" {
				if _, dup := index[name]; !dup {
					index[name] = j
				}
			}
		}
		complete := true
		for _, col := range sh.Columns {
			if _, ok := index[col.Name]; col.Required && !ok {
				complete = false
			}
		}
		if complete {
			return i, index
		}
	}
	return -1, nil
}

// region deduces the workbook's region from the missions locales of « structures ».
func (r *wbReader) region(grid [][]string) string {
	sh, _ := arml.SheetNamed("structures")
	start, index := header(sh, grid)
	if start < 0 {
		r.refuse("structures", 0, "code_structure", RuleMissingColumn, "")
		return ""
	}
	regions := map[string]string{} // region → first mission locale listed
	for _, cells := range grid[start+1:] {
		code := cell(cells, index["code_structure"])
		if s, ok := r.c.inForce[code]; ok && !s.technical && regions[s.region] == "" {
			regions[s.region] = code
		}
	}
	var list []string
	for reg := range regions {
		list = append(list, reg)
	}
	sort.Strings(list)
	switch {
	case len(list) == 0:
		r.refuse("structures", 0, "code_structure", RuleNoML, "")
	case len(list) > 1:
		r.refuseFor("", 0, "", "", mixedRegions{Regions: list})
	case r.c.scope != "national" && list[0] != r.c.scope:
		r.refuseFor("structures", 0, "code_structure", regions[list[0]], outOfScope{Region: list[0], Scope: r.c.scope})
	default:
		return list[0]
	}
	return ""
}

func cell(cells []string, i int) string {
	if i < 0 || i >= len(cells) {
		return ""
	}
	return strings.TrimSpace(cells[i])
}

// sheet reads the data rows of one sheet into the workbook.
func (r *wbReader) sheet(sh arml.Sheet, grid [][]string) {
	start, index := header(sh, grid)
	if start < 0 {
		for _, col := range sh.Columns {
			if col.Required {
				if i, _ := header(arml.Sheet{Columns: []arml.Column{col}}, grid); i < 0 {
					r.refuse(sh.Name, 0, col.Name, RuleMissingColumn, "")
				}
			}
		}
		return
	}
	known := map[string]bool{}
	for _, col := range sh.Columns {
		known[col.Name] = true
	}
	var unknown []string
	for name := range index {
		if !known[name] {
			unknown = append(unknown, name)
		}
	}
	sort.Strings(unknown)
	for _, name := range unknown {
		r.rep.add(Issue{Severity: Warning, File: r.rep.Name, Sheet: sh.Name, Line: start + 1, Column: name, Rule: RuleUnknownColumn})
	}
	r.keys = map[string]int{}
	given := 0
	for i, cells := range grid[start+1:] {
		line := start + i + 2 // Excel row number
		values, ok := r.row(sh, index, cells, line)
		if !ok {
			continue
		}
		given++
		if sh.Name == "enquete_numerique" && given > 1 {
			r.refuse(sh.Name, line, "", RuleSurveyRows, "")
			continue
		}
		r.rep.Read++
		r.wb.rows[sh.Name] = append(r.wb.rows[sh.Name], append([]any{line}, values...))
	}
}

// row reads one data row; ok is false for a row that gives nothing (blank, or pre-filled
// with its key only: "not given").
func (r *wbReader) row(sh arml.Sheet, index map[string]int, cells []string, line int) (values []any, ok bool) {
	get := func(name string) string {
		if i, present := index[name]; present {
			return cell(cells, i)
		}
		return ""
	}
	for _, col := range sh.Columns {
		if col.Type != arml.Label && col.Type != arml.Code && col.Type != arml.Action && get(col.Name) != "" {
			ok = true
		}
	}
	if !ok {
		return nil, false
	}
	var cost [4]*big.Rat // total, 60, 61, 62
	for _, col := range sh.Columns {
		if col.Type == arml.Label {
			continue
		}
		v := get(col.Name)
		if v == "" {
			if col.Required {
				r.refuse(sh.Name, line, col.Name, RuleRequired, "")
			}
			values = append(values, nil)
			continue
		}
		value := r.value(sh.Name, col, v, line)
		values = append(values, value)
		if d, isDec := value.(warehouse.Decimal); isDec && strings.HasPrefix(col.Name, "q6_") {
			cost[map[string]int{"q6_cout_total": 0, "q6_cout_compte_60": 1, "q6_cout_compte_61": 2, "q6_cout_compte_62": 3}[col.Name]] =
				new(big.Rat).SetFrac(d.Value, big.NewInt(100))
		}
	}
	if cost[0] != nil && (cost[1] != nil || cost[2] != nil || cost[3] != nil) {
		sum := new(big.Rat)
		for _, c := range cost[1:] {
			if c != nil {
				sum.Add(sum, c)
			}
		}
		diff := new(big.Rat).Sub(sum, cost[0])
		if diff.Abs(diff).Cmp(big.NewRat(1, 1)) > 0 {
			f, _ := sum.Float64()
			r.refuseFor(sh.Name, line, "q6_cout_total", get("q6_cout_total"), costMismatch{Sum: f})
		}
	}
	return values, true
}

// value reads one non-empty cell by its column type; a bad value refuses the workbook.
func (r *wbReader) value(sheet string, col arml.Column, v string, line int) any {
	bad := func(rule string) any {
		r.refuse(sheet, line, col.Name, rule, v)
		return nil
	}
	badFor := func(d Detail) any {
		r.refuseFor(sheet, line, col.Name, v, d)
		return nil
	}
	switch col.Type {
	case arml.Code:
		s, known := r.c.structures[v]
		switch {
		case !known:
			return bad(RuleUnknownStructure)
		case s.technical:
			return bad(RuleWorkbookTechnical)
		case s.region != r.wb.region:
			return badFor(workbookOtherRegion{Region: s.region, Workbook: r.wb.region})
		}
		return r.unique(sheet, col.Name, v, line)
	case arml.Count, arml.Action:
		n, err := parse.Integer(v)
		switch {
		case err != nil:
			return bad(RuleNotCount)
		case n < 0:
			return bad(RuleNegative)
		case col.Type == arml.Action && (n < 1 || n > int64(len(sqlfiles.Actions()))):
			return badFor(actionRange{Max: len(sqlfiles.Actions())})
		case col.Type == arml.Action:
			return r.unique(sheet, col.Name, fmt.Sprint(n), line)
		}
		return n
	case arml.Amount:
		d, err := parse.Decimal(v)
		if err != nil {
			return bad(RuleNotAmount)
		}
		dec, err := warehouse.DecimalFromText(d, 2)
		switch {
		case err != nil:
			return bad(RuleNotAmount)
		case dec.Value.Sign() < 0:
			return bad(RuleNegative)
		}
		return dec
	case arml.Bool:
		b, err := parse.Bool(v)
		if err != nil {
			return bad(RuleBool)
		}
		return b
	case arml.Answer:
		if arml.NotAnswered(v) {
			return nil
		}
		b, err := parse.Bool(v)
		if err != nil {
			return badFor(answer{Choices: col.Type.Choices()})
		}
		return b
	case arml.Tender, arml.Role, arml.Status:
		if col.Type == arml.Tender {
			if arml.NotAnswered(v) {
				return nil
			}
			if b, err := parse.Bool(v); err == nil {
				return map[bool]string{true: "OUI", false: "NON"}[b]
			}
		}
		for _, choice := range col.Type.Choices() {
			if textio.FoldCode(v) == textio.FoldCode(choice) {
				return choice
			}
		}
		return badFor(answer{Choices: col.Type.Choices()})
	}
	return v
}

// unique refuses a key (mission locale or action) given twice in a sheet.
func (r *wbReader) unique(sheet, column, key string, line int) any {
	if first, seen := r.keys[key]; seen {
		r.refuseFor(sheet, line, column, key, workbookDuplicate{First: first})
		return nil
	}
	r.keys[key] = line
	if column == "action" {
		n := 0
		fmt.Sscan(key, &n)
		return n
	}
	return key
}

// Limits of an ARML workbook, far above its expected shape (a few sheets of at most ~80
// missions locales and 13 actions: some 100 kB once unzipped): beyond them it is refused
// before anything is unzipped into memory or onto disk.
const (
	maxWorkbookUnzipped = 8 << 20 // bytes, all parts together
	maxWorkbookRows     = 2000    // rows of one sheet
)

var (
	errWorkbookTooLarge = errors.New("workbook too large")
	errWorkbookDTD      = errors.New("workbook with a document type declaration")
)

// checkZip looks at an XLSX file before the spreadsheet reader does: the sizes its parts
// declare (archive/zip refuses a part that inflates beyond its declared size) must stay
// under the limit, and no XML part may declare a document type (external or recursive
// entities: an XLSX never has one).
func checkZip(path string) error {
	z, err := zip.OpenReader(path)
	if err != nil {
		return err
	}
	defer z.Close()
	var total uint64
	for _, part := range z.File {
		if total += part.UncompressedSize64; total > maxWorkbookUnzipped {
			return errWorkbookTooLarge
		}
	}
	for _, part := range z.File {
		if !strings.HasSuffix(strings.ToLower(part.Name), ".xml") && !strings.HasSuffix(strings.ToLower(part.Name), ".rels") {
			continue
		}
		r, err := part.Open()
		if err != nil {
			return err
		}
		b, err := io.ReadAll(io.LimitReader(r, maxWorkbookUnzipped+1))
		r.Close()
		if err != nil {
			return err
		}
		if bytes.Contains(bytes.ToUpper(b), []byte("<!DOCTYPE")) || bytes.Contains(bytes.ToUpper(b), []byte("<!ENTITY")) {
			return errWorkbookDTD
		}
	}
	return nil
}

// openWorkbook opens an XLSX file within the limits; a panic inside the reader on a
// hostile file is turned into an error, since no input may crash the program.
func openWorkbook(path string) (f *excelize.File, err error) {
	defer func() {
		if r := recover(); r != nil {
			f, err = nil, io.ErrUnexpectedEOF
		}
	}()
	if err := checkZip(path); err != nil {
		return nil, err
	}
	f, err = excelize.OpenFile(path, excelize.Options{UnzipSizeLimit: maxWorkbookUnzipped, UnzipXMLSizeLimit: maxWorkbookUnzipped})
	if err != nil && strings.Contains(err.Error(), "unzip size exceeds") {
		return nil, errWorkbookTooLarge
	}
	if err == nil && len(f.GetSheetList()) == 0 {
		f.Close()
		return nil, io.ErrUnexpectedEOF
	}
	return f, err
}

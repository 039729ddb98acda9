package ingest

import (
	"bufio"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode"

	"bilan/internal/textio"
)

// FileReport is what validation found in one file.
type FileReport struct {
	Path      string
	Name      string
	Kind      Kind
	Scope     string // a workbook's region, once read
	Detail    string // for a workbook, in French: its region and the rows given per sheet
	SHA256    string
	Encoding  string
	Delimiter string
	Read      int // non-blank data rows
	Loaded    int
	Rejected  int
	// Issues are the refusals and, for each rule, its first FirstLines rejections or
	// warnings, in reading order; Each gives them all, Count tells how many of a rule.
	Issues  []Issue
	Refused bool
	// CountOnly: the issues beyond Issues are counted, not kept (a validation that loads
	// nothing needs no more).
	CountOnly bool
	counts    map[string]int
	spill     *spill
}

func (f *FileReport) add(i Issue) {
	if f.counts == nil {
		f.counts = map[string]int{}
	}
	f.counts[i.Rule]++
	if i.Severity == Refuse {
		f.Refused = true
	}
	if i.Severity == Refuse || f.counts[i.Rule] <= FirstLines {
		f.Issues = append(f.Issues, i)
		return
	}
	f.keep(i)
}

// Count is how many issues of a rule the file has.
func (f *FileReport) Count(rule string) int { return f.counts[rule] }

// row is one data record with its header.
type row struct {
	file   string
	line   int
	fields []string
	index  map[string]int
}

// get returns the trimmed field of a column, "" when the column is absent.
func (r *row) get(name string) string {
	i, ok := r.index[name]
	if !ok || i >= len(r.fields) {
		return ""
	}
	return strings.TrimSpace(r.fields[i])
}

// It fills the file's hash, encoding and header issues; a refusal stops the reading.
// limits bound a CSV file: longest line, longest field (0: the defaults).
type limits struct{ line, field int }

// readCSV decodes a file, checks its header, and calls each for every non-blank data row
// that has the header's shape; bad (may be nil) gets the rows rejected for their shape.
func readCSV(path string, kind Kind, rep *FileReport, lim limits, each func(*row) error, bad func(*row)) error {
	if lim.line <= 0 {
		lim.line = textio.MaxLine
	}
	if lim.field <= 0 {
		lim.field = MaxField
	}
	name := rep.Name
	refuse := func(rule, column string, args ...any) {
		rep.add(Issue{Severity: Refuse, File: name, Column: column, Rule: rule, Args: args})
	}
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("open %s: %w", path, err)
	}
	defer f.Close()
	h := sha256.New()
	enc, err := textio.DetectLimit(io.TeeReader(f, h), lim.line)
	rep.SHA256 = hex.EncodeToString(h.Sum(nil))
	var de *textio.DecodeError
	if errors.As(err, &de) {
		rep.add(Issue{Severity: Refuse, File: name, Line: de.Line, Rule: RuleDecode, Args: []any{decodeReason(de)}})
		return nil
	}
	if err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	rep.Encoding = enc.String()
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return err
	}
	rd, err := textio.NewCSV(textio.NewReader(f, enc))
	if errors.Is(err, io.EOF) {
		refuse(RuleEmptyFile, "")
		return nil
	}
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		rep.add(Issue{Severity: Refuse, File: name, Line: 1, Rule: RuleSyntax})
		return nil
	}
	if err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	rep.Delimiter = map[rune]string{';': ";", ',': ",", '\t': "tabulation"}[rd.Delimiter]

	sp := specs[kind]
	index := map[string]int{}
	known := map[string]column{}
	for _, c := range sp.columns {
		known[c.name] = c
	}
	header := true // the first line looks like a header: every cell could be a column name
	for _, raw := range rd.RawHeader {
		if _, ok := headerLabel(raw); !ok && strings.TrimSpace(raw) != "" {
			header = false
		}
	}
	var unknown []Issue
	for i, h := range rd.Header {
		label, _ := headerLabel(rd.RawHeader[i])
		if _, dup := index[h]; dup && h != "" {
			refuse(RuleDuplicateColumn, label)
			return nil
		}
		c, ok := known[h]
		switch {
		case !ok:
			unknown = append(unknown, Issue{Severity: Warning, File: name, Line: 1, Column: label, Rule: RuleUnknownColumn})
		case !c.pii:
			index[h] = i // PII columns are never indexed, so never read
		}
	}
	if !header {
		for _, c := range sp.columns {
			if _, ok := index[c.name]; !ok && c.required {
				// A data row read as a header: quote nothing of it.
				rep.add(Issue{Severity: Refuse, File: name, Rule: RuleNoHeader, Args: []any{requiredNames(sp)}})
				return nil
			}
		}
	}
	for _, u := range unknown {
		rep.add(u)
	}
	for _, c := range sp.columns {
		if _, ok := index[c.name]; ok || c.pii {
			continue
		}
		if c.required {
			refuse(RuleMissingColumn, c.name)
		} else {
			rep.add(Issue{Severity: Warning, File: name, Line: 1, Column: c.name, Rule: RuleMissingOptional})
		}
	}
	if rep.Refused {
		return nil
	}
	width := len(rd.Header)
	records, stop := readAhead(rd)
	defer stop()
	unsplit := map[int]bool{} // lines the CSV reader could not split, for bad
	for {
		fields, line, err := records.next()
		if errors.Is(err, io.EOF) {
			if rep.Read == 0 {
				rep.add(Issue{Severity: Warning, File: name, Rule: RuleNoData})
			}
			if bad != nil && len(unsplit) > 0 {
				return lines(path, enc, lim.line, unsplit, func(line int, text string) {
					bad(&row{file: name, line: line, fields: strings.Split(text, string(rd.Delimiter)), index: index})
				})
			}
			return nil
		}
		if errors.As(err, &pe) {
			if errors.Is(pe.Err, csv.ErrQuote) && pe.Line > pe.StartLine {
				// A quote left open swallows every line after it: nothing below can be trusted.
				rep.add(Issue{Severity: Refuse, File: name, Line: pe.StartLine, Rule: RuleOpenQuote})
				return nil
			}
			rep.Read++
			rep.Rejected++
			rep.add(Issue{Severity: Reject, File: name, Line: pe.StartLine, Rule: RuleSyntax})
			if bad != nil {
				unsplit[pe.StartLine] = true
			}
			continue
		}
		if err != nil {
			return fmt.Errorf("read %s: %w", path, err)
		}
		if blank(fields) {
			continue
		}
		rep.Read++
		r := &row{file: name, line: line, fields: fields, index: index}
		if len(fields) != width { // a short row would shift its values into other columns
			rep.Rejected++
			rep.add(Issue{Severity: Reject, File: name, Line: line, Rule: RuleFieldCount, Args: []any{len(fields), width}})
			if bad != nil {
				bad(r)
			}
			continue
		}
		if i := longField(fields, lim.field); i >= 0 {
			column, _ := headerLabel(rd.RawHeader[i])
			rep.Rejected++
			rep.add(Issue{Severity: Reject, File: name, Line: line, Column: column, Rule: RuleLongField, Args: []any{lim.field}})
			if bad != nil {
				bad(r)
			}
			continue
		}
		if err := each(r); err != nil {
			return err
		}
	}
}

// readAheadRows is how many records the reading goroutine hands over at a time.
const readAheadRows = 4096

// csvRecord is what one Read of the CSV reader gave.
type csvRecord struct {
	fields []string
	line   int
	err    error
}

// aheadReader reads the records of a CSV reader in a goroutine, so that decoding and
// splitting the text run beside the row checks on a large file.
type aheadReader struct {
	batches <-chan []csvRecord
	batch   []csvRecord
}

// readAhead starts reading rd; stop ends the goroutine when the records are not all read.
func readAhead(rd *textio.Reader) (*aheadReader, func()) {
	batches := make(chan []csvRecord, 4)
	done := make(chan struct{})
	go func() {
		defer close(batches)
		batch := make([]csvRecord, 0, readAheadRows)
		for {
			fields, line, err := rd.Read()
			batch = append(batch, csvRecord{fields, line, err})
			var pe *csv.ParseError
			last := err != nil && !errors.As(err, &pe) // io.EOF or a read error: nothing follows
			if len(batch) < readAheadRows && !last {
				continue
			}
			select {
			case batches <- batch:
			case <-done:
				return
			}
			if last {
				return
			}
			batch = make([]csvRecord, 0, readAheadRows)
		}
	}()
	return &aheadReader{batches: batches}, func() { close(done) }
}

// next returns the next record as textio.Reader.Read would.
func (a *aheadReader) next() ([]string, int, error) {
	if len(a.batch) == 0 {
		b, ok := <-a.batches
		if !ok {
			return nil, 0, io.EOF
		}
		a.batch = b
	}
	r := a.batch[0]
	a.batch = a.batch[1:]
	return r.fields, r.line, r.err
}

// maxHeaderLabel is the most characters of a header cell a message quotes.
const maxHeaderLabel = 40

// headerLabel is a header cell as a message may quote it: only when it looks like a
// column name (letters, digits, spaces, _ and -), cut to maxHeaderLabel characters.
func headerLabel(raw string) (string, bool) {
	raw = strings.TrimSpace(raw)
	for _, r := range raw {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != ' ' && r != '_' && r != '-' {
			return "", false
		}
	}
	if r := []rune(raw); len(r) > maxHeaderLabel {
		return string(r[:maxHeaderLabel]) + "…", true
	}
	return raw, true
}

// requiredNames lists the first required columns of a kind, for a message.
func requiredNames(sp spec) string {
	var names []string
	for _, c := range sp.columns {
		if c.required && len(names) < 2 {
			names = append(names, c.name)
		}
	}
	return strings.Join(names, ", ") + "…"
}

// lines reads the file again and gives fn the text of the wanted lines (a best-effort
// split of rows the CSV reader refused, so that bad still sees their first fields).
func lines(path string, enc textio.Encoding, maxLine int, want map[int]bool, fn func(int, string)) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(textio.NewReader(f, enc))
	sc.Buffer(make([]byte, 0, 1<<16), maxLine+1)
	for n := 1; sc.Scan(); n++ {
		if want[n] {
			fn(n, strings.ReplaceAll(sc.Text(), `"`, ""))
		}
	}
	return sc.Err()
}

// longField is the index of the first field longer than max bytes, or -1.
func longField(fields []string, max int) int {
	for i, f := range fields {
		if len(f) > max {
			return i
		}
	}
	return -1
}

func blank(fields []string) bool {
	for _, f := range fields {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

func decodeReason(e *textio.DecodeError) string {
	switch {
	case errors.Is(e, textio.ErrNUL):
		return fmt.Sprintf("octet nul (octet n° %d du fichier) : ce n'est pas un fichier texte", e.Offset+1)
	case errors.Is(e, textio.ErrUTF16):
		return "fichier encodé en UTF-16 : l'enregistrer en UTF-8 ou en Windows-1252 (CSV)"
	case errors.Is(e, textio.ErrLongLine):
		return fmt.Sprintf("ligne de plus de %d octets : ce n'est pas un extrait I-milo", e.Limit)
	case errors.Is(e, textio.ErrUndefinedByte):
		return fmt.Sprintf("octet 0x%02X (octet n° %d du fichier) ni UTF-8 ni Windows-1252 : encodage illisible", e.Byte, e.Offset+1)
	}
	return "encodage illisible"
}

func baseName(path string) string { return filepath.Base(path) }

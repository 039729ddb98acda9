package ingest

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"bilan/internal/pseudo"
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
	if i.Detail != nil {
		i.Rule = i.Detail.rule()
	}
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

// limits bound a CSV file: longest line, longest field (0: the defaults).
type limits struct{ line, field int }

// stager writes the records of a kind's files to one staging CSV for DuckDB: each record
// as `file;line;col…` with the kind's non-PII columns in spec order, trimmed, empty for an
// optional column the file lacks. PII columns never leave the Go pass.
type stager struct {
	out  *bufio.Writer
	num  []byte // scratch for numbers
	kind Kind
	// idAt is the staged column of the kind's id (its duplicates are rejected); increasing
	// stays true while every id staged is greater than the one before (extracts are
	// usually sorted): then no id can be a duplicate, and SQL need not look for any.
	idAt       int
	increasing bool
	last       []byte
	// pseudonymised are the staged columns holding ids of people (youths, mentors): they
	// are staged as their pseudonyms, so no raw id reaches DuckDB.
	pseudonymised []bool
	pseudo        *pseudo.Pseudonymiser
	ends          []int // scratch for plainFields
}

// newStager stages the records of kind k to out; idColumn is the column whose repeats
// are duplicates, personIDs the columns to pseudonymise with key.
func newStager(out *bufio.Writer, k Kind, idColumn string, personIDs []string, key []byte) *stager {
	st := &stager{out: out, kind: k, increasing: true, pseudo: pseudo.New(key)}
	for j, c := range stagedColumns(k) {
		if c == idColumn {
			st.idAt = j
		}
		st.pseudonymised = append(st.pseudonymised, slices.Contains(personIDs, c))
	}
	return st
}

// field writes one staged field: its pseudonym for an id of a person, else its text,
// quoted when it holds a delimiter, a quote or a line break.
// plain: v is known to hold nothing to quote.
func (st *stager) field(j int, v []byte, plain bool) {
	w := st.out
	if j == st.idAt {
		st.seeID(v)
	}
	if len(v) == 0 {
		return
	}
	if st.pseudonymised[j] {
		w.WriteString(st.pseudo.ID(string(v)))
		return
	}
	if plain || bytes.IndexAny(v, "\";\r\n") < 0 {
		w.Write(v)
		return
	}
	w.WriteByte('"')
	for _, c := range v {
		if c == '"' {
			w.WriteByte('"')
		}
		w.WriteByte(c)
	}
	w.WriteByte('"')
}

// seeID notes the id of a staged record.
func (st *stager) seeID(id []byte) {
	if len(id) == 0 || !st.increasing {
		return
	}
	if bytes.Compare(id, st.last) <= 0 && st.last != nil {
		st.increasing = false
	}
	st.last = append(st.last[:0], id...)
}

// stageCSV decodes a file (one pass hashes it and detects its encoding, one splits it),
// checks its header and the shape of each record, and stages every non-blank record that
// has the header's shape; bad (may be nil) gets the rows rejected for their shape;
// progress (may be nil) is told the rows read every progressEvery, and stops the reading
// with its error. It
// fills the file's hash, encoding and header issues; a refusal stops the reading.
func stageCSV(path string, file int, rep *FileReport, lim limits, st *stager, progress func(rows int) error, bad func(*row)) error {
	if lim.line <= 0 {
		lim.line = textio.MaxLine
	}
	if lim.field <= 0 {
		lim.field = MaxField
	}
	name, kind := rep.Name, st.kind
	refuse := func(rule, column string) {
		rep.add(Issue{Severity: Refuse, File: name, Column: column, Rule: rule})
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
		rep.add(Issue{Severity: Refuse, File: name, Line: de.Line, Detail: decodeDetail(de)})
		return nil
	}
	if err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	rep.Encoding = enc.String()
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	br := bufio.NewReaderSize(textio.NewReader(f, enc), 1<<16)
	first, _ := br.Peek(br.Size())
	line := string(first)
	if i := strings.IndexAny(line, "\r\n"); i >= 0 {
		line = line[:i]
	}
	delim := textio.Sniff(line)
	rd := textio.NewRecords(br, delim)
	rawFields, _, err := rd.Next()
	if errors.Is(err, io.EOF) {
		refuse(RuleEmptyFile, "")
		return nil
	}
	if errors.Is(err, textio.ErrRecordSyntax) || errors.Is(err, textio.ErrRecordOpenQuote) {
		rep.add(Issue{Severity: Refuse, File: name, Line: 1, Rule: RuleSyntax})
		return nil
	}
	if err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	rep.Delimiter = map[rune]string{';': ";", ',': ",", '\t': "tabulation"}[delim]
	rawHeader := make([]string, len(rawFields))
	header := make([]string, len(rawFields))
	for i, b := range rawFields {
		rawHeader[i], header[i] = string(b), textio.Fold(string(b))
	}

	sp := specs[kind]
	index := map[string]int{}
	known := map[string]column{}
	for _, c := range sp.columns {
		known[c.name] = c
	}
	looksLikeHeader := true // every cell could be a column name
	for _, raw := range rawHeader {
		if _, ok := headerLabel(raw); !ok && strings.TrimSpace(raw) != "" {
			looksLikeHeader = false
		}
	}
	var unknown []Issue
	for i, h := range header {
		label, _ := headerLabel(rawHeader[i])
		if _, dup := index[h]; dup && h != "" {
			refuse(RuleDuplicateColumn, label)
			return nil
		}
		c, ok := known[h]
		switch {
		case !ok:
			unknown = append(unknown, Issue{Severity: Warning, File: name, Line: 1, Column: label, Rule: RuleUnknownColumn})
		case !c.pii:
			index[h] = i // PII columns are never indexed, so never staged
		}
	}
	if !looksLikeHeader {
		for _, c := range sp.columns {
			if _, ok := index[c.name]; !ok && c.required {
				// A data row read as a header: quote nothing of it.
				rep.add(Issue{Severity: Refuse, File: name, Detail: noHeader{Columns: requiredNames(sp)}})
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
	staged := stagedColumns(kind)
	at := make([]int, len(staged)) // the file's field of each staged column, -1 when absent
	for j, c := range staged {
		at[j] = -1
		if i, ok := index[c]; ok {
			at[j] = i
		}
	}
	width := len(header)
	var rejectShape func(i Issue, fields []string)
	// stageRecord checks the shape of a split record and stages it.
	stageRecord := func(fields [][]byte, line int) error {
		if blank(fields) {
			return nil
		}
		rep.Read++
		if progress != nil && rep.Read%progressEvery == 0 {
			if err := progress(rep.Read); err != nil {
				return err
			}
		}
		if len(fields) != width { // a short row would shift its values into other columns
			rejectShape(Issue{Line: line, Detail: fieldCount{Fields: len(fields), Header: width}}, strs(fields))
			return nil
		}
		if i := longField(fields, lim.field); i >= 0 {
			column, _ := headerLabel(rawHeader[i])
			rejectShape(Issue{Line: line, Column: column, Detail: fieldTooLong{Limit: lim.field}}, strs(fields))
			return nil
		}
		return st.write(file, line, fields, at)
	}
	// rejectShape rejects a row for its shape (i: the rule, line and column).
	rejectShape = func(i Issue, fields []string) {
		rep.Rejected++
		i.Severity, i.File = Reject, name
		rep.add(i)
		if bad != nil {
			bad(&row{file: name, line: i.Line, fields: fields, index: index})
		}
	}
	// A line without quote is split here; when its first fields are the staged columns in
	// order and hold nothing to trim or quote, it is staged as it is, unsplit.
	prefix := delim == ';'
	for j, i := range at {
		prefix = prefix && i == j
	}
	var split [][]byte
	for {
		raw, line, plain, err := rd.NextPlain()
		if plain {
			if ends, ok := plainFields(raw, len(at), width, lim.field, st.ends[:0]); prefix && ok {
				st.ends = ends
				rep.Read++
				if progress != nil && rep.Read%progressEvery == 0 {
					if err := progress(rep.Read); err != nil {
						return err
					}
				}
				if err := st.writeRaw(file, line, raw, ends); err != nil {
					return err
				}
				continue
			}
			split = split[:0]
			for {
				i := bytes.IndexByte(raw, byte(delim))
				if i < 0 {
					split = append(split, raw)
					break
				}
				split = append(split, raw[:i])
				raw = raw[i+1:]
			}
			if err := stageRecord(split, line); err != nil {
				return err
			}
			continue
		}
		if err != nil && !errors.Is(err, io.EOF) {
			return fmt.Errorf("read %s: %w", path, err)
		}
		var fields [][]byte
		if err == nil {
			fields, line, err = rd.Next()
		}
		if errors.Is(err, io.EOF) {
			if rep.Read == 0 {
				rep.add(Issue{Severity: Warning, File: name, Rule: RuleNoData})
			}
			return nil
		}
		if errors.Is(err, textio.ErrRecordOpenQuote) {
			// A quote left open swallows every line after it: nothing below can be trusted.
			rep.add(Issue{Severity: Refuse, File: name, Line: line, Rule: RuleOpenQuote})
			return nil
		}
		if errors.Is(err, textio.ErrRecordSyntax) {
			rep.Read++
			// Best effort: the first fields of the line, for bad (a youth's id).
			text := strings.ReplaceAll(string(rd.FirstLine()), `"`, "")
			rejectShape(Issue{Line: line, Rule: RuleSyntax}, strings.Split(text, string(delim)))
			continue
		}
		if err != nil {
			return fmt.Errorf("read %s: %w", path, err)
		}
		if err := stageRecord(fields, line); err != nil {
			return err
		}
	}
}

// stagedColumns are the columns a kind's staging file holds after file and line.
func stagedColumns(k Kind) []string {
	var out []string
	for _, c := range specs[k].columns {
		if !c.pii {
			out = append(out, c.name)
		}
	}
	return out
}

// plainFields tells whether a plain line can be staged as it is, in one scan of its
// bytes: it has width fields (width-1 delimiters ';'), is no longer than a field may be,
// is not blank, and its first n fields hold only printable ASCII without space (nothing
// to trim, nothing to quote). It returns where each of those n fields ends.
func plainFields(line []byte, n, width, maxField int, ends []int) ([]int, bool) {
	if len(line) > maxField || len(line) == width-1 {
		return ends, false
	}
	delims := 0
	for i, c := range line {
		if c == ';' {
			if delims < n {
				ends = append(ends, i)
			}
			delims++
			continue
		}
		if delims < n && (c <= ' ' || c >= 0x7f) {
			return ends, false
		}
	}
	if delims != width-1 {
		return ends, false
	}
	if len(ends) < n { // the last staged field ends the line
		ends = append(ends, len(line))
	}
	if n < width && ends[n-1] == n-1 { // its staged fields are empty: blank, maybe
		return ends, false
	}
	return ends, true
}

// writeRaw stages a plain line whose first fields, ending at ends, are the staged
// columns.
func (st *stager) writeRaw(file, line int, raw []byte, ends []int) error {
	st.prefix(file, line)
	from := 0
	for j, end := range ends {
		st.out.WriteByte(';')
		st.field(j, raw[from:end], true)
		from = end + 1
	}
	return st.out.WriteByte('\n')
}

// write stages one record.
func (st *stager) write(file, line int, fields [][]byte, at []int) error {
	st.prefix(file, line)
	for j, i := range at {
		st.out.WriteByte(';')
		if i >= 0 {
			st.field(j, bytes.TrimSpace(fields[i]), false)
		}
	}
	return st.out.WriteByte('\n')
}

// prefix writes a staged record's file and line.
func (st *stager) prefix(file, line int) {
	st.num = strconv.AppendInt(st.num[:0], int64(file), 10)
	st.num = append(st.num, ';')
	st.num = strconv.AppendInt(st.num, int64(line), 10)
	st.out.Write(st.num)
}

func strs(fields [][]byte) []string {
	out := make([]string, len(fields))
	for i, f := range fields {
		out[i] = string(f)
	}
	return out
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
func requiredNames(sp spec) []string {
	var names []string
	for _, c := range sp.columns {
		if c.required && len(names) < 2 {
			names = append(names, c.name)
		}
	}
	return names
}

// longField is the index of the first field longer than max bytes, or -1.
func longField(fields [][]byte, max int) int {
	for i, f := range fields {
		if len(f) > max {
			return i
		}
	}
	return -1
}

func blank(fields [][]byte) bool {
	for _, f := range fields {
		if len(bytes.TrimSpace(f)) != 0 {
			return false
		}
	}
	return true
}

// decodeDetail is why a file could not be decoded, as its message needs it.
func decodeDetail(e *textio.DecodeError) undecodable {
	d := undecodable{Offset: e.Offset, Byte: e.Byte, Limit: e.Limit}
	switch {
	case errors.Is(e, textio.ErrNUL):
		d.Fault = faultNUL
	case errors.Is(e, textio.ErrUTF16):
		d.Fault = faultUTF16
	case errors.Is(e, textio.ErrLongLine):
		d.Fault = faultLongLine
	case errors.Is(e, textio.ErrUndefinedByte):
		d.Fault = faultUndefinedByte
	}
	return d
}

func baseName(path string) string { return filepath.Base(path) }

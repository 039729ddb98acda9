package textio

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"strings"
)

// Records splits a decoded (UTF-8) CSV stream into records, as encoding/csv does without
// LazyQuotes — a quote opens a field only at its start, "" inside a quoted field is a
// quote, line breaks may sit inside quotes, \r\n ends a line like \n, empty lines are
// skipped — but without copying each field into a string: the fields are slices of the
// record, valid until the next call. It is the one pass that knows where records start,
// so every line it reports is the record's first physical line.
type Records struct {
	br     *bufio.Reader
	comma  byte
	line   int      // physical lines read so far
	buf    []byte   // the record's unquoted text, fields end to end
	ends   []int    // where each field of buf ends
	fields [][]byte // slices of buf, one per field
	first  []byte   // the record's first physical line, as read (for a record that fails)
	// pending is a line NextPlain read but left for Next (it holds a quote).
	pending     []byte
	pendingLine int
}

// Syntax errors of a record. ErrRecordSyntax rejects the record only (the rest of its
// line is skipped); ErrRecordOpenQuote is a quote opened on an earlier line and never
// closed: everything after it is unreadable.
var (
	ErrRecordSyntax    = errors.New("misplaced quote")
	ErrRecordOpenQuote = errors.New("quote never closed")
)

// NewRecords reads r with the one-byte delimiter comma.
func NewRecords(r io.Reader, comma rune) *Records {
	return &Records{br: bufio.NewReaderSize(r, 1<<20), comma: byte(comma)}
}

// readLine returns the next physical line with its \n (or \r\n) trimmed, and whether one
// was read. ReadSlice's buffer is the reader's own: longer lines are joined into
// scratch.
func (r *Records) readLine() ([]byte, bool, error) {
	line, err := r.br.ReadSlice('\n')
	if errors.Is(err, bufio.ErrBufferFull) {
		long := append([]byte(nil), line...)
		for errors.Is(err, bufio.ErrBufferFull) {
			line, err = r.br.ReadSlice('\n')
			long = append(long, line...)
		}
		line = long
	}
	if len(line) == 0 {
		if err == nil || errors.Is(err, io.EOF) {
			return nil, false, nil
		}
		return nil, false, err
	}
	if err != nil && !errors.Is(err, io.EOF) {
		return nil, false, err
	}
	r.line++
	if n := len(line); n > 0 && line[n-1] == '\n' {
		line = line[:n-1]
	}
	if n := len(line); n > 0 && line[n-1] == '\r' { // \r\n, or a last \r before the end
		line = line[:n-1]
	}
	return line, true, nil
}

// Next returns the fields of the next record and the line it starts on; io.EOF at the
// end. A record with a syntax error comes back with a nil slice, its line and
// ErrRecordSyntax (reading goes on at the next line) or ErrRecordOpenQuote (stop).
func (r *Records) Next() ([][]byte, int, error) {
	var line []byte
	for r.pending == nil {
		l, ok, err := r.readLine()
		if err != nil {
			return nil, 0, err
		}
		if !ok {
			return nil, 0, io.EOF
		}
		if len(l) > 0 {
			line = l
			break
		}
	}
	start := r.line
	if r.pending != nil {
		line, start, r.pending = r.pending, r.pendingLine, nil
	}
	r.first = append(r.first[:0], line...)
	r.buf, r.ends = r.buf[:0], r.ends[:0]
	for {
		// One field, starting at line[0].
		if len(line) == 0 || line[0] != '"' {
			i := bytes.IndexByte(line, r.comma)
			field := line
			if i >= 0 {
				field = line[:i]
			}
			if bytes.IndexByte(field, '"') >= 0 {
				return nil, start, ErrRecordSyntax
			}
			r.buf = append(r.buf, field...)
			r.ends = append(r.ends, len(r.buf))
			if i < 0 {
				break
			}
			line = line[i+1:]
			continue
		}
		line = line[1:] // quoted field
		for {
			i := bytes.IndexByte(line, '"')
			if i < 0 { // the field goes on on the next line
				r.buf = append(r.buf, line...)
				next, ok, err := r.readLine()
				if err != nil {
					return nil, 0, err
				}
				if !ok {
					if r.line > start {
						return nil, start, ErrRecordOpenQuote
					}
					return nil, start, ErrRecordSyntax
				}
				r.buf = append(r.buf, '\n')
				line = next
				continue
			}
			r.buf = append(r.buf, line[:i]...)
			line = line[i+1:]
			switch {
			case len(line) > 0 && line[0] == '"': // "" is a quote
				r.buf = append(r.buf, '"')
				line = line[1:]
				continue
			case len(line) == 0 || line[0] == r.comma:
			case r.line > start: // a quote opened lines above closes wrong: it swallowed them
				return nil, start, ErrRecordOpenQuote
			default:
				return nil, start, ErrRecordSyntax
			}
			break
		}
		r.ends = append(r.ends, len(r.buf))
		if len(line) == 0 {
			break
		}
		line = line[1:] // the delimiter; an empty rest is an empty last field
	}
	r.fields = r.fields[:0]
	from := 0
	for _, end := range r.ends {
		r.fields = append(r.fields, r.buf[from:end:end])
		from = end
	}
	return r.fields, start, nil
}

// NextPlain returns the next non-empty line when it holds no quote — its record is then
// the line split at the delimiter, with nothing to unquote — and the line's number. A
// line with a quote is left for Next (plain is false). The line is valid until the next
// call.
func (r *Records) NextPlain() (line []byte, number int, plain bool, err error) {
	if r.pending != nil {
		return nil, 0, false, nil
	}
	for {
		l, ok, err := r.readLine()
		if err != nil {
			return nil, 0, false, err
		}
		if !ok {
			return nil, 0, false, io.EOF
		}
		if len(l) == 0 {
			continue
		}
		if bytes.IndexByte(l, '"') < 0 {
			return l, r.line, true, nil
		}
		r.pending, r.pendingLine = append(r.pending[:0], l...), r.line
		return nil, 0, false, nil
	}
}

// FirstLine is the first physical line of the record Next returned last, as read.
func (r *Records) FirstLine() []byte { return r.first }

// Sniff picks the delimiter of a header line: the most frequent of ";", tab and ",",
// ";" when none.
func Sniff(line string) rune {
	best, bestN := ';', 0
	for _, d := range []rune{';', '\t', ','} {
		if n := strings.Count(line, string(d)); n > bestN {
			best, bestN = d, n
		}
	}
	return best
}

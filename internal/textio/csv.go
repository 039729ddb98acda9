package textio

import (
	"bufio"
	"encoding/csv"
	"errors"
	"io"
	"strings"
)

// Reader reads the records of a decoded CSV stream with the line each starts on.
type Reader struct {
	csv       *csv.Reader
	Delimiter rune
	Header    []string // folded names
	RawHeader []string // names as written
}

// NewCSV sniffs the delimiter from the header line (";" usual, "," or tab) and reads the
// header. The stream must already be UTF-8 (see NewReader).
func NewCSV(r io.Reader) (*Reader, error) {
	br := bufio.NewReaderSize(r, 1<<16)
	first, err := br.Peek(br.Size())
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return nil, err
	}
	line := string(first)
	if i := strings.IndexAny(line, "\r\n"); i >= 0 {
		line = line[:i]
	}
	delim := sniff(line)
	c := csv.NewReader(br)
	c.Comma = delim
	c.FieldsPerRecord = -1
	c.ReuseRecord = false
	header, err := c.Read()
	if err != nil {
		return nil, err
	}
	rd := &Reader{csv: c, Delimiter: delim, RawHeader: header}
	for _, h := range header {
		rd.Header = append(rd.Header, Fold(h))
	}
	return rd, nil
}

func sniff(line string) rune {
	best, bestN := ';', 0
	for _, d := range []rune{';', '\t', ','} {
		if n := strings.Count(line, string(d)); n > bestN {
			best, bestN = d, n
		}
	}
	return best
}

// Read returns the next record and the line it starts on; io.EOF at the end. A syntax
// error comes as *csv.ParseError, which names line and column.
func (r *Reader) Read() ([]string, int, error) {
	rec, err := r.csv.Read()
	if err != nil {
		return nil, 0, err
	}
	line, _ := r.csv.FieldPos(0)
	return rec, line, nil
}

package textio

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"
)

// corpus adds every file of fixtures/bad and the demo jeunes files as seeds.
func corpus(f *testing.F) {
	paths, _ := filepath.Glob("../../fixtures/bad/*/*.csv")
	paths = append(paths, "../../fixtures/demo/2016/94/jeunes.csv")
	for _, p := range paths {
		if b, err := os.ReadFile(p); err == nil && len(b) < 1<<16 {
			f.Add(b)
		}
	}
}

// FuzzDecodeCSV: any bytes are detected, decoded and read as CSV without a panic, and a
// stream detected as UTF-8 decodes to valid UTF-8 without BOM.
func FuzzDecodeCSV(f *testing.F) {
	corpus(f)
	f.Fuzz(func(t *testing.T, b []byte) {
		enc, err := Detect(bytes.NewReader(b))
		if err != nil {
			return
		}
		text, err := io.ReadAll(NewReader(bytes.NewReader(b), enc))
		if err != nil {
			t.Fatal(err)
		}
		if bytes.HasPrefix(text, []byte{0xEF, 0xBB, 0xBF}) {
			t.Fatal("BOM kept")
		}
		header, _, _ := bytes.Cut(text, []byte("\n"))
		r := NewRecords(bytes.NewReader(text), Sniff(string(header)))
		for i := 0; i < 10000; i++ {
			if _, _, err := r.Next(); errors.Is(err, io.EOF) || errors.Is(err, ErrRecordOpenQuote) {
				return
			}
		}
	})
}

// FuzzRecords: Records splits any text as encoding/csv does (same fields, same start
// lines), and fails where encoding/csv fails, on the same record.
func FuzzRecords(f *testing.F) {
	corpus(f)
	f.Add([]byte("a;\"b\"\"c\";d\r\n\r\n\"x\ny\";2\n"))
	f.Add([]byte("a;b\n\"open;c\nd;e\n"))
	f.Add([]byte("a;b\nx\"y;c\n1;2\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		if !utf8.Valid(b) {
			return
		}
		want := csv.NewReader(bytes.NewReader(b))
		want.Comma, want.FieldsPerRecord = ';', -1
		got := NewRecords(bytes.NewReader(b), ';')
		for {
			rec, err := want.Read()
			// As the stager reads: a plain line split at the delimiter, else Next.
			var fields [][]byte
			var gotErr error
			raw, line, plain, gotErr := got.NextPlain()
			switch {
			case plain:
				fields = bytes.Split(raw, []byte(";"))
			case gotErr == nil:
				fields, line, gotErr = got.Next()
			}
			var pe *csv.ParseError
			switch {
			case errors.Is(err, io.EOF):
				if !errors.Is(gotErr, io.EOF) {
					t.Fatalf("encoding/csv ended, Records gave %q, %v", fields, gotErr)
				}
				return
			case errors.As(err, &pe):
				if gotErr == nil || line != pe.StartLine {
					t.Fatalf("encoding/csv: %v; Records: line %d, %v", err, line, gotErr)
				}
				if open := errors.Is(pe.Err, csv.ErrQuote) && pe.Line > pe.StartLine; open != errors.Is(gotErr, ErrRecordOpenQuote) {
					t.Fatalf("encoding/csv: %v; Records: %v", err, gotErr)
				}
				if errors.Is(gotErr, ErrRecordOpenQuote) {
					return
				}
				// encoding/csv goes on after the line it stopped on; so does Records.
				continue
			case err != nil:
				t.Fatal(err)
			}
			if gotErr != nil {
				t.Fatalf("Records: %v, encoding/csv read %q", gotErr, rec)
			}
			start, _ := want.FieldPos(0)
			if line != start || len(fields) != len(rec) {
				t.Fatalf("line %d %q, want line %d %q", line, fields, start, rec)
			}
			for i := range rec {
				if string(fields[i]) != rec[i] {
					t.Fatalf("field %d: %q, want %q", i, fields[i], rec[i])
				}
			}
		}
	})
}

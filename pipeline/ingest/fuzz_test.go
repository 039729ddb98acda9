package ingest

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"bilan/internal/textio"
	"bilan/internal/warehouse"
)

// fuzzStructures is the shipped referential as ingest reads it (stg_referentiel of an
// empty warehouse), so the Saint-Martin fold and the technical-structure rule stay in SQL.
var fuzzStructures = sync.OnceValues(func() (map[string]structure, error) {
	ctx := context.Background()
	w, err := warehouse.Open(ctx, "")
	if err != nil {
		return nil, err
	}
	defer w.Close()
	m := map[string]structure{}
	return m, loadStructures(ctx, w, m)
})

func fuzzChecker(t *testing.T) *checker {
	structures, err := fuzzStructures()
	if err != nil {
		t.Fatal(err)
	}
	return &checker{exercice: 2016, scope: "53", structures: structures, inForce: structures}
}

// stage runs the Go pass of a file as a kind and returns its report and staging text.
func stage(t *testing.T, p string, k Kind) (*FileReport, []byte) {
	var buf bytes.Buffer
	st := newStager(bufio.NewWriter(&buf), k, "", []string{"id_jeune"}, make([]byte, 32))
	rep := &FileReport{Name: "x.csv", Kind: k}
	t.Cleanup(rep.release)
	if err := stageCSV(p, 0, rep, limits{}, st, nil, nil); err != nil {
		t.Fatal(err)
	}
	if err := st.out.Flush(); err != nil {
		t.Fatal(err)
	}
	return rep, buf.Bytes()
}

func seeds(f *testing.F, pattern string) {
	paths, _ := filepath.Glob(pattern)
	for _, p := range paths {
		if b, err := os.ReadFile(p); err == nil && len(b) < 1<<16 {
			f.Add(b)
		}
	}
}

// FuzzReadCSV: any bytes, read as each kind of extract, give a report and no panic. The
// seeds are the corpus's hostile files: short rows, headerless files, long headers…
func FuzzReadCSV(f *testing.F) {
	seeds(f, "../../fixtures/bad/*/*.csv")
	f.Fuzz(func(t *testing.T, b []byte) {
		p := filepath.Join(t.TempDir(), "x.csv")
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		for _, k := range Kinds {
			rep, staged := stage(t, p, k)
			// The staging text is what DuckDB reads: one record per row kept, each with
			// its file, line and every non-PII column of the kind.
			rd := textio.NewRecords(bytes.NewReader(staged), ';')
			n := 0
			for {
				fields, _, err := rd.Next()
				if errors.Is(err, io.EOF) {
					break
				}
				if err != nil || len(fields) != 2+len(stagedColumns(k)) {
					t.Fatalf("%s: staged record %d: %d fields, %v\n%s", k, n+1, len(fields), err, staged)
				}
				n++
			}
			if n != rep.Read-rep.Rejected {
				t.Fatalf("%s: %d staged, %d read, %d rejected", k, n, rep.Read, rep.Rejected)
			}
			for _, i := range rep.Issues {
				_ = i.Message()
			}
		}
	})
}

// FuzzWorkbook: any bytes given as an ARML workbook give a report and no panic. The seeds
// are the corpus's workbooks: a zip bomb, external and cascading entities, 5 000 rows…
func FuzzWorkbook(f *testing.F) {
	seeds(f, "../../fixtures/bad/*/*.xlsx")
	f.Fuzz(func(t *testing.T, b []byte) {
		p := filepath.Join(t.TempDir(), "arml.xlsx")
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		rep := &FileReport{Name: "arml.xlsx", Kind: KindWorkbook}
		t.Cleanup(rep.release)
		fuzzChecker(t).readWorkbook(p, rep)
		for _, i := range rep.Issues {
			_ = i.Message()
		}
	})
}

// FuzzHeader: whatever the first line of a file, a message about its header names a
// column only by a cell that looks like a column name, cut to 40 characters, and quotes no
// value of it.
func FuzzHeader(f *testing.F) {
	f.Add("id_jeune;code_structure;date_naissance")
	f.Add("J1;35238S00;15/06/1998;jean@exemple.fr;0612345678")
	f.Add(strings.Repeat("x", 300) + ";id_jeune;id_jeune")
	f.Fuzz(func(t *testing.T, header string) {
		p := filepath.Join(t.TempDir(), "jeunes.csv")
		if err := os.WriteFile(p, []byte(header+"\nJ1;35238S00;15/06/1998\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		rep, _ := stage(t, p, KindJeunes)
		for _, i := range rep.Issues {
			if i.Line > 1 {
				continue
			}
			if i.Value != "" {
				t.Errorf("%s quotes %q", i.Rule, i.Value)
			}
			if label, ok := headerLabel(strings.TrimSuffix(i.Column, "…")); i.Column != "" && (!ok || utf8.RuneCountInString(label) > maxHeaderLabel) {
				t.Errorf("%s names the column %q", i.Rule, i.Column)
			}
		}
	})
}

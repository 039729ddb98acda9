//go:build duckdb_arrow

package warehouse

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
)

// Rows of every supported type, NULLs included, across several Arrow batches, land in
// the table as given; a value of the wrong type and an error of fill fail the append and
// leave the table as it was.
func TestAppend(t *testing.T) {
	ctx := context.Background()
	w, err := Open(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	conn := w.Conn()
	if _, err := conn.ExecContext(ctx, `CREATE TABLE essai (i INTEGER, b BIGINT, s VARCHAR, d DATE, v BOOLEAN, f DOUBLE, ts TIMESTAMP, m DECIMAL(18,2))`); err != nil {
		t.Fatal(err)
	}
	n := batchRows*2 + 17
	day := time.Date(2016, 7, 31, 0, 0, 0, 0, time.UTC)
	err = w.Append(ctx, "essai", func(add func(...any) error) error {
		for i := 0; i < n; i++ {
			if i == 5 {
				if err := add(nil, nil, nil, nil, nil, nil, nil, nil); err != nil {
					return err
				}
				continue
			}
			m, err := DecimalFromText(fmt.Sprintf("%d.5", i), 1) // scale 1 into a scale-2 column
			if err != nil {
				return err
			}
			if err := add(i, int64(i)*1_000_000_000, "Cœur d’Armor – n° "+strings.Repeat("x", i%40), day.AddDate(0, 0, i%3),
				i%2 == 0, float64(i)/4, day.Add(time.Duration(i)*time.Second), m); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var rows, nulls, sumI int
	var maxB int64
	var s, d string
	var v bool
	var f float64
	if err := conn.QueryRowContext(ctx, `SELECT count(*), count(*) FILTER (WHERE i IS NULL AND b IS NULL AND s IS NULL AND d IS NULL AND v IS NULL AND f IS NULL AND ts IS NULL),
		sum(i), max(b) FROM essai`).Scan(&rows, &nulls, &sumI, &maxB); err != nil {
		t.Fatal(err)
	}
	if rows != n || nulls != 1 || sumI != n*(n-1)/2-5 || maxB != int64(n-1)*1_000_000_000 {
		t.Errorf("rows %d (want %d), all-NULL rows %d, sum %d, max %d", rows, n, nulls, sumI, maxB)
	}
	var m string
	if err := conn.QueryRowContext(ctx, `SELECT s, strftime(d, '%d/%m/%Y'), v, f, CAST(m AS VARCHAR) FROM essai WHERE i = 7`).Scan(&s, &d, &v, &f, &m); err != nil {
		t.Fatal(err)
	}
	if s != "Cœur d’Armor – n° xxxxxxx" || d != "01/08/2016" || v || f != 1.75 || m != "7.50" {
		t.Errorf("row 7: %q %s %v %v %s", s, d, v, f, m)
	}
	var ts string
	if err := conn.QueryRowContext(ctx, `SELECT strftime(ts, '%d/%m/%Y %H:%M:%S') FROM essai WHERE i = 61`).Scan(&ts); err != nil || ts != "31/07/2016 00:01:01" {
		t.Errorf("timestamp %q, %v", ts, err)
	}

	boom := errors.New("boom")
	for name, fill := range map[string]func(add func(...any) error) error{
		"wrong type": func(add func(...any) error) error {
			return add("7", int64(1), "x", day, true, 1.0, day, nil)
		},
		"fill error": func(add func(...any) error) error {
			for i := 0; i < batchRows+3; i++ {
				if err := add(i, int64(i), "x", day, true, 1.0, day, nil); err != nil {
					return err
				}
			}
			return boom
		},
		"too few values": func(add func(...any) error) error { return add(1, int64(2)) },
	} {
		if err := w.Append(ctx, "essai", fill); err == nil {
			t.Errorf("%s: append succeeded", name)
		}
		var after int
		if err := conn.QueryRowContext(ctx, "SELECT count(*) FROM essai").Scan(&after); err != nil || after != n {
			t.Errorf("%s: %d rows after a failed append, want %d (%v)", name, after, n, err)
		}
	}
	if err := w.Append(ctx, "pas_de_table", func(add func(...any) error) error { return nil }); err == nil {
		t.Error("append into a missing table succeeded")
	}
	// DuckDB refusing a row mid-stream: its own error comes back, not the producer's.
	if _, err := conn.ExecContext(ctx, `CREATE TABLE stricte (i INTEGER NOT NULL)`); err != nil {
		t.Fatal(err)
	}
	err = w.Append(ctx, "stricte", func(add func(...any) error) error {
		for i := 0; i < 10*batchRows; i++ {
			v := any(i)
			if i == batchRows+1 {
				v = nil
			}
			if err := add(v); err != nil {
				return err
			}
		}
		return nil
	})
	if err == nil || !strings.Contains(err.Error(), "NOT NULL") {
		t.Errorf("a NULL in a NOT NULL column: %v", err)
	}
}

// A fill that panics fails the append with an error saying where, and leaves the
// connection usable and no goroutine behind: the INSERT reading the stream has ended.
func TestAppendFillPanics(t *testing.T) {
	ctx := context.Background()
	w, err := Open(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if _, err := w.Conn().ExecContext(ctx, "CREATE TABLE essai (i INTEGER)"); err != nil {
		t.Fatal(err)
	}
	err = func() (err error) {
		defer func() { // the old Append let the panic through
			if p := recover(); p != nil {
				err = fmt.Errorf("Append panicked: %v", p)
			}
		}()
		return w.Append(ctx, "essai", func(add func(...any) error) error {
			for i := 0; i < batchRows+5; i++ { // a batch handed over: DuckDB is reading
				if err := add(i); err != nil {
					return err
				}
			}
			var rows []int
			_ = rows[len(rows)] // a bug
			return nil
		})
	}()
	if err == nil || !strings.Contains(err.Error(), "fill panicked at ") || !strings.Contains(err.Error(), "append_test.go") ||
		!strings.Contains(err.Error(), "index out of range") {
		t.Errorf("append whose fill panics: %v", err)
	}
	usable, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	var n int
	if err := w.Conn().QueryRowContext(usable, "SELECT count(*) FROM essai").Scan(&n); err != nil || n != 0 {
		t.Fatalf("after the panic: %d rows, %v", n, err)
	}
	if err := w.Append(usable, "essai", func(add func(...any) error) error { return add(1) }); err != nil {
		t.Errorf("append after the panic: %v", err)
	}
	if left := ownGoroutines(); len(left) > 0 {
		t.Errorf("goroutines of the append left running:\n%s", strings.Join(left, "\n\n"))
	}
}

// ownGoroutines are the stacks of the goroutines, other than the caller's, running or
// started by this package's code (cgo's threads calling into Go come and go with DuckDB's
// threads: counting goroutines would count them).
func ownGoroutines() []string {
	buf := make([]byte, 1<<20)
	var out []string
	for i, g := range strings.Split(string(buf[:runtime.Stack(buf, true)]), "\n\n") {
		if i > 0 && strings.Contains(g, "bilan/internal/warehouse.") {
			out = append(out, g)
		}
	}
	return out
}

// stop, called when DuckDB stops reading, starts no goroutine that would outlive the
// append: the batches left are released by drain, which returns once they are.
func TestStreamStopLeavesNoGoroutine(t *testing.T) {
	schema := arrow.NewSchema([]arrow.Field{{Name: "i", Type: arrow.PrimitiveTypes.Int32, Nullable: true}}, nil)
	s := newStream(schema)
	for i := 0; i < 2*batchRows; i++ { // two batches built, never read
		if err := s.add(i); err != nil {
			t.Fatal(err)
		}
	}
	for len(s.batches) < 2 {
		time.Sleep(time.Millisecond)
	}
	if err := s.close(false); err != nil { // the building goroutine ends
		t.Fatal(err)
	}
	s.stop()
	if left := ownGoroutines(); len(left) > 0 {
		t.Errorf("goroutines left running by stop:\n%s", strings.Join(left, "\n\n"))
	}
	s.end(nil)
	s.drain()
	if len(s.batches) != 0 {
		t.Errorf("%d batches left after drain", len(s.batches))
	}
	s.Release()
}

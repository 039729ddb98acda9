// Package sqltest runs sqllogictest-like .test files, each against a fresh warehouse:
//
//	statement ok
//	INSERT INTO raw_jeunes (…) VALUES (…)
//
//	query
//	SELECT niveau, code, valeur FROM jeu_contact ORDER BY ALL
//	----
//	national	FR	3
//
// Blocks are separated by blank lines; lines starting with # are comments. Expected rows
// are tab-separated, NULL for a null value.
package sqltest

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"bilan/internal/warehouse"
)

// Block is one statement or query of a .test file.
type Block struct {
	Line     int
	Kind     string // "statement ok", "statement error", "query"
	SQL      string
	Expected []string
}

// Parse splits a .test file into blocks.
func Parse(text string) ([]Block, error) {
	var blocks []Block
	var cur *Block
	inResult := false
	flush := func() {
		if cur != nil {
			blocks = append(blocks, *cur)
		}
		cur, inResult = nil, false
	}
	for i, line := range strings.Split(text, "\n") {
		line = strings.TrimRight(line, "\r")
		switch {
		case strings.TrimSpace(line) == "":
			flush()
		case cur == nil && strings.HasPrefix(line, "#"):
		case cur == nil:
			kind := strings.TrimSpace(line)
			if kind != "statement ok" && kind != "statement error" && kind != "query" {
				return nil, fmt.Errorf("line %d: expected statement ok|statement error|query, got %q", i+1, line)
			}
			cur = &Block{Line: i + 1, Kind: kind}
		case line == "----":
			inResult = true
		case inResult:
			cur.Expected = append(cur.Expected, line)
		default:
			cur.SQL += line + "\n"
		}
	}
	flush()
	return blocks, nil
}

// prepared is a warehouse file prepared once per test binary (schema, reference tables,
// views: ~0,3 s); each Run opens a copy of it, which Open finds up to date and does not
// prepare again.
var prepared struct {
	once sync.Once
	dir  string
	err  error
}

// fresh opens a copy of the prepared warehouse; done closes it and removes the copy.
func fresh(ctx context.Context) (w *warehouse.Warehouse, done func(), err error) {
	prepared.once.Do(func() {
		if prepared.dir, prepared.err = os.MkdirTemp("", "sqltest-"); prepared.err != nil {
			return
		}
		w, err := warehouse.Open(ctx, filepath.Join(prepared.dir, "prepared.duckdb"))
		if err == nil {
			err = w.Close()
		}
		prepared.err = err
	})
	if prepared.err != nil {
		return nil, nil, fmt.Errorf("prepare a warehouse: %w", prepared.err)
	}
	b, err := os.ReadFile(filepath.Join(prepared.dir, "prepared.duckdb"))
	if err != nil {
		return nil, nil, err
	}
	f, err := os.CreateTemp(prepared.dir, "run-*.duckdb")
	if err != nil {
		return nil, nil, err
	}
	_, err = f.Write(b)
	if err = errors.Join(err, f.Close()); err != nil {
		return nil, nil, err
	}
	if w, err = warehouse.Open(ctx, f.Name()); err != nil {
		return nil, nil, err
	}
	return w, func() { w.Close(); os.Remove(f.Name()); os.Remove(f.Name() + ".wal") }, nil
}

// Cleanup removes the prepared warehouse; call it from TestMain after the tests.
func Cleanup() {
	if prepared.dir != "" {
		os.RemoveAll(prepared.dir)
	}
}

// Run executes the blocks on a fresh warehouse and returns one error per failed block.
func Run(ctx context.Context, blocks []Block) ([]error, error) {
	w, done, err := fresh(ctx)
	if err != nil {
		return nil, err
	}
	defer done()
	var failures []error
	for _, b := range blocks {
		switch b.Kind {
		case "statement ok":
			if _, err := w.Conn().ExecContext(ctx, b.SQL); err != nil {
				failures = append(failures, fmt.Errorf("line %d: %w", b.Line, err))
			}
		case "statement error":
			if _, err := w.Conn().ExecContext(ctx, b.SQL); err == nil {
				failures = append(failures, fmt.Errorf("line %d: statement should fail", b.Line))
			}
		case "query":
			got, err := query(ctx, w.Conn(), b.SQL)
			if err != nil {
				failures = append(failures, fmt.Errorf("line %d: %w", b.Line, err))
				continue
			}
			if strings.Join(got, "\n") != strings.Join(b.Expected, "\n") {
				failures = append(failures, fmt.Errorf("line %d: result differs\n--- want\n%s\n--- got\n%s",
					b.Line, strings.Join(b.Expected, "\n"), strings.Join(got, "\n")))
			}
		}
	}
	return failures, nil
}

func query(ctx context.Context, conn *sql.Conn, q string) ([]string, error) {
	rows, err := conn.QueryContext(ctx, q)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	var out []string
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, err
		}
		cells := make([]string, len(cols))
		for i, v := range vals {
			cells[i] = "NULL"
			switch v := v.(type) {
			case nil:
			case warehouse.Decimal:
				cells[i] = warehouse.DecimalText(v, int(v.Scale))
			default:
				cells[i] = fmt.Sprint(v)
			}
		}
		out = append(out, strings.Join(cells, "\t"))
	}
	return out, rows.Err()
}

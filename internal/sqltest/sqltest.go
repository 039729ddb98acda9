// Package sqltest runs sqllogictest-like .test files against a fresh in-memory warehouse:
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
	"fmt"
	"strings"

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

// Run executes the blocks on a fresh in-memory warehouse and returns one error per
// failed block.
func Run(ctx context.Context, blocks []Block) ([]error, error) {
	w, err := warehouse.Open(ctx, "")
	if err != nil {
		return nil, err
	}
	defer w.Close()
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

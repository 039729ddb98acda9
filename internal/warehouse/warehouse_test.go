package warehouse

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	sqlfiles "bilan/sql"
)

// snapshot is every file of dir (the warehouse and any write-ahead log beside it) with
// its bytes and modification time.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		info, err := e.Info()
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = info.ModTime().String() + "\x00" + string(b)
	}
	return out
}

func sameFiles(t *testing.T, what string, before, after map[string]string) {
	t.Helper()
	for name, b := range before {
		if a, ok := after[name]; !ok || a != b {
			t.Errorf("%s: %s changed", what, name)
		}
	}
	for name := range after {
		if _, ok := before[name]; !ok {
			t.Errorf("%s: %s appeared", what, name)
		}
	}
}

func mustOpen(t *testing.T, path string, readOnly bool) *Warehouse {
	t.Helper()
	open := Open
	if readOnly {
		open = OpenReadOnly
	}
	w, err := open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	return w
}

func mustExec(t *testing.T, w *Warehouse, stmts ...string) {
	t.Helper()
	for _, s := range stmts {
		if _, err := w.Conn().ExecContext(context.Background(), s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
}

// The schema, the reference tables and the views are written when a warehouse is created,
// not at each open: opening it again, read-write or read-only, leaves its file untouched.
func TestOpenAgainWritesNothing(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "bilan.duckdb")
	if err := mustOpen(t, path, false).Close(); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, dir)
	for _, readOnly := range []bool{false, true} {
		w := mustOpen(t, path, readOnly)
		var n int
		if err := w.Conn().QueryRowContext(context.Background(), "SELECT count(*) FROM actions_pnae").Scan(&n); err != nil || n != 13 {
			t.Errorf("actions_pnae: %d rows, %v", n, err)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		sameFiles(t, map[bool]string{false: "second open", true: "read-only open"}[readOnly], before, snapshot(t, dir))
	}
}

// A read-only open never writes, even to a warehouse prepared with another SQL set: this
// program's macros, reference tables and views shadow the file's in the temporary schema.
// When the file lacks a table they read, the error says the warehouse is stale. An open
// for writing prepares it again.
func TestOpenReadOnlyStale(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "bilan.duckdb")
	w := mustOpen(t, path, false)
	mustExec(t, w, "UPDATE preparation SET sql_sha256 = 'older'",
		"CREATE OR REPLACE MACRO pct(num, den) AS 42",
		"DROP VIEW stg_referentiel",
		"DELETE FROM actions_pnae")
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	check := func(w *Warehouse) {
		t.Helper()
		var pct float64
		var actions, structures int
		err := w.Conn().QueryRowContext(ctx, "SELECT pct(1, 2), (SELECT count(*) FROM actions_pnae), (SELECT count(*) FROM ref_regions)").
			Scan(&pct, &actions, &structures)
		if err != nil || pct != 50 || actions != 13 || structures == 0 {
			t.Errorf("pct(1, 2) = %v, %d actions, %d regions, %v", pct, actions, structures, err)
		}
		if err := w.SetParams(ctx, Params{Exercice: 2016}); err != nil {
			t.Fatal(err)
		}
		if err := w.Conn().QueryRowContext(ctx, "SELECT count(*) FROM stg_referentiel").Scan(&structures); err != nil || structures == 0 {
			t.Errorf("stg_referentiel: %d rows, %v", structures, err)
		}
	}
	before := snapshot(t, dir)
	w = mustOpen(t, path, true)
	check(w)
	if _, err := w.Conn().ExecContext(ctx, "DELETE FROM batches"); err == nil {
		t.Error("a read-only warehouse took a DELETE")
	}
	w.Close()
	sameFiles(t, "read-only open of a stale warehouse", before, snapshot(t, dir))

	w = mustOpen(t, path, false)
	check(w)
	var hash string
	if err := w.Conn().QueryRowContext(ctx, "SELECT sql_sha256 FROM preparation").Scan(&hash); err != nil || hash == "older" {
		t.Errorf("prepared again: hash %q, %v", hash, err)
	}
	mustExec(t, w, "UPDATE preparation SET sql_sha256 = 'older'", "DROP TABLE referentiel_livre")
	w.Close()
	if _, err := OpenReadOnly(ctx, path); !errors.Is(err, ErrStale) {
		t.Errorf("read-only open of a warehouse without referentiel_livre: %v, want ErrStale", err)
	}
	if _, err := OpenReadOnly(ctx, filepath.Join(dir, "absent.duckdb")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("read-only open of no file: %v", err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "absent.duckdb")); !bytes.Equal(b, nil) {
		t.Error("a read-only open created its file")
	}
}

// A view reading another through a table macro is created after it when its header names
// it: the views are created in one pass, in sqlfiles.Order's order.
func TestCreateViewsThroughMacro(t *testing.T) {
	ctx := context.Background()
	w := mustOpen(t, "", false)
	defer w.Close()
	// DuckDB binds a table macro when it is created, and again where it is called.
	mustExec(t, w, "CREATE VIEW essai_b AS SELECT 1 AS x", "CREATE MACRO essai_lot(n) AS TABLE SELECT * FROM essai_b WHERE x <= n")
	b := View{Name: "essai_b", SQL: "SELECT 1 AS x"}
	for _, c := range []struct {
		reads []string
		fails bool
	}{{[]string{"essai_b"}, false}, {nil, true}} {
		mustExec(t, w, "DROP VIEW IF EXISTS essai_a", "DROP VIEW IF EXISTS essai_b")
		a := View{Name: "essai_a", SQL: "SELECT * FROM essai_lot(2)", Reads: c.reads}
		order, err := sqlfiles.Order([]View{a, b})
		if err != nil {
			t.Fatal(err)
		}
		err = w.createViews(ctx, "VIEW", order)
		if c.fails != (err != nil) || c.fails && !strings.Contains(err.Error(), "create view essai_a") {
			t.Errorf("reads %v: %v", c.reads, err)
		}
	}
}

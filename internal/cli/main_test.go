package cli

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	_ "github.com/duckdb/duckdb-go/v2" // the "duckdb" driver of openDB

	"bilan/internal/synth"
)

const (
	demo    = "../../fixtures/demo"
	testKey = "cle-de-test-des-tests-de-bilan-0123456789"
)

// TestMain lets a test start the CLI in a child process (the test binary itself), so it
// can be killed like the real program; it removes the shared demo build at the end.
func TestMain(m *testing.M) {
	if args := os.Getenv("BILAN_TEST_CHILD"); args != "" {
		os.Exit(Run(context.Background(), strings.Split(args, "\x1f"), os.Getenv, os.Stdin, os.Stdout, os.Stderr))
	}
	code := m.Run()
	if shared.dir != "" {
		os.RemoveAll(shared.dir)
	}
	os.Exit(code)
}

// testEnv is the environment the CLI sees in tests: the test key and nothing else, so no
// test depends on the environment of the machine, and none needs t.Setenv.
func testEnv(name string) string {
	if name == "BILAN_CLE_PSEUDO" {
		return testKey
	}
	return ""
}

// run runs the CLI in-process and returns its exit code and outputs.
func run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	return runEnv(t, testEnv, args...)
}

// runEnv runs the CLI in-process with the environment getenv.
func runEnv(t *testing.T, getenv func(string) string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := Run(context.Background(), args, getenv, strings.NewReader(""), &out, &errOut)
	return code, out.String(), errOut.String()
}

// mustRun runs the CLI and fails the test unless it exits 0.
func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	code, out, errOut := run(t, args...)
	if code != 0 {
		t.Fatalf("bilan %s: exit %d\n%s\n%s", strings.Join(args, " "), code, out, errOut)
	}
	return out
}

// shared is the demo run, built once per test binary by the first test that needs it
// (≈ 8 s): the demo fixtures (2015 then 2016) loaded into a warehouse, 2016 published.
var shared struct {
	once    sync.Once
	dir     string // removed by TestMain
	wh, out string
	err     error
}

// demoRun returns a copy of the demo warehouse, the test's own, and the shared output
// folder of the demo run, which tests only read.
func demoRun(t *testing.T) (string, string) {
	t.Helper()
	shared.once.Do(func() { shared.err = buildDemo() })
	if shared.err != nil {
		t.Fatalf("demo run: %v", shared.err)
	}
	wh := filepath.Join(t.TempDir(), "var", "bilan.duckdb")
	if err := copyWarehouse(shared.wh, wh); err != nil {
		t.Fatal(err)
	}
	return wh, shared.out
}

func buildDemo() error {
	dir, err := os.MkdirTemp("", "bilan-demo-")
	if err != nil {
		return err
	}
	shared.dir = dir
	shared.wh, shared.out = filepath.Join(dir, "var", "bilan.duckdb"), filepath.Join(dir, "out")
	cli := func(args ...string) (string, error) {
		var out, errOut bytes.Buffer
		if code := Run(context.Background(), args, testEnv, strings.NewReader(""), &out, &errOut); code != 0 {
			return "", fmt.Errorf("bilan %s: exit %d\n%s\n%s", strings.Join(args, " "), code, &out, &errOut)
		}
		return out.String(), nil
	}
	for _, r := range synth.DemoRegions {
		if _, err := cli("ingest", "--warehouse", shared.wh, "--year", "2015", "--scope", r, filepath.Join(demo, "2015", r)); err != nil {
			return err
		}
	}
	if _, err := cli("compute", "--warehouse", shared.wh, "--year", "2015"); err != nil {
		return err
	}
	stdout, err := cli("run", "--warehouse", shared.wh, "--year", "2016", "--in", filepath.Join(demo, "2016"), "--out", shared.out)
	if err != nil {
		return err
	}
	if want := "Le bilan national est ici : " + filepath.Join(shared.out, "national", "bilan-national-2016.pdf"); !strings.Contains(stdout, want) {
		return fmt.Errorf("run does not say where the national PDF is; output:\n%s", stdout)
	}
	return nil
}

// copyWarehouse copies a closed warehouse file (and its write-ahead log, if DuckDB left
// one) to dst.
func copyWarehouse(src, dst string) error {
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	if err := copyFile(src, dst); err != nil {
		return err
	}
	if err := copyFile(src+".wal", dst+".wal"); err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	return nil
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// openDB opens a warehouse file with the bare DuckDB driver: tests read its tables, and
// skip the schema, referential and views warehouse.Open would set up again (≈ 0.3 s).
// Close it before the CLI opens the file again.
func openDB(t *testing.T, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("duckdb", path)
	if err != nil {
		t.Fatal(err)
	}
	return db
}

// snapshotTables are the tables of loaded data a refusal must leave as they were.
var snapshotTables = []string{"batches", "raw_structures", "raw_jeunes", "raw_evenements", "raw_mesures", "quarantine", "warnings", "jeunes_rejetes"}

// snapshot is the content of the warehouse's loaded data (count and hash of every
// table, in one query), to prove a refusal changes nothing.
func snapshot(t *testing.T, wh string) string {
	t.Helper()
	db := openDB(t, wh)
	defer db.Close()
	var parts []string
	for i, table := range snapshotTables {
		parts = append(parts, fmt.Sprintf("SELECT %d AS n, '%s:' || count(*) || ':' || coalesce(CAST(sum(hash(t)) AS VARCHAR), '') AS line FROM %s t", i, table, table))
	}
	var s string
	q := "SELECT string_agg(line, chr(10) ORDER BY n) FROM (" + strings.Join(parts, " UNION ALL ") + ")"
	if err := db.QueryRow(q).Scan(&s); err != nil {
		t.Fatalf("snapshot of %s: %v", wh, err)
	}
	return s
}

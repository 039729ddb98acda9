package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"bilan/internal/synth"
)

// TestExportParquet: `bilan export` writes each normalised table and the indicators of an
// exercice as Parquet partitioned by exercice and region, with the warehouse's rows (read
// back by DuckDB as another engine would), keeps other exercices, replaces its own on a
// second export, and lets nothing personal out beyond pseudonyms.
func TestExportParquet(t *testing.T) {
	t.Parallel()
	wh, _ := demoRun(t)
	dir := filepath.Join(t.TempDir(), "export")
	for _, y := range []string{"2015", "2016", "2016"} { // 2016 twice: replaced, not added
		out := mustRun(t, "export", "--warehouse", wh, "--year", y, "--out", dir)
		if !strings.Contains(out, "tables écrites en Parquet") {
			t.Errorf("export says %q", out)
		}
	}
	db := openDB(t, wh) // the warehouse file: its views, and read_parquet over the export
	defer db.Close()
	count := func(q string, args ...any) string {
		t.Helper()
		var s string
		if err := db.QueryRow(q, args...).Scan(&s); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		return s
	}
	parquet := func(table string) string {
		return fmt.Sprintf("read_parquet('%s/%s/*/*/*.parquet', hive_partitioning = true)", dir, table)
	}
	for _, y := range []int{2015, 2016} {
		if _, err := db.Exec(fmt.Sprintf("SET VARIABLE exercice = %d", y)); err != nil {
			t.Fatal(err)
		}
		for _, table := range []string{"stg_jeunes", "stg_evenements", "stg_mesures", "stg_referentiel", "stg_arml_structures"} {
			want := count("SELECT count(*)::VARCHAR || ' ' || count(DISTINCT coalesce(region, 'FR'))::VARCHAR FROM " + table)
			got := count(fmt.Sprintf("SELECT count(*)::VARCHAR || ' ' || count(DISTINCT region)::VARCHAR FROM %s WHERE exercice = %d", parquet(table), y))
			if got != want || strings.HasPrefix(want, "0 ") {
				t.Errorf("%s %d: export has %s rows and regions, the warehouse %s", table, y, got, want)
			}
		}
		want := count("SELECT count(*)::VARCHAR || ' ' || sum(valeur)::VARCHAR FROM indicateurs WHERE exercice = ?", y)
		got := count(fmt.Sprintf("SELECT count(*)::VARCHAR || ' ' || sum(valeur)::VARCHAR FROM %s WHERE exercice = %d", parquet("indicateurs"), y))
		if got != want {
			t.Errorf("indicateurs %d: export %s, warehouse %s", y, got, want)
		}
	}
	// The profile numbers of stg_jeunes decode through the exported ref_profils.
	if got := count(fmt.Sprintf("SELECT count(*)::VARCHAR FROM %s j ANTI JOIN read_parquet('%s/ref_profils.parquet') r USING (profil) WHERE exercice = 2016", parquet("stg_jeunes"), dir)); got != "0" {
		t.Errorf("%s youths of the export have a profil ref_profils.parquet lacks", got)
	}
	regions := slices.Sorted(slices.Values(synth.DemoRegions))
	if got := count(fmt.Sprintf("SELECT string_agg(DISTINCT region, ',' ORDER BY region) FROM %s WHERE exercice = 2016", parquet("stg_jeunes"))); got != strings.Join(regions, ",") {
		t.Errorf("stg_jeunes partitions: %s", got)
	}
	// Nothing personal: no such column, no raw id nor fake PII value in any file.
	for _, col := range []string{"date_naissance", "id_mesure", "q2_liste", "q4_applications", "id_jeune"} {
		n := count(fmt.Sprintf("SELECT count(*)::VARCHAR FROM (DESCRIBE SELECT * FROM read_parquet('%s/*/*/*/*.parquet', union_by_name = true)) WHERE column_name = ?", dir), col)
		if (n != "0") != (col == "id_jeune") { // the pseudonyms are there, and nothing else personal
			t.Errorf("the export has %s columns %s", n, col)
		}
	}
	markers := []string{synth.PIIMarker, "exemple.invalid", "J53-2016-", "J94-2015-", "P53-"}
	files := 0
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		files++
		b, _ := os.ReadFile(p)
		for _, m := range markers {
			if bytes.Contains(b, []byte(m)) {
				t.Errorf("%s contains %q", p, m)
			}
		}
		return nil
	})
	if files < 50 {
		t.Errorf("%d files exported", files)
	}
}

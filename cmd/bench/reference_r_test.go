package main

import (
	"database/sql"
	"maps"
	"path/filepath"
	"strings"
	"testing"
)

// TestSameAsBilan: reference (d) is only quoted when its national values are bilan's; a
// value that differs, or one R did not print, is named.
func TestSameAsBilan(t *testing.T) {
	wh := filepath.Join(t.TempDir(), "w.duckdb")
	db, err := sql.Open("duckdb", wh)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`CREATE TABLE indicateurs (exercice INTEGER, indicateur VARCHAR, niveau VARCHAR, code VARCHAR, valeur DECIMAL(18,2));
		INSERT INTO indicateurs VALUES
			(2016, 'JEU_CONTACT', 'national', 'FR', 137000), (2016, 'JEU_CONTACT', 'region', '53', 9),
			(2016, 'JEU_ACCUEILLIS', 'national', 'FR', 120000), (2016, 'JEU_JDI', 'national', 'FR', 73700),
			(2016, 'JEU_ENTRETIENS', 'national', 'FR', 339175), (2015, 'JEU_JDI', 'national', 'FR', 1)`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	same := map[string]int64{"JEU_CONTACT": 137000, "JEU_ACCUEILLIS": 120000, "JEU_JDI": 73700, "JEU_ENTRETIENS": 339175}
	if d := sameAsBilan(wh, same); d != nil {
		t.Fatalf("same values reported as different: %v", d)
	}
	off := maps.Clone(same)
	off["JEU_JDI"]++
	delete(off, "JEU_ENTRETIENS")
	d := sameAsBilan(wh, off)
	if len(d) != 2 || !strings.HasPrefix(d[0], "JEU_JDI : R 73701, bilan 73700") || d[1] != "JEU_ENTRETIENS : absent de R, bilan 339175" {
		t.Fatalf("differences: %v", d)
	}
}

// TestRReferenceAbsent: without Rscript on the PATH, reference (d) says why it did not run.
func TestRReferenceAbsent(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	if _, national, absent := rReference(t.TempDir()); national != nil || !strings.Contains(absent, "r-cran-data.table") {
		t.Fatalf("no Rscript: values %v, reason %q", national, absent)
	}
}

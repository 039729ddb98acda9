package compute

import (
	"context"
	"slices"
	"testing"

	"bilan/internal/warehouse"
	sqlfiles "bilan/sql"
)

// Every view comes after those it reads: stg_jeunes before the events and measures, an
// indicator before those derived from it; a cycle is refused.
func TestDependencyOrder(t *testing.T) {
	views, err := sqlfiles.Views()
	if err != nil {
		t.Fatal(err)
	}
	inds, err := sqlfiles.Indicators()
	if err != nil {
		t.Fatal(err)
	}
	for _, ind := range inds {
		views = append(views, ind.View)
	}
	order, err := dependencyOrder(views)
	if err != nil {
		t.Fatal(err)
	}
	for _, before := range [][2]string{{"stg_jeunes", "stg_evenements"}, {"stg_jeunes", "stg_mesures"},
		{"jeu_accueillis", "fin_par_jeune"}, {"jeu_accueillis", "emp_situation_pro_pct"}, {"emp_situation_pro", "emp_situation_pro_pct"}} {
		if i, j := slices.Index(order, before[0]), slices.Index(order, before[1]); i < 0 || j < 0 || i > j {
			t.Errorf("%s must come before %s in %v", before[0], before[1], order)
		}
	}
	if _, err := dependencyOrder([]sqlfiles.View{{Name: "a", SQL: "SELECT * FROM b"}, {Name: "b", SQL: "SELECT * FROM a"}}); err == nil {
		t.Error("a cycle was ordered")
	}
	// Whole words only: jeu_accueillis_ei does not read jeu_accueillis.
	got, err := dependencyOrder([]sqlfiles.View{{Name: "x_ei", SQL: "SELECT 1"}, {Name: "x", SQL: "SELECT x_ei.a AS x FROM t JOIN x_ei USING (a)"}})
	if err != nil || !slices.Equal(got, []string{"x_ei", "x"}) {
		t.Errorf("order %v, %v", got, err)
	}
}

// Run fills the catalogue and leaves no temporary table behind; Only leaves the warehouse
// as it was and refuses an unknown id.
func TestRunAndOnly(t *testing.T) {
	ctx := context.Background()
	w, err := warehouse.Open(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	count := func(q string) int {
		var n int
		if err := w.Conn().QueryRowContext(ctx, q).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	p := warehouse.Params{Exercice: 2016}
	if err := Run(ctx, w, p); err != nil {
		t.Fatal(err)
	}
	catalogue := count("SELECT count(*) FROM catalogue")
	if catalogue < 40 {
		t.Fatalf("catalogue holds %d indicators after Run", catalogue)
	}
	if n := count("SELECT count(*) FROM duckdb_tables() WHERE temporary"); n != 0 {
		t.Errorf("%d temporary tables left after Run", n)
	}
	if err := Only(ctx, w, p, "JEU_CONTACT", "JEU_JDI"); err != nil {
		t.Fatal(err)
	}
	if n := count("SELECT count(*) FROM catalogue"); n != catalogue {
		t.Errorf("Only changed the catalogue: %d indicators, was %d", n, catalogue)
	}
	if n := count("SELECT count(*) FROM duckdb_tables() WHERE temporary"); n != 0 {
		t.Errorf("%d temporary tables left after Only", n)
	}
	if err := Only(ctx, w, p, "JEU_CONTACT", "PAS_UN_INDICATEUR"); err == nil {
		t.Error("Only accepted an unknown indicator")
	}
}

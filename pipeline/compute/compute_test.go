package compute

import (
	"context"
	"slices"
	"strings"
	"testing"

	"bilan/internal/warehouse"
	sqlfiles "bilan/sql"
)

// Every stored view comes after those it reads, even through a view that is not stored
// (jeu_entretiens reads stg_evenements, which reads stg_jeunes); only the materialised views
// the indicators need are stored; a cycle is refused.
func TestPlan(t *testing.T) {
	views, err := sqlfiles.Views()
	if err != nil {
		t.Fatal(err)
	}
	inds, err := sqlfiles.Indicators()
	if err != nil {
		t.Fatal(err)
	}
	order, err := plan(views, inds)
	if err != nil {
		t.Fatal(err)
	}
	if len(order) != len(inds)+3 {
		t.Errorf("%d views stored for %d indicators and 3 materialised views: %v", len(order), len(inds), order)
	}
	for _, before := range [][2]string{{"stg_jeunes", "jeu_entretiens"}, {"stg_jeunes", "stg_mesures"},
		{"stg_jeunes", "stg_jeunes_activite"}, {"stg_jeunes_activite", "jeu_contact"},
		{"jeu_accueillis", "fin_par_jeune"}, {"jeu_accueillis", "emp_situation_pro_pct"}, {"emp_situation_pro", "emp_situation_pro_pct"}} {
		if i, j := slices.Index(order, before[0]), slices.Index(order, before[1]); i < 0 || j < 0 || i > j {
			t.Errorf("%s must come before %s in %v", before[0], before[1], order)
		}
	}
	some := slices.DeleteFunc(slices.Clone(inds), func(ind sqlfiles.Indicator) bool { return ind.ID != "JEU_ENTRETIENS" && ind.ID != "JEU_JDI" })
	if order, err := plan(views, some); err != nil || !slices.Equal(order, []string{"stg_jeunes", "stg_jeunes_activite", "jeu_entretiens", "jeu_jdi"}) {
		t.Errorf("plan of JEU_ENTRETIENS and JEU_JDI: %v, %v", order, err)
	}
	cycle := []sqlfiles.View{{Name: "a", SQL: "SELECT * FROM b", Materialised: true}, {Name: "b", SQL: "SELECT * FROM a", Materialised: true}}
	if _, err := plan(cycle, []sqlfiles.Indicator{{View: sqlfiles.View{Name: "i", SQL: "SELECT * FROM a"}}}); err == nil {
		t.Error("a cycle was planned")
	}
	// An indicator reading a materialised view through a macro names it on its reads header:
	// the view is stored, before it.
	macro := []sqlfiles.View{{Name: "stg_x", SQL: "SELECT 1 AS x", Materialised: true}}
	through := sqlfiles.Indicator{View: sqlfiles.View{Name: "i", SQL: "-- reads: stg_x\nSELECT * FROM lire_x(2016)", Reads: []string{"stg_x"}}}
	if order, err := plan(macro, []sqlfiles.Indicator{through}); err != nil || !slices.Equal(order, []string{"stg_x", "i"}) {
		t.Errorf("plan through a macro: %v, %v", order, err)
	}
	// Whole words only: a view reading x_ei does not read x.
	words := []sqlfiles.View{{Name: "x", SQL: "SELECT 1", Materialised: true}, {Name: "x_ei", SQL: "SELECT 2", Materialised: true}}
	if order, err := plan(words, []sqlfiles.Indicator{{View: sqlfiles.View{Name: "i", SQL: "SELECT x FROM t JOIN x_ei USING (a)"}}}); err != nil ||
		!slices.Equal(order, []string{"x_ei", "i"}) {
		t.Errorf("order %v, %v", order, err)
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

// An error of DuckDB says which exercice and which indicator (by its id, a family's
// included) or stored view it comes from, and leaves no transaction open.
func TestErrorsNameTheIndicator(t *testing.T) {
	ctx := context.Background()
	w, err := warehouse.Open(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	p := warehouse.Params{Exercice: 2016}
	for _, c := range []struct{ view, want string }{
		{"jeu_jdi", "compute exercice 2016: indicator JEU_JDI: "},
		{"pnae", "compute exercice 2016: indicator PNAE_*: "},
		{"stg_jeunes", "compute exercice 2016: view stg_jeunes: "},
	} {
		var was string
		if err := w.Conn().QueryRowContext(ctx, "SELECT sql FROM duckdb_views() WHERE view_name = ?", c.view).Scan(&was); err != nil {
			t.Fatalf("%s: %v", c.view, err)
		}
		if _, err := w.Conn().ExecContext(ctx, "CREATE OR REPLACE VIEW "+c.view+" AS SELECT error('panne de test')"); err != nil {
			t.Fatal(err)
		}
		err := Run(ctx, w, p)
		if err == nil || !strings.HasPrefix(err.Error(), c.want) || !strings.Contains(err.Error(), "panne de test") {
			t.Errorf("%s broken: %v, want %q…", c.view, err, c.want)
		}
		if _, err := w.Conn().ExecContext(ctx, strings.Replace(was, "CREATE VIEW", "CREATE OR REPLACE VIEW", 1)); err != nil {
			t.Fatal(err)
		}
		if err := Only(ctx, w, p, "JEU_JDI"); err != nil { // no transaction left open
			t.Fatalf("after %s: %v", c.view, err)
		}
	}
}

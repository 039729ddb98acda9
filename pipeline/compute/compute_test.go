package compute

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

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
	if len(order) != len(inds)+4 {
		t.Errorf("%d views stored for %d indicators and 4 materialised views: %v", len(order), len(inds), order)
	}
	for _, before := range [][2]string{{"ref_profils", "stg_jeunes"}, {"stg_jeunes", "jeu_entretiens"}, {"stg_jeunes", "stg_mesures"},
		{"stg_jeunes", "stg_jeunes_activite"}, {"stg_jeunes_activite", "jeu_contact"},
		{"jeu_accueillis", "fin_par_jeune"}, {"jeu_accueillis", "emp_situation_pro_pct"}, {"emp_situation_pro", "emp_situation_pro_pct"}} {
		if i, j := slices.Index(order, before[0]), slices.Index(order, before[1]); i < 0 || j < 0 || i > j {
			t.Errorf("%s must come before %s in %v", before[0], before[1], order)
		}
	}
	some := slices.DeleteFunc(slices.Clone(inds), func(ind sqlfiles.Indicator) bool { return ind.ID != "JEU_ENTRETIENS" && ind.ID != "JEU_JDI" })
	if order, err := plan(views, some); err != nil || !slices.Equal(order, []string{"ref_profils", "stg_jeunes", "stg_jeunes_activite", "jeu_entretiens", "jeu_jdi"}) {
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

// Run writes the breakdowns of the youth counts in the transaction of the indicators:
// every modalité at every territory, NULL where no batch covers the territory; a youth of
// two regions' batches counts once in France, with the modalités of its lowest mission
// locale code (Y3: a woman in Corse, 2A004S00, a man in Rennes); the modalités add up to
// each count (controles_ventilations); Only leaves them as they were.
func TestBreakdowns(t *testing.T) {
	ctx := context.Background()
	w, err := warehouse.Open(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	for _, q := range []string{
		`INSERT INTO batches VALUES (2016, '53', 'jeunes', 1, 'j.csv', 'h1', 3, 3, 0), (2016, '94', 'jeunes', 2, 'j.csv', 'h2', 1, 1, 0)`,
		`INSERT INTO raw_jeunes (exercice, scope, id_jeune, code_structure, date_naissance, sexe, niveau_formation, qpv, zrr) VALUES
			(2016, '53', 'Y1', '35238S00', DATE '1999-06-01', 'F', 'VI', true, false),
			(2016, '53', 'Y2', '29019S00', DATE '1993-03-01', NULL, NULL, NULL, NULL),
			(2016, '53', 'Y3', '35238S00', DATE '1996-03-01', 'H', '3', false, false),
			(2016, '94', 'Y3', '2A004S00', DATE '1996-03-01', 'F', '3', false, true)`,
		`INSERT INTO raw_evenements (exercice, scope, id_evenement, id_jeune, code_structure, date_evenement, type_evenement, statut) VALUES
			(2016, '53', 'E1', 'Y1', '35238S00', DATE '2016-02-01', 'SMS', 'REALISE'),
			(2016, '53', 'E2', 'Y2', '29019S00', DATE '2016-02-01', 'SMS', 'REALISE'),
			(2016, '53', 'E3', 'Y3', '35238S00', DATE '2016-02-01', 'SMS', 'REALISE'),
			(2016, '94', 'E4', 'Y3', '2A004S00', DATE '2016-02-01', 'SMS', 'REALISE')`,
		`INSERT INTO raw_mesures (exercice, scope, id_mesure, id_jeune, code_structure, categorie, date_debut) VALUES
			(2016, '53', 'M1', 'Y1', '35238S00', 'PMSMP', DATE '2016-03-01'),
			(2016, '53', 'M2', 'Y1', '35238S00', 'PMSMP', DATE '2016-09-01')`,
	} {
		if _, err := w.Conn().ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	p := warehouse.Params{Exercice: 2016}
	if err := Run(ctx, w, p); err != nil {
		t.Fatal(err)
	}
	rows := func(q string) []string {
		t.Helper()
		r, err := w.Conn().QueryContext(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		var out []string
		for r.Next() {
			var a, b, c string
			if err := r.Scan(&a, &b, &c); err != nil {
				t.Fatal(err)
			}
			out = append(out, a+" "+b+" "+c)
		}
		return out
	}
	got := rows(`SELECT code, modalite, coalesce(CAST(valeur AS VARCHAR), 'NULL') FROM indicateurs_ventiles
		WHERE exercice = 2016 AND indicateur = 'JEU_CONTACT' AND dimension = 'sexe' AND niveau <> 'departement' AND code IN ('FR', '53', '94', '2A004S00', '11')
		ORDER BY code, modalite`)
	want := []string{"11 F NULL", "11 H NULL", "11 inconnu NULL", "2A004S00 F 1", "2A004S00 H 0", "2A004S00 inconnu 0",
		"53 F 1", "53 H 1", "53 inconnu 1", "94 F 1", "94 H 0", "94 inconnu 0", "FR F 2", "FR H 0", "FR inconnu 1"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("JEU_CONTACT by sexe (-want +got):\n%s", diff)
	}
	got = rows(`SELECT dimension, modalite, CAST(valeur AS VARCHAR) FROM indicateurs_ventiles
		WHERE exercice = 2016 AND indicateur = 'EMP_IMMERSIONS_JEUNES' AND code = 'FR' AND valeur > 0 ORDER BY ALL`)
	want = []string{"age moins_de_18 1", "niveau_formation infra_V 1", "qpv oui 1", "sexe F 1", "sexe_age F_moins_de_18 1", "zrr non 1"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("EMP_IMMERSIONS_JEUNES in France, one youth with two immersions (-want +got):\n%s", diff)
	}
	got = rows(`SELECT indicateur, CAST(cellules AS VARCHAR), CAST(coherent AS VARCHAR) FROM controles_ventilations WHERE NOT coherent OR cellules = 0`)
	if len(got) > 0 {
		t.Errorf("breakdowns that do not add up: %v", got)
	}
	count := func(q string) (n int) {
		t.Helper()
		if err := w.Conn().QueryRowContext(ctx, q).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	const cells = `SELECT count(*) FROM indicateurs_ventiles WHERE exercice = 2016`
	n := count(cells)
	modalities := count(`SELECT count(*) FROM ref_modalites`) // 27: 18 of the five dimensions, 9 of the cross sexe × âge
	if want := modalities * count(`SELECT count(*) FROM indicateurs JOIN catalogue USING (indicateur) WHERE ventile AND exercice = 2016`); n != want || n == 0 || modalities != 27 {
		t.Errorf("%d breakdown cells, want %d modalités × the cells of the %d youth counts = %d", n, modalities, count("SELECT count(*) FROM catalogue WHERE ventile"), want)
	}
	if err := Only(ctx, w, p, "JEU_CONTACT"); err != nil {
		t.Fatal(err)
	}
	if m := count(cells); m != n {
		t.Errorf("Only changed the breakdowns: %d cells, was %d", m, n)
	}
}

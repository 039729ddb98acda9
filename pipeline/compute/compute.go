// Package compute materialises every indicator of sql/indicators for one exercice at the
// four levels into the warehouse table indicateurs, replacing only that exercice's rows.
package compute

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"

	"bilan/internal/warehouse"
	sqlfiles "bilan/sql"
)

// Run computes every indicator for p.Exercice in one transaction, and the exercice before
// it first when anything of it is loaded. Its errors say which exercice, and which
// indicator or view: « compute exercice 2016: indicator JEU_JDI: … ».
func Run(ctx context.Context, w *warehouse.Warehouse, p warehouse.Params) error {
	// The exercice before, when anything of it is loaded, is recomputed first from its
	// raw rows with the same SQL: its values feed this one's evolutions and N−1 columns,
	// and a stored copy may be missing or come from older SQL or other batches. A copy
	// computed with this SQL from the same batches and parameters is the same: kept.
	var loaded int
	if err := w.Conn().QueryRowContext(ctx, "SELECT count(*) FROM batches WHERE exercice = ?", p.Exercice-1).Scan(&loaded); err != nil {
		return fmt.Errorf("compute exercice %d: batches of exercice %d: %w", p.Exercice, p.Exercice-1, err)
	}
	if loaded > 0 {
		prev := warehouse.Params{Exercice: p.Exercice - 1, JDIMois: p.JDIMois}
		current, err := upToDate(ctx, w, prev)
		if err != nil {
			return fmt.Errorf("compute exercice %d: %w", prev.Exercice, err)
		}
		if !current {
			if err := run(ctx, w, prev, nil, false); err != nil {
				return fmt.Errorf("compute exercice %d (before %d): %w", prev.Exercice, p.Exercice, err)
			}
		}
	}
	if err := run(ctx, w, p, nil, false); err != nil {
		return fmt.Errorf("compute exercice %d: %w", p.Exercice, err)
	}
	return nil
}

// fingerprint is what an exercice's indicators are a function of, besides the SQL: its
// batches (each with its load order and files' SHA-256), the shipped referential and the
// run parameters.
func fingerprint(ctx context.Context, w *warehouse.Warehouse, p warehouse.Params) (string, error) {
	var batches, shipped string
	err := w.Conn().QueryRowContext(ctx, `SELECT
		coalesce((SELECT string_agg(scope || ':' || kind || ':' || seq || ':' || sha256, '|' ORDER BY scope, kind) FROM batches WHERE exercice = ?), ''),
		coalesce((SELECT CAST(sum(hash(r)) AS VARCHAR) FROM referentiel_livre r), '')`, p.Exercice).Scan(&batches, &shipped)
	if err != nil {
		return "", fmt.Errorf("fingerprint: %w", err)
	}
	return fmt.Sprintf("%s|%s|jdi=%d|ref=%s", batches, shipped, p.JDIMois, p.DateReference.Format("2006-01-02")), nil
}

// upToDate tells whether the stored indicators of an exercice are exactly what computing
// it again would give: computed with this SQL, from the same batches and parameters.
func upToDate(ctx context.Context, w *warehouse.Warehouse, p warehouse.Params) (bool, error) {
	fp, err := fingerprint(ctx, w, p)
	if err != nil {
		return false, err
	}
	var n int
	err = w.Conn().QueryRowContext(ctx, `SELECT count(*) FROM calculs
		WHERE exercice = ? AND sql_sha256 = ? AND empreinte = ? AND EXISTS (SELECT 1 FROM indicateurs WHERE exercice = ?)`,
		p.Exercice, sqlfiles.Hash(), fp, p.Exercice).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("stored computation: %w", err)
	}
	return n > 0, nil
}

// Only computes the indicators ids the way Run does, then rolls back: the warehouse is
// left as it was. The benchmark times the engine with it on the indicators its plain-Go
// reference computes.
func Only(ctx context.Context, w *warehouse.Warehouse, p warehouse.Params, ids ...string) error {
	if err := run(ctx, w, p, ids, true); err != nil {
		return fmt.Errorf("compute exercice %d: %w", p.Exercice, err)
	}
	return nil
}

// run computes the indicators ids (all when nil) in one transaction, which it commits, or
// rolls back when asked, then drops the temporary tables it stored. Computing them all, it
// records the computation in calculs (recorded), with the exercice's document date (view
// date_document, read while those tables are there).
func run(ctx context.Context, w *warehouse.Warehouse, p warehouse.Params, ids []string, rollback bool) error {
	inds, err := sqlfiles.Indicators()
	if err != nil {
		return fmt.Errorf("read the indicators: %w", err)
	}
	if ids != nil {
		inds = slices.DeleteFunc(inds, func(ind sqlfiles.Indicator) bool { return !slices.Contains(ids, ind.ID) })
		if len(inds) != len(ids) {
			return fmt.Errorf("%d of the indicators %v found", len(inds), ids)
		}
	}
	if err := w.SetParams(ctx, p); err != nil {
		return fmt.Errorf("set parameters: %w", err)
	}
	conn := w.Conn()
	views, err := sqlfiles.Views()
	if err != nil {
		return fmt.Errorf("read the views: %w", err)
	}
	order, err := plan(views, inds)
	if err != nil {
		return err
	}
	// What each stored view is, for its errors: an indicator (by its id) or a view.
	what := map[string]string{}
	for _, v := range order {
		what[v] = "view " + v
	}
	for _, ind := range inds {
		what[ind.Name] = "indicator " + ind.ID
	}
	var db string
	if err := conn.QueryRowContext(ctx, "SELECT current_database()").Scan(&db); err != nil {
		return fmt.Errorf("current database: %w", err)
	}
	// The indicators and the materialised views they read, each stored once in a temporary
	// table that shadows its view (see plan): an indicator derived from another reads the
	// other's table. They are stored before the transaction: DuckDB scans a table committed
	// in parallel, one written in the running transaction far less so (the six JEU_PA_*
	// over stg_jeunes took three times as long). The warehouse has a single connection
	// whose users take turns, so nothing changes in between.
	defer func() {
		for _, v := range order {
			conn.ExecContext(context.WithoutCancel(ctx), "DROP TABLE IF EXISTS temp.main."+v)
		}
	}()
	for _, v := range order {
		t0 := time.Now()
		if _, err := conn.ExecContext(ctx, fmt.Sprintf(`CREATE TEMP TABLE %s AS SELECT * FROM "%s".main.%[1]s`, v, db)); err != nil {
			return fmt.Errorf("%s: %w", what[v], err)
		}
		warehouse.Trace(t0, "store "+v)
	}
	if _, err := conn.ExecContext(ctx, "BEGIN TRANSACTION"); err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	err = func() error {
		if _, err := conn.ExecContext(ctx, "DELETE FROM catalogue"); err != nil {
			return fmt.Errorf("empty the catalogue: %w", err)
		}
		for _, table := range []string{"valeurs_brutes", "ventilations_brutes"} {
			if _, err := conn.ExecContext(ctx, "DELETE FROM "+table+" WHERE exercice = ?", p.Exercice); err != nil {
				return fmt.Errorf("remove the previous values (%s): %w", table, err)
			}
		}
		t0 := time.Now()
		for _, ind := range inds {
			if err := insert(ctx, conn, p, ind); err != nil {
				return fmt.Errorf("indicator %s: %w", ind.ID, err)
			}
		}
		warehouse.Trace(t0, "insert the indicators' values")
		t0 = time.Now()
		if _, err := conn.ExecContext(ctx, "DELETE FROM indicateurs WHERE exercice = ?", p.Exercice); err != nil {
			return fmt.Errorf("remove the previous indicators: %w", err)
		}
		if _, err := conn.ExecContext(ctx, "INSERT INTO indicateurs SELECT * FROM indicateurs_complets"); err != nil {
			return fmt.Errorf("complete the indicators (indicateurs_complets): %w", err)
		}
		warehouse.Trace(t0, "indicateurs_complets")
		t0 = time.Now()
		if _, err := conn.ExecContext(ctx, "DELETE FROM indicateurs_ventiles WHERE exercice = ?", p.Exercice); err != nil {
			return fmt.Errorf("remove the previous breakdowns: %w", err)
		}
		if _, err := conn.ExecContext(ctx, "INSERT INTO indicateurs_ventiles SELECT * FROM ventilations_completes"); err != nil {
			return fmt.Errorf("complete the breakdowns (ventilations_completes): %w", err)
		}
		warehouse.Trace(t0, "ventilations_completes")
		t0 = time.Now()
		if ids != nil {
			return nil
		}
		err := recorded(ctx, w, p)
		warehouse.Trace(t0, "date_document, calculs")
		return err
	}()
	end := "COMMIT"
	if err != nil || rollback {
		end = "ROLLBACK"
	}
	t0 := time.Now()
	defer warehouse.Trace(t0, end)
	if _, e := conn.ExecContext(context.WithoutCancel(ctx), end); err == nil && e != nil {
		err = fmt.Errorf("%s: %w", strings.ToLower(end), e)
	}
	return err
}

// recorded replaces the record of the exercice's computation (calculs): this SQL set, its
// fingerprint and its document date.
func recorded(ctx context.Context, w *warehouse.Warehouse, p warehouse.Params) error {
	var date time.Time
	if err := w.Conn().QueryRowContext(ctx, "SELECT date_document FROM date_document").Scan(&date); err != nil {
		return fmt.Errorf("document date (date_document): %w", err)
	}
	fp, err := fingerprint(ctx, w, p)
	if err != nil {
		return err
	}
	if _, err := w.Conn().ExecContext(ctx, "DELETE FROM calculs WHERE exercice = ?", p.Exercice); err != nil {
		return fmt.Errorf("record the computation: %w", err)
	}
	if _, err := w.Conn().ExecContext(ctx, "INSERT INTO calculs (exercice, sql_sha256, empreinte, date_document) VALUES (?, ?, ?, ?)",
		p.Exercice, sqlfiles.Hash(), fp, date); err != nil {
		return fmt.Errorf("record the computation: %w", err)
	}
	return nil
}

// insert adds an indicator to the catalogue, its values to valeurs_brutes and, for a
// youth count, its breakdowns to ventilations_brutes.
func insert(ctx context.Context, conn *sql.Conn, p warehouse.Params, ind sqlfiles.Indicator) error {
	// A family file (id ending in _*) names its ids and titles in its rows.
	ids, values := "SELECT ? AS indicateur, ? AS titre", "SELECT ? AS exercice, ? AS indicateur, * FROM "+ind.Name
	if ind.Ventilated {
		values = "SELECT ? AS exercice, ? AS indicateur, * EXCLUDE (ventilation) FROM " + ind.Name
	}
	args := []any{ind.ID, ind.Title}
	var family any
	if ind.Family {
		ids, values = "SELECT DISTINCT indicateur, titre FROM "+ind.Name, "SELECT ? AS exercice, * EXCLUDE (titre) FROM "+ind.Name
		args, family = nil, ind.ID+" – "+ind.Title
	}
	if _, err := conn.ExecContext(ctx, "INSERT INTO catalogue BY NAME SELECT indicateur, titre, ? AS definition, ? AS source, "+
		"? AS unite, ? AS couverture, ? AS secret, ? AS derive, ? AS niveaux, ? AS famille, ? AS ventile FROM ("+ids+")",
		append([]any{ind.Definition, ind.Source, ind.Unit, ind.Coverage, ind.Secret, strings.Join(ind.Derive, ","),
			strings.Join(ind.Levels, ","), family, ind.Ventilated}, args...)...); err != nil {
		return fmt.Errorf("catalogue: %w", err)
	}
	valueArgs := []any{p.Exercice, ind.ID}
	if ind.Family {
		valueArgs = valueArgs[:1]
	}
	if _, err := conn.ExecContext(ctx, "INSERT INTO valeurs_brutes BY NAME "+values, valueArgs...); err != nil {
		return fmt.Errorf("values: %w", err)
	}
	if ind.Ventilated {
		if _, err := conn.ExecContext(ctx, "INSERT INTO ventilations_brutes SELECT ?, ?, niveau, code, v.dimension, v.modalite, v.valeur "+
			"FROM (SELECT niveau, code, unnest(ventilation) AS v FROM "+ind.Name+")", p.Exercice, ind.ID); err != nil {
			return fmt.Errorf("breakdowns: %w", err)
		}
	}
	return nil
}

// plan returns the views to store, in order: the indicators inds and the materialised
// views they read, directly or through other views, each after those it reads (the order
// of sqlfiles.Order, the one the warehouse creates its views in).
func plan(views []sqlfiles.View, inds []sqlfiles.Indicator) ([]string, error) {
	all := append([]sqlfiles.View{}, views...)
	for _, ind := range inds {
		all = append(all, ind.View)
	}
	ordered, err := sqlfiles.Order(all)
	if err != nil {
		return nil, fmt.Errorf("plan: %w", err)
	}
	reads, err := sqlfiles.Reads(all)
	if err != nil {
		return nil, fmt.Errorf("plan: %w", err)
	}
	materialised := map[string]bool{}
	for _, v := range views {
		materialised[v.Name] = v.Materialised
	}
	// Order refused any cycle: the walk ends.
	stored, seen := map[string]bool{}, map[string]bool{}
	var walk func(v string)
	walk = func(v string) {
		for _, r := range reads[v] {
			if !seen[r] {
				seen[r] = true
				stored[r] = stored[r] || materialised[r]
				walk(r)
			}
		}
	}
	for _, ind := range inds {
		stored[ind.Name] = true
		walk(ind.Name)
	}
	var order []string
	for _, v := range ordered {
		if stored[v.Name] {
			order = append(order, v.Name)
		}
	}
	return order, nil
}

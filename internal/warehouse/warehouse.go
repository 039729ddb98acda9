// Package warehouse opens the DuckDB file that holds every loaded batch and computed
// indicator, prepares its schema, reference tables and views from package sqlfiles when
// they changed, and gives the stages one connection on which run parameters are set.
package warehouse

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"database/sql/driver"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	duckdb "github.com/duckdb/duckdb-go/v2"

	"bilan/internal/referentiel"
	sqlfiles "bilan/sql"
)

// Warehouse is an open DuckDB warehouse. All work goes through its single connection, so
// variables set with SetParams are seen by every view.
type Warehouse struct {
	db      *sql.DB
	conn    *sql.Conn
	session bool // a second connection on the warehouse of another Warehouse (see Session)
}

// Open opens (or creates) the warehouse at path for reading and writing; "" opens an
// in-memory one. It prepares the warehouse (schema, reference tables, views) only when the
// file was last prepared with another SQL set: opening an up-to-date warehouse writes
// nothing.
func Open(ctx context.Context, path string) (*Warehouse, error) {
	if path != "" {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return nil, fmt.Errorf("create warehouse folder: %w", err)
		}
	}
	return open(ctx, path, false)
}

// OpenReadOnly opens the existing warehouse at path without ever writing to it (DuckDB's
// access_mode READ_ONLY). A warehouse last prepared with another SQL set gets this
// program's macros, reference tables and views in the connection's temporary schema,
// which shadows the file's; when even that fails (a table of this SQL set is missing from
// the file), the error wraps ErrStale.
func OpenReadOnly(ctx context.Context, path string) (*Warehouse, error) {
	if path == "" {
		return nil, errors.New("open warehouse read-only: no path")
	}
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("open warehouse %s read-only: %w", path, err)
	}
	return open(ctx, path+"?access_mode=READ_ONLY", true)
}

func open(ctx context.Context, dsn string, readOnly bool) (*Warehouse, error) {
	path, _, _ := strings.Cut(dsn, "?")
	connector, err := duckdb.NewConnector(dsn, func(execer driver.ExecerContext) error {
		for _, s := range []string{
			"SET autoinstall_known_extensions = false",
			"SET autoload_known_extensions = false",
		} {
			if _, err := execer.ExecContext(ctx, s, nil); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("open warehouse %s: %w", path, err)
	}
	db := sql.OpenDB(connector)
	conn, err := db.Conn(ctx)
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("open warehouse %s: %w", path, err)
	}
	w := &Warehouse{db: db, conn: conn}
	if err := w.prepare(ctx, readOnly); err != nil {
		w.Close()
		return nil, fmt.Errorf("open warehouse %s: %w", path, err)
	}
	return w, nil
}

// Close closes the warehouse, or only the connection of a session.
func (w *Warehouse) Close() error {
	if w.session {
		return w.conn.Close()
	}
	defer Trace(time.Now(), "close the warehouse")
	return errors.Join(w.conn.Close(), w.db.Close())
}

// Session opens another connection on the same warehouse, for a reader beside the one
// writer: DuckDB gives each connection the last committed state, so a reader never waits
// for a batch being loaded, and never sees half of one. Its parameters (SetParams) are
// its own. Close releases the connection only.
func (w *Warehouse) Session(ctx context.Context) (*Warehouse, error) {
	conn, err := w.db.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("open a warehouse session: %w", err)
	}
	return &Warehouse{db: w.db, conn: conn, session: true}, nil
}

// Conn is the warehouse's connection.
func (w *Warehouse) Conn() *sql.Conn { return w.conn }

// View is a named SELECT.
type View = sqlfiles.View

// sqlSet is what preparing a warehouse runs, from package sqlfiles.
type sqlSet struct {
	schema     []string // statements, in file order
	references []View   // reference tables
	views      []View   // normalised, compute and indicator views, each after those it reads
	hash       string   // SHA-256 of all of it: the version stored in the table preparation
}

// preparationVersion changes when the way a set is prepared changes, SQL unchanged.
const preparationVersion = "1"

var loadSet = sync.OnceValues(func() (*sqlSet, error) {
	schema, err := sqlfiles.Schema()
	if err != nil {
		return nil, err
	}
	refs, err := sqlfiles.References()
	if err != nil {
		return nil, err
	}
	views, err := sqlfiles.Views()
	if err != nil {
		return nil, err
	}
	inds, err := sqlfiles.Indicators()
	if err != nil {
		return nil, err
	}
	for _, ind := range inds {
		views = append(views, ind.View)
	}
	if views, err = sqlfiles.Order(views); err != nil {
		return nil, err
	}
	h := sha256.New()
	fmt.Fprintf(h, "preparation %s\x00", preparationVersion)
	for _, s := range schema {
		fmt.Fprintf(h, "schema\x00%d\x00%s", len(s), s)
	}
	for _, group := range [][]View{refs, views} {
		for _, v := range group {
			fmt.Fprintf(h, "%s\x00%d\x00%s", v.Name, len(v.SQL), v.SQL)
		}
	}
	return &sqlSet{schema: schema, references: refs, views: views, hash: hex.EncodeToString(h.Sum(nil))}, nil
})

// preparedWith is the hash of the SQL set the warehouse was last prepared with, "" for a
// warehouse never prepared (or prepared before the table preparation existed).
func (w *Warehouse) preparedWith(ctx context.Context) (string, error) {
	var n int
	if err := w.conn.QueryRowContext(ctx, `SELECT count(*) FROM duckdb_tables()
		WHERE database_name = current_database() AND schema_name = 'main' AND table_name = 'preparation'`).Scan(&n); err != nil {
		return "", fmt.Errorf("read the preparation: %w", err)
	}
	if n == 0 {
		return "", nil
	}
	var hash string
	if err := w.conn.QueryRowContext(ctx, "SELECT coalesce(max(sql_sha256), '') FROM preparation").Scan(&hash); err != nil {
		return "", fmt.Errorf("read the preparation: %w", err)
	}
	return hash, nil
}

// prepare brings the warehouse to this program's SQL set when it was prepared with
// another: in one transaction, or, read-only, in the connection's temporary schema.
func (w *Warehouse) prepare(ctx context.Context, readOnly bool) error {
	set, err := loadSet()
	if err != nil {
		return err
	}
	prepared, err := w.preparedWith(ctx)
	if err != nil || prepared == set.hash {
		return err
	}
	if readOnly {
		if err := w.prepareTemp(ctx, set); err != nil {
			return fmt.Errorf("%w: %w", ErrStale, err)
		}
		return nil
	}
	if _, err := w.conn.ExecContext(ctx, "BEGIN TRANSACTION"); err != nil {
		return err
	}
	err = func() error {
		for _, r := range set.references { // first: the macros of the schema read them
			if _, err := w.conn.ExecContext(ctx, "CREATE OR REPLACE TABLE "+r.Name+" AS "+r.SQL); err != nil {
				return fmt.Errorf("create reference table %s: %w", r.Name, err)
			}
		}
		for _, s := range set.schema {
			if _, err := w.conn.ExecContext(ctx, s); err != nil {
				return fmt.Errorf("create schema: %w", err)
			}
		}
		if err := w.loadShippedReferential(ctx); err != nil {
			return err
		}
		if err := w.dropViewsOutside(ctx, set.views); err != nil {
			return err
		}
		if err := w.createViews(ctx, "VIEW", set.views); err != nil {
			return err
		}
		if _, err := w.conn.ExecContext(ctx, "DELETE FROM preparation"); err != nil {
			return err
		}
		_, err := w.conn.ExecContext(ctx, "INSERT INTO preparation VALUES (?)", set.hash)
		return err
	}()
	end := "COMMIT"
	if err != nil {
		end = "ROLLBACK"
	}
	if _, e := w.conn.ExecContext(context.WithoutCancel(ctx), end); err == nil {
		err = e
	}
	return err
}

// prepareTemp creates the macros, reference tables and views of set as temporary objects
// of the connection, which shadow those of a read-only file prepared with another set.
func (w *Warehouse) prepareTemp(ctx context.Context, set *sqlSet) error {
	for _, r := range set.references { // first: the macros of the schema read them
		if _, err := w.conn.ExecContext(ctx, "CREATE OR REPLACE TEMP TABLE "+r.Name+" AS "+r.SQL); err != nil {
			return fmt.Errorf("create reference table %s: %w", r.Name, err)
		}
	}
	for _, s := range set.schema {
		if strings.Contains(s, "CREATE TABLE") { // the tables are the file's
			continue
		}
		if _, err := w.conn.ExecContext(ctx, strings.ReplaceAll(s, "CREATE OR REPLACE MACRO ", "CREATE OR REPLACE TEMP MACRO ")); err != nil {
			return fmt.Errorf("create macros: %w", err)
		}
	}
	return w.createViews(ctx, "TEMP VIEW", set.views)
}

// dropViewsOutside drops the views of the file that are not in views (a view renamed or
// removed from the SQL set).
func (w *Warehouse) dropViewsOutside(ctx context.Context, views []View) error {
	rows, err := w.conn.QueryContext(ctx, `SELECT view_name FROM duckdb_views()
		WHERE NOT internal AND NOT temporary AND database_name = current_database() AND schema_name = 'main'`)
	if err != nil {
		return fmt.Errorf("list views: %w", err)
	}
	var stale []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			rows.Close()
			return err
		}
		if !slices.ContainsFunc(views, func(v View) bool { return v.Name == name }) {
			stale = append(stale, name)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, name := range stale {
		if _, err := w.conn.ExecContext(ctx, `DROP VIEW "`+name+`"`); err != nil {
			return fmt.Errorf("drop view %s: %w", name, err)
		}
	}
	return nil
}

// createViews creates the views (kind "VIEW" or "TEMP VIEW"), in the order given: each
// after those it reads (sqlfiles.Order).
func (w *Warehouse) createViews(ctx context.Context, kind string, views []View) error {
	for _, v := range views {
		if _, err := w.conn.ExecContext(ctx, "CREATE OR REPLACE "+kind+" "+v.Name+" AS "+v.SQL); err != nil {
			return fmt.Errorf("create view %s: %w", v.Name, err)
		}
	}
	return nil
}

func (w *Warehouse) loadShippedReferential(ctx context.Context) error {
	var n int
	if err := w.conn.QueryRowContext(ctx, "SELECT count(*) FROM referentiel_livre").Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return nil
	}
	rows, err := referentiel.Shipped()
	if err != nil {
		return fmt.Errorf("shipped referential: %w", err)
	}
	return w.Append(ctx, "referentiel_livre", func(add func(...any) error) error {
		for _, s := range rows {
			if err := add(s.Code, s.NomOfficiel, s.NomUsuel, s.Departement, s.Region); err != nil {
				return err
			}
		}
		return nil
	})
}

// Params are the run parameters: the views read them through the params view, the
// validation rules read the exercice and the scope.
type Params struct {
	Exercice      int
	JDIMois       int       // JDI window in months; 0 means the default (5)
	DateReference time.Time // JDI reference date; zero means 31/12 of the exercice
	Scope         string    // the scope of the batch an ingest validates (getvariable('perimetre')); "" outside ingest
}

// SetParams sets every run parameter of the connection from p, resetting those p leaves
// empty. Each stage (ingest and validate, compute, publish, the attack and the template)
// calls it at its start with the value it is given, and nothing else sets session
// variables (a test checks both): no stage reads parameters another one left.
func (w *Warehouse) SetParams(ctx context.Context, p Params) error {
	type variable struct {
		name  string
		value any // nil: reset
	}
	vars := []variable{{"exercice", p.Exercice}, {"jdi_mois", nil}, {"date_reference", nil}, {"perimetre", nil}}
	if p.JDIMois > 0 {
		vars[1].value = p.JDIMois
	}
	if !p.DateReference.IsZero() {
		vars[2].value = p.DateReference
	}
	if p.Scope != "" {
		vars[3].value = p.Scope
	}
	for _, v := range vars {
		var err error
		switch x := v.value.(type) {
		case nil:
			_, err = w.conn.ExecContext(ctx, "RESET VARIABLE "+v.name)
			if err != nil && strings.Contains(err.Error(), "not found") { // never set
				err = nil
			}
		case int:
			_, err = w.conn.ExecContext(ctx, fmt.Sprintf("SET VARIABLE %s = %d", v.name, x))
		case time.Time:
			_, err = w.conn.ExecContext(ctx, fmt.Sprintf("SET VARIABLE %s = DATE '%s'", v.name, x.Format("2006-01-02")))
		default:
			_, err = w.conn.ExecContext(ctx, "SET VARIABLE "+v.name+" = ?", x)
		}
		if err != nil {
			return fmt.Errorf("set params: %w", err)
		}
	}
	return nil
}

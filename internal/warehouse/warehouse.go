// Package warehouse opens the DuckDB file that holds every loaded batch and computed
// indicator, creates its schema and views from package sqlfiles, and gives the stages one
// connection on which run parameters are set.
package warehouse

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	duckdb "github.com/duckdb/duckdb-go/v2"

	"bilan/internal/arml"
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

// Open opens (or creates) the warehouse at path; "" opens an in-memory one.
func Open(ctx context.Context, path string) (*Warehouse, error) {
	if path != "" {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return nil, fmt.Errorf("create warehouse folder: %w", err)
		}
	}
	connector, err := duckdb.NewConnector(path, func(execer driver.ExecerContext) error {
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
	if err := w.init(ctx); err != nil {
		w.Close()
		return nil, err
	}
	return w, nil
}

// Close closes the warehouse, or only the connection of a session.
func (w *Warehouse) Close() error {
	if w.session {
		return w.conn.Close()
	}
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

func (w *Warehouse) init(ctx context.Context) error {
	schema, err := sqlfiles.Schema()
	if err != nil {
		return err
	}
	for _, s := range schema {
		if _, err := w.conn.ExecContext(ctx, s); err != nil {
			return fmt.Errorf("create schema: %w", err)
		}
	}
	if err := w.loadShippedReferential(ctx); err != nil {
		return err
	}
	if err := w.loadActions(ctx); err != nil {
		return err
	}
	views, err := sqlfiles.Views()
	if err != nil {
		return err
	}
	inds, err := sqlfiles.Indicators()
	if err != nil {
		return err
	}
	for _, ind := range inds {
		views = append(views, ind.View)
	}
	return w.createViews(ctx, views)
}

// createViews creates every view, retrying those whose dependencies do not exist yet.
func (w *Warehouse) createViews(ctx context.Context, views []View) error {
	pending := views
	for len(pending) > 0 {
		var failed []View
		var lastErr error
		for _, v := range pending {
			if _, err := w.conn.ExecContext(ctx, "CREATE OR REPLACE VIEW "+v.Name+" AS "+v.SQL); err != nil {
				failed = append(failed, v)
				lastErr = fmt.Errorf("create view %s: %w", v.Name, err)
			}
		}
		if len(failed) == len(pending) {
			return lastErr
		}
		pending = failed
	}
	return nil
}

// View is a named SELECT.
type View = sqlfiles.View

// loadActions writes the titles of the PNAE actions, so SQL reads them from one source.
func (w *Warehouse) loadActions(ctx context.Context) error {
	if _, err := w.conn.ExecContext(ctx, "DELETE FROM actions_pnae"); err != nil {
		return err
	}
	return w.Append(ctx, "actions_pnae", func(add func(...any) error) error {
		for i, title := range arml.Actions {
			if err := add(int32(i+1), title); err != nil {
				return err
			}
		}
		return nil
	})
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

// Params are the run parameters every view reads through the params view.
type Params struct {
	Exercice      int
	JDIMois       int       // JDI window in months; 0 means the default (5)
	DateReference time.Time // JDI reference date; zero means 31/12 of the exercice
}

// SetParams sets the run parameters on the warehouse's connection.
func (w *Warehouse) SetParams(ctx context.Context, p Params) error {
	stmts := []string{fmt.Sprintf("SET VARIABLE exercice = %d", p.Exercice)}
	if p.JDIMois > 0 {
		stmts = append(stmts, fmt.Sprintf("SET VARIABLE jdi_mois = %d", p.JDIMois))
	} else {
		stmts = append(stmts, "RESET VARIABLE jdi_mois")
	}
	if !p.DateReference.IsZero() {
		stmts = append(stmts, fmt.Sprintf("SET VARIABLE date_reference = DATE '%s'", p.DateReference.Format("2006-01-02")))
	} else {
		stmts = append(stmts, "RESET VARIABLE date_reference")
	}
	for _, s := range stmts {
		if _, err := w.conn.ExecContext(ctx, s); err != nil && !strings.Contains(err.Error(), "not found") {
			return fmt.Errorf("set params: %w", err)
		}
	}
	return nil
}

// Package compute materialises every indicator of sql/indicators for one exercice at the
// four levels into the warehouse table indicateurs, replacing only that exercice's rows.
package compute

import (
	"context"
	"fmt"
	"strings"

	"bilan/internal/warehouse"
	sqlfiles "bilan/sql"
)

// Run computes every indicator for p.Exercice in one transaction.
func Run(ctx context.Context, w *warehouse.Warehouse, p warehouse.Params) error {
	inds, err := sqlfiles.Indicators()
	if err != nil {
		return err
	}
	if err := w.SetParams(ctx, p); err != nil {
		return err
	}
	conn := w.Conn()
	if _, err := conn.ExecContext(ctx, "BEGIN TRANSACTION"); err != nil {
		return err
	}
	err = func() error {
		if _, err := conn.ExecContext(ctx, "DELETE FROM catalogue"); err != nil {
			return err
		}
		if _, err := conn.ExecContext(ctx, "DELETE FROM valeurs_brutes WHERE exercice = ?", p.Exercice); err != nil {
			return err
		}
		for _, ind := range inds {
			if _, err := conn.ExecContext(ctx, "INSERT INTO catalogue VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
				ind.ID, ind.Title, ind.Definition, ind.Source, ind.Unit, ind.Coverage, ind.Secret, strings.Join(ind.Derive, ",")); err != nil {
				return err
			}
			if _, err := conn.ExecContext(ctx, "INSERT INTO valeurs_brutes BY NAME SELECT ? AS exercice, ? AS indicateur, * FROM "+ind.Name,
				p.Exercice, ind.ID); err != nil {
				return fmt.Errorf("compute %s: %w", ind.ID, err)
			}
		}
		if _, err := conn.ExecContext(ctx, "DELETE FROM indicateurs WHERE exercice = ?", p.Exercice); err != nil {
			return err
		}
		_, err := conn.ExecContext(ctx, "INSERT INTO indicateurs SELECT * FROM indicateurs_complets")
		return err
	}()
	if err != nil {
		conn.ExecContext(ctx, "ROLLBACK")
		return err
	}
	_, err = conn.ExecContext(ctx, "COMMIT")
	return err
}

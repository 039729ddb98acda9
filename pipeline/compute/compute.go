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
			// A family file (id ending in _*) names its ids and titles in its rows.
			ids, values := "SELECT ? AS indicateur, ? AS titre", "SELECT ? AS exercice, ? AS indicateur, * FROM "+ind.Name
			args := []any{ind.ID, ind.Title}
			var family any
			if ind.Family {
				ids, values = "SELECT DISTINCT indicateur, titre FROM "+ind.Name, "SELECT ? AS exercice, * EXCLUDE (titre) FROM "+ind.Name
				args, family = nil, ind.ID+" – "+ind.Title
			}
			if _, err := conn.ExecContext(ctx, "INSERT INTO catalogue BY NAME SELECT indicateur, titre, ? AS definition, ? AS source, "+
				"? AS unite, ? AS couverture, ? AS secret, ? AS derive, ? AS niveaux, ? AS famille FROM ("+ids+")",
				append([]any{ind.Definition, ind.Source, ind.Unit, ind.Coverage, ind.Secret, strings.Join(ind.Derive, ","),
					strings.Join(ind.Levels, ","), family}, args...)...); err != nil {
				return fmt.Errorf("catalogue %s: %w", ind.ID, err)
			}
			valueArgs := []any{p.Exercice, ind.ID}
			if ind.Family {
				valueArgs = valueArgs[:1]
			}
			if _, err := conn.ExecContext(ctx, "INSERT INTO valeurs_brutes BY NAME "+values, valueArgs...); err != nil {
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

package secret

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"bilan/internal/warehouse"
)

// Run decides the masks of exercice p.Exercice from the computed indicators and stores
// them in the warehouse table secret, replacing that exercice's rows.
func Run(ctx context.Context, w *warehouse.Warehouse, p warehouse.Params, threshold int) (map[Cell]string, error) {
	if err := w.SetParams(ctx, p); err != nil {
		return nil, err
	}
	in, err := load(ctx, w.Conn(), p.Exercice, threshold)
	if err != nil {
		return nil, err
	}
	masked, err := Apply(in)
	if err != nil {
		return nil, err
	}
	if _, err := w.Conn().ExecContext(ctx, "DELETE FROM secret WHERE exercice = ?", p.Exercice); err != nil {
		return nil, err
	}
	err = w.Append(ctx, "secret", func(add func(...any) error) error {
		for _, c := range sortedMasked(masked) {
			if err := add(p.Exercice, c.Indicator, c.Level, c.Code, masked[c]); err != nil {
				return err
			}
		}
		return nil
	})
	return masked, err
}

func sortedMasked(m map[Cell]string) []Cell {
	values := make(map[Cell]Value, len(m))
	for c := range m {
		values[c] = Value{}
	}
	return sortedCells(values)
}

func load(ctx context.Context, c *sql.Conn, exercice, threshold int) (Input, error) {
	in := Input{Threshold: threshold, Indicators: map[string]Indicator{}, Values: map[Cell]Value{}}
	rows, err := c.QueryContext(ctx, "SELECT indicateur, coalesce(secret, 'aucun'), coalesce(derive, '') FROM catalogue")
	if err != nil {
		return in, fmt.Errorf("read catalogue: %w", err)
	}
	for rows.Next() {
		var id, class, derive string
		if err := rows.Scan(&id, &class, &derive); err != nil {
			rows.Close()
			return in, err
		}
		ind := Indicator{Class: class}
		for _, d := range strings.Split(derive, ",") {
			if d != "" {
				ind.Derive = append(ind.Derive, d)
			}
		}
		in.Indicators[id] = ind
	}
	rows.Close()
	rows, err = c.QueryContext(ctx, `SELECT indicateur, niveau, code, CAST(valeur AS DOUBLE), numerateur, denominateur
		FROM indicateurs WHERE exercice = ?`, exercice)
	if err != nil {
		return in, fmt.Errorf("read indicators: %w", err)
	}
	for rows.Next() {
		var cell Cell
		var v Value
		if err := rows.Scan(&cell.Indicator, &cell.Level, &cell.Code, &v.V, &v.Num, &v.Den); err != nil {
			rows.Close()
			return in, err
		}
		in.Values[cell] = v
	}
	rows.Close()
	// Additive groups from the territories of the referential.
	rows, err = c.QueryContext(ctx, "SELECT niveau, code, coalesce(region, '') FROM stg_territoires WHERE niveau IN ('ml', 'departement', 'region') ORDER BY niveau, code")
	if err != nil {
		return in, fmt.Errorf("read territories: %w", err)
	}
	byRegion := map[string]map[string][]string{} // region → level → codes
	france := Group{Level: "national", Total: "FR", PartLevel: "region"}
	for rows.Next() {
		var level, code, region string
		if err := rows.Scan(&level, &code, &region); err != nil {
			rows.Close()
			return in, err
		}
		if level == "region" {
			france.Parts = append(france.Parts, code)
			continue
		}
		if byRegion[region] == nil {
			byRegion[region] = map[string][]string{}
		}
		byRegion[region][level] = append(byRegion[region][level], code)
	}
	rows.Close()
	in.Groups = append(in.Groups, france)
	for _, region := range france.Parts {
		for _, level := range []string{"ml", "departement"} {
			in.Groups = append(in.Groups, Group{Level: "region", Total: region, PartLevel: level, Parts: byRegion[region][level]})
		}
	}
	return in, rows.Err()
}

package secret

import (
	"context"
	"database/sql"
	"fmt"

	"bilan/internal/warehouse"
)

// Load reads what Apply needs for the published cells: the computed values of their
// exercices (and of the exercice before each, which changes and evolutions read), what
// other publications printed of those exercices, the breakdowns they print (at every
// level) with the dimensions' modalités, the missions locales of each region and
// département, and the definitions.
func Load(ctx context.Context, c *sql.Conn, published []Cell, threshold int) (Input, error) {
	in := Input{Threshold: threshold, Values: map[Key]Value{}, Published: published,
		Region: map[string]string{}, Departement: map[string]string{}}
	var err error
	if in.Defs, err = Defs(); err != nil {
		return in, err
	}
	lo, hi := 0, 0
	for _, p := range published {
		if lo == 0 || p.Exercice-1 < lo {
			lo = p.Exercice - 1
		}
		hi = max(hi, p.Exercice)
	}
	rows, err := c.QueryContext(ctx, `SELECT exercice, indicateur, niveau, code, CAST(valeur AS DOUBLE),
		CAST(numerateur AS DOUBLE), CAST(denominateur AS DOUBLE)
		FROM indicateurs WHERE exercice BETWEEN ? AND ? AND niveau IN ('ml', 'departement', 'region', 'national')`, lo, hi)
	if err != nil {
		return in, fmt.Errorf("read indicators: %w", err)
	}
	for rows.Next() {
		var k Key
		var v Value
		if err := rows.Scan(&k.Exercice, &k.Indicator, &k.Level, &k.Code, &v.V, &v.Num, &v.Den); err != nil {
			rows.Close()
			return in, err
		}
		if _, known := in.Defs[k.Indicator]; known {
			in.Values[k] = v
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return in, err
	}
	in.Earlier = map[Cell]bool{}
	rows, err = c.QueryContext(ctx, `SELECT exercice, indicateur, niveau, code, evolution, bool_or(statut IS NULL)
		FROM cellules_publiees WHERE publication <> ? AND exercice BETWEEN ? AND ? GROUP BY ALL`, hi, lo, hi)
	if err != nil {
		return in, fmt.Errorf("read earlier publications: %w", err)
	}
	for rows.Next() {
		var x Cell
		var printed bool
		if err := rows.Scan(&x.Exercice, &x.Indicator, &x.Level, &x.Code, &x.Change, &printed); err != nil {
			rows.Close()
			return in, err
		}
		in.Earlier[x] = printed
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return in, fmt.Errorf("read earlier publications: %w", err)
	}
	if err := loadBreakdowns(ctx, c, &in, lo, hi); err != nil {
		return in, err
	}
	rows, err = c.QueryContext(ctx, "SELECT code_structure, code_departement, region FROM stg_referentiel WHERE NOT technique")
	if err != nil {
		return in, fmt.Errorf("read territories: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var ml, dep, region sql.NullString
		if err := rows.Scan(&ml, &dep, &region); err != nil {
			return in, err
		}
		in.Region[ml.String] = region.String
		in.Departement[ml.String] = dep.String
	}
	return in, rows.Err()
}

// Record stores the cells publication p printed with their status, replacing its earlier
// rows: what the next publications must keep consistent with.
func Record(ctx context.Context, w *warehouse.Warehouse, p int, printed []Cell, masked map[Cell]Status) error {
	if _, err := w.Conn().ExecContext(ctx, "DELETE FROM cellules_publiees WHERE publication = ?", p); err != nil {
		return err
	}
	return w.Append(ctx, "cellules_publiees", func(add func(...any) error) error {
		for _, c := range printed {
			var status any
			if st, ok := masked[c]; ok {
				status = string(st)
			}
			if err := add(p, c.Exercice, c.Indicator, c.Level, c.Code, c.Change, status); err != nil {
				return err
			}
		}
		return nil
	})
}

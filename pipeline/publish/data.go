package publish

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"time"

	"bilan/internal/warehouse"
	"bilan/reports"
)

// value is one indicator at one territory, as read from rapport_valeurs.
type value struct {
	title, unit, name, region string
	v, prev, change           *float64
}

type territory struct{ code, name string }

type indicatorDoc struct{ id, title, definition, source, unit string }

type input struct {
	scope, kind, files, hashes string
	read, loaded, rejected     int
}

// data is everything a report needs, read once from the warehouse.
type data struct {
	values        map[[3]string]value // indicateur, niveau, code
	regions       []territory
	catalogue     []indicatorDoc
	inputs        []input
	rejected      [][2]string // rule, count
	jdiMois       int
	dateReference time.Time
}

func load(ctx context.Context, w *warehouse.Warehouse, exercice int) (*data, error) {
	d := &data{values: map[[3]string]value{}}
	c := w.Conn()
	if err := c.QueryRowContext(ctx, "SELECT jdi_mois, date_reference FROM params").Scan(&d.jdiMois, &d.dateReference); err != nil {
		return nil, fmt.Errorf("read params: %w", err)
	}
	err := each(ctx, c, `SELECT indicateur, titre, unite, niveau, code, libelle, coalesce(region, ''),
			CAST(valeur AS DOUBLE), CAST(valeur_precedente AS DOUBLE), CAST(evolution_pct AS DOUBLE) FROM rapport_valeurs`,
		func(rows *sql.Rows) error {
			var ind, niveau, code string
			var v value
			if err := rows.Scan(&ind, &v.title, &v.unit, &niveau, &code, &v.name, &v.region, &v.v, &v.prev, &v.change); err != nil {
				return err
			}
			d.values[[3]string{ind, niveau, code}] = v
			if ind == "RES_ML" && niveau == "region" {
				d.regions = append(d.regions, territory{code, v.name})
			}
			return nil
		})
	if err != nil {
		return nil, fmt.Errorf("read indicators: %w", err)
	}
	sort.Slice(d.regions, func(i, j int) bool { return d.regions[i].code < d.regions[j].code })
	err = each(ctx, c, "SELECT indicateur, titre, definition, source, unite FROM catalogue ORDER BY indicateur", func(rows *sql.Rows) error {
		var x indicatorDoc
		if err := rows.Scan(&x.id, &x.title, &x.definition, &x.source, &x.unit); err != nil {
			return err
		}
		d.catalogue = append(d.catalogue, x)
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = each(ctx, c, `SELECT scope, kind, fichiers, sha256, lignes_lues, lignes_chargees, lignes_rejetees
			FROM batches WHERE exercice = ? ORDER BY scope, kind`, func(rows *sql.Rows) error {
		var x input
		if err := rows.Scan(&x.scope, &x.kind, &x.files, &x.hashes, &x.read, &x.loaded, &x.rejected); err != nil {
			return err
		}
		d.inputs = append(d.inputs, x)
		return nil
	}, exercice)
	if err != nil {
		return nil, err
	}
	err = each(ctx, c, "SELECT regle, CAST(count(*) AS VARCHAR) FROM quarantine WHERE exercice = ? GROUP BY regle ORDER BY regle", func(rows *sql.Rows) error {
		var x [2]string
		if err := rows.Scan(&x[0], &x[1]); err != nil {
			return err
		}
		d.rejected = append(d.rejected, x)
		return nil
	}, exercice)
	return d, err
}

func each(ctx context.Context, c *sql.Conn, q string, fn func(*sql.Rows) error, args ...any) error {
	rows, err := c.QueryContext(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// format is the report format of an indicator unit.
func format(unit string) reports.Format {
	switch unit {
	case "%":
		return reports.Percent
	case "ETP":
		return reports.Decimal1
	case "euros":
		return reports.Euros
	}
	return reports.Count
}

// cell returns an indicator's value at a territory as a report cell.
func (d *data) cell(ind, niveau, code string) reports.Cell {
	v := d.values[[3]string{ind, niveau, code}]
	f := format(v.unit)
	if v.v == nil {
		return reports.NA(f)
	}
	return reports.Num(*v.v, f)
}

func (d *data) keyFigure(ind string) reports.KeyFigure {
	v := d.values[[3]string{ind, "national", "FR"}]
	f := format(v.unit)
	k := reports.KeyFigure{Label: v.title, Value: reports.NA(f), Previous: reports.NA(f), Change: reports.NA(reports.Change)}
	if v.v != nil {
		k.Value = reports.Num(*v.v, f)
	}
	if v.prev != nil {
		k.Previous = reports.Num(*v.prev, f)
	}
	if v.change != nil {
		k.Change = reports.Num(*v.change, reports.Change)
	}
	return k
}

// notes are the definitions printed on the XLSX cover sheet.
func (d *data) notes() []string {
	var out []string
	for _, x := range d.catalogue {
		out = append(out, fmt.Sprintf("%s – %s : %s (source : %s)", x.id, x.title, x.definition, x.source))
	}
	return out
}

package publish

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"
	"time"

	"bilan/internal/warehouse"
	"bilan/pipeline/secret"
	"bilan/reports"
	sqlfiles "bilan/sql"
)

// value is one indicator at one territory, as read from rapport_valeurs.
type value struct {
	name, region            string
	v, prev, change, points *float64 // points: the change of a percentage, in points
}

type territory struct{ code, name string }

type indicatorDoc struct{ id, title, definition, source, unit, secret, family, levels string }

// citation is an application or a provider the ARMLs cite in the digital survey.
type citation struct {
	question, name string
	arml           int
	regions        []string
}

type input struct {
	scope, kind, files, hashes string
	read, loaded, rejected     int
}

type check struct {
	id   string
	sums [4]*float64 // France, Σ regions, Σ départements, Σ missions locales
	ok   bool
}

// breakdownCheck is one line of controles_ventilations: a youth count's breakdowns, whose
// modalités add up to it in every dimension at every territory when ok.
type breakdownCheck struct {
	id, gaps      string // gaps: the dimensions where they do not
	cells, differ int
	ok            bool
}

// dimension is a dimension of the breakdowns with the labels of its modalités, in order.
type dimension struct{ label, modalities string }

// ruleCount is how many rows of a batch's scope one rule rejected.
type ruleCount struct {
	scope, rule string
	count       int
}

// data is everything the reports need, read once from the warehouse.
type data struct {
	values        map[[3]string]value // indicateur, niveau, code
	regions       []territory         // every region of the referential
	mls           map[string][]territory
	docs          map[string]indicatorDoc
	catalogue     []indicatorDoc
	layout        layout // where the reports show each indicator, from the SQL headers
	inputs        []input
	rejected      []ruleCount
	checks        []check
	breakdowns    []breakdownCheck
	dimensions    []dimension
	exercices     []int                          // the exercices computed in the warehouse, up to this one
	history       map[[3]string]map[int]*float64 // indicateur, niveau, code (France, regions) → value by exercice
	modalities    map[string][]string            // dimension → its modalités, in order (ref_modalites)
	citations     []citation
	exercice      int
	cost          secret.Result        // the masks (Masked) and what they cost
	attackSummary string               // what the attacker found in the packs written
	computed      []computation        // the exercices the packs show, and the SQL they were computed with
	printed       map[secret.Cell]bool // when not nil, every cell the reports print is noted here
	threshold     int
	jdiMois       int
	dateReference time.Time
}

func load(ctx context.Context, w *warehouse.Warehouse, exercice, threshold int) (*data, error) {
	d := &data{values: map[[3]string]value{}, mls: map[string][]territory{}, docs: map[string]indicatorDoc{},
		history: map[[3]string]map[int]*float64{}, modalities: map[string][]string{}, threshold: threshold, exercice: exercice}
	inds, err := sqlfiles.Indicators()
	if err != nil {
		return nil, err
	}
	if d.layout, err = newLayout(inds); err != nil {
		return nil, fmt.Errorf("report layout: %w", err)
	}
	c := w.Conn()
	if err := c.QueryRowContext(ctx, "SELECT jdi_mois, date_reference FROM params").Scan(&d.jdiMois, &d.dateReference); err != nil {
		return nil, fmt.Errorf("read params: %w", err)
	}
	queries := []struct {
		q    string
		scan func(*sql.Rows) error
		args []any
	}{
		{`SELECT indicateur, niveau, code, libelle, coalesce(region, ''),
			CAST(valeur AS DOUBLE), CAST(valeur_precedente AS DOUBLE), CAST(evolution_pct AS DOUBLE), CAST(evolution_points AS DOUBLE)
		  FROM rapport_valeurs ORDER BY indicateur, niveau, code`, func(rows *sql.Rows) error {
			var ind, niveau, code string
			var v value
			if err := rows.Scan(&ind, &niveau, &code, &v.name, &v.region, &v.v, &v.prev, &v.change, &v.points); err != nil {
				return err
			}
			d.values[[3]string{ind, niveau, code}] = v
			switch {
			case ind == "RES_ML" && niveau == "region":
				d.regions = append(d.regions, territory{code, v.name})
			case ind == "RES_ML" && niveau == "ml":
				d.mls[v.region] = append(d.mls[v.region], territory{code, v.name})
			}
			return nil
		}, nil},
		{"SELECT indicateur, titre, definition, source, unite, secret, coalesce(famille, ''), niveaux FROM catalogue ORDER BY indicateur", func(rows *sql.Rows) error {
			var x indicatorDoc
			if err := rows.Scan(&x.id, &x.title, &x.definition, &x.source, &x.unit, &x.secret, &x.family, &x.levels); err != nil {
				return err
			}
			d.catalogue = append(d.catalogue, x)
			d.docs[x.id] = x
			return nil
		}, nil},
		{`SELECT scope, kind, fichiers, sha256, lignes_lues, lignes_chargees, lignes_rejetees
		  FROM batches WHERE exercice = ? ORDER BY scope, kind`, func(rows *sql.Rows) error {
			var x input
			if err := rows.Scan(&x.scope, &x.kind, &x.files, &x.hashes, &x.read, &x.loaded, &x.rejected); err != nil {
				return err
			}
			d.inputs = append(d.inputs, x)
			return nil
		}, []any{exercice}},
		{"SELECT scope, regle, count(*) FROM quarantine WHERE exercice = ? GROUP BY scope, regle ORDER BY scope, regle", func(rows *sql.Rows) error {
			var x ruleCount
			if err := rows.Scan(&x.scope, &x.rule, &x.count); err != nil {
				return err
			}
			d.rejected = append(d.rejected, x)
			return nil
		}, []any{exercice}},
		{`SELECT indicateur, CAST(france AS DOUBLE), CAST(regions AS DOUBLE), CAST(departements AS DOUBLE),
			CAST(missions_locales AS DOUBLE), coherent FROM controles_coherence`, func(rows *sql.Rows) error {
			var x check
			if err := rows.Scan(&x.id, &x.sums[0], &x.sums[1], &x.sums[2], &x.sums[3], &x.ok); err != nil {
				return err
			}
			d.checks = append(d.checks, x)
			return nil
		}, nil},
		{"SELECT indicateur, cellules, ecarts, dimensions_en_ecart, coherent FROM controles_ventilations", func(rows *sql.Rows) error {
			var x breakdownCheck
			if err := rows.Scan(&x.id, &x.cells, &x.differ, &x.gaps, &x.ok); err != nil {
				return err
			}
			d.breakdowns = append(d.breakdowns, x)
			return nil
		}, nil},
		{`SELECT libelle_dimension, string_agg(libelle, ', ' ORDER BY rang) FROM ref_modalites
		  GROUP BY rang_dimension, libelle_dimension ORDER BY rang_dimension`, func(rows *sql.Rows) error {
			var x dimension
			if err := rows.Scan(&x.label, &x.modalities); err != nil {
				return err
			}
			d.dimensions = append(d.dimensions, x)
			return nil
		}, nil},
		{"SELECT DISTINCT exercice FROM calculs WHERE exercice <= ? ORDER BY exercice", func(rows *sql.Rows) error {
			var e int
			if err := rows.Scan(&e); err != nil {
				return err
			}
			d.exercices = append(d.exercices, e)
			return nil
		}, []any{exercice}},
		{`SELECT indicateur, niveau, code, exercice, CAST(valeur AS DOUBLE) FROM indicateurs
		  WHERE exercice <= ? AND niveau IN ('national', 'region') ORDER BY indicateur, niveau, code, exercice`, func(rows *sql.Rows) error {
			var k [3]string
			var e int
			var v *float64
			if err := rows.Scan(&k[0], &k[1], &k[2], &e, &v); err != nil {
				return err
			}
			if d.history[k] == nil {
				d.history[k] = map[int]*float64{}
			}
			d.history[k][e] = v
			return nil
		}, []any{exercice}},
		{"SELECT exercice, sql_sha256 FROM calculs WHERE exercice IN (?, ?) ORDER BY exercice", func(rows *sql.Rows) error {
			var x computation
			if err := rows.Scan(&x.Exercice, &x.SQLSHA256); err != nil {
				return err
			}
			x.AJour = x.SQLSHA256 == sqlfiles.Hash()
			d.computed = append(d.computed, x)
			return nil
		}, []any{exercice - 1, exercice}},
		{"SELECT question, nom, nb_arml, array_to_string(regions, ',') FROM stg_arml_citations", func(rows *sql.Rows) error {
			var x citation
			var regions string
			if err := rows.Scan(&x.question, &x.name, &x.arml, &regions); err != nil {
				return err
			}
			x.regions = strings.Split(regions, ",")
			d.citations = append(d.citations, x)
			return nil
		}, nil},
	}
	for _, q := range queries {
		if err := each(ctx, c, q.q, q.scan, q.args...); err != nil {
			return nil, fmt.Errorf("read report data: %w", err)
		}
	}
	if err := d.loadProfiles(ctx, c); err != nil {
		return nil, fmt.Errorf("read the profiles: %w", err)
	}
	sort.Slice(d.regions, func(i, j int) bool { return d.regions[i].code < d.regions[j].code })
	return d, nil
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

// show is a published cell: masked cells carry no number. Every number the packs print
// goes through it, so that the secrecy system sees every published cell.
func (d *data) show(c secret.Cell, v *float64, f reports.Format) reports.Cell {
	if d.printed != nil {
		d.printed[c] = true
	}
	_, masked := d.cost.Masked[c]
	switch {
	case masked:
		return reports.Secret(f)
	case v == nil:
		return reports.NA(f)
	}
	return reports.Num(*v, f)
}

// cell is an indicator of the exercice at a territory.
func (d *data) cell(ind, niveau, code string) reports.Cell {
	return d.show(secret.Cell{Exercice: d.exercice, Indicator: ind, Level: niveau, Code: code},
		d.values[[3]string{ind, niveau, code}].v, reports.UnitFormat(d.docs[ind].unit))
}

// previousCell is an indicator of the exercice before at a territory.
func (d *data) previousCell(ind, niveau, code string) reports.Cell {
	return d.show(secret.Cell{Exercice: d.exercice - 1, Indicator: ind, Level: niveau, Code: code},
		d.values[[3]string{ind, niveau, code}].prev, reports.UnitFormat(d.docs[ind].unit))
}

// changeFormat is how the change of an indicator reads: in points for a percentage, in %
// for the others.
func (d *data) changeFormat(ind string) reports.Format {
	if d.docs[ind].unit == "%" {
		return reports.Points
	}
	return reports.Change
}

// changeCell is the change of an indicator on the exercice before at a territory (both
// computed in SQL, rapport_valeurs): in % (evolution_pct), or in points for a percentage
// (evolution_points).
func (d *data) changeCell(ind, niveau, code string) reports.Cell {
	v := d.values[[3]string{ind, niveau, code}]
	c := secret.Cell{Exercice: d.exercice, Indicator: ind, Level: niveau, Code: code, Change: true}
	if f := d.changeFormat(ind); f == reports.Points {
		return d.show(c, v.points, f)
	}
	return d.show(c, v.change, reports.Change)
}

// hasPrevious tells whether the exercice before this one is computed in the warehouse: the
// tables then show it beside this one.
func (d *data) hasPrevious() bool {
	for _, e := range d.exercices {
		if e == d.exercice-1 {
			return true
		}
	}
	return false
}

// past is an indicator of any exercice at France or a region (the series « Évolution »).
func (d *data) past(e int, ind, niveau, code string) reports.Cell {
	return d.show(secret.Cell{Exercice: e, Indicator: ind, Level: niveau, Code: code},
		d.history[[3]string{ind, niveau, code}][e], reports.UnitFormat(d.docs[ind].unit))
}

func (d *data) keyFigure(ind, niveau, code string) reports.KeyFigure {
	return reports.KeyFigure{Label: d.docs[ind].title, Value: d.cell(ind, niveau, code),
		Previous: d.previousCell(ind, niveau, code), Change: d.changeCell(ind, niveau, code)}
}

func (d *data) regionName(code string) string {
	return d.values[[3]string{"RES_ML", "region", code}].name
}

// covered lists the regions whose extracts or ARML workbook were loaded: those get a
// regional pack.
func (d *data) covered() []territory {
	var out []territory
	for _, r := range d.regions {
		extracts := d.values[[3]string{"JEU_CONTACT", "region", r.code}].v != nil
		workbook := d.values[[3]string{"NUM_REPONDANTS", "region", r.code}].v != nil
		if extracts || workbook {
			out = append(out, r)
		}
	}
	return out
}

// notes are the definitions printed on the Notes sheet of the workbooks.
func (d *data) notes() []string {
	var out []string
	for _, x := range d.catalogue {
		out = append(out, fmt.Sprintf("%s – %s : %s (source : %s)", x.id, x.title, x.definition, x.source))
	}
	return out
}

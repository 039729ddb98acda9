package ingest

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"bilan/internal/warehouse"
	sqlfiles "bilan/sql"
)

// The row rules are SQL (sql/validate): one macro per rule, one SELECT per kind giving
// its staged rows with what the rules read. This file composes them into the statements
// a kind's staging file goes through, all set-based:
//
//	v_stage       the staging CSV: file, line, the kind's non-PII columns as text (ids of
//	              people already pseudonymised by the Go pass)
//	v_doublons    the ids met more than once, with their first occurrence
//	v_statut      every youth pseudonym the rows may point to: kept or rejected
//	v_signalements one pass: every row's issues (its first rejection, its warnings and refusals)
//	v_rejets      the ranks of the rows rejected
//	raw_<kind>    a second pass: the rows without a rejection, typed (ingest only)

// ruleSet is the validation SQL, parsed once.
type ruleSet struct {
	setup  []string
	rules  []sqlfiles.Rule
	rows   map[string]sqlfiles.KindRows
	byCode map[string]*sqlfiles.Rule
}

var loadRules = sync.OnceValues(func() (*ruleSet, error) {
	setup, rules, rows, err := sqlfiles.Validation()
	if err != nil {
		return nil, fmt.Errorf("read the validation SQL: %w", err)
	}
	rs := &ruleSet{setup: setup, rules: rules, rows: rows, byCode: map[string]*sqlfiles.Rule{}}
	for i := range rs.rules {
		rs.byCode[rs.rules[i].Code] = &rs.rules[i]
	}
	for _, k := range Kinds {
		if _, ok := rows[string(k)]; !ok {
			return nil, fmt.Errorf("validate: no lignes_%s.sql", k)
		}
	}
	return rs, nil
})

// sqlRule is the SQL rule of a code, nil for a rule Go checks (file and shape rules).
func sqlRule(code string) *sqlfiles.Rule {
	rs, err := loadRules()
	if err != nil {
		return nil
	}
	return rs.byCode[code]
}

var severities = map[string]Severity{"avertissement": Warning, "rejet": Reject, "refus": Refuse}

// applies tells whether a rule applies to a column of a kind.
func applies(r *sqlfiles.Rule, k Kind, c column) bool {
	for _, rc := range r.Columns {
		if rc == string(k)+"."+c.name {
			return true
		}
	}
	return false
}

// issuesSQL is the SELECT giving, for every row of a kind with an issue, the list of its
// issues as structs (k: order within the row, severite, regle, colonne, valeur, detail).
func (rs *ruleSet) issuesSQL(k Kind, rowColumns map[string]bool) string {
	var reject, others []string
	n := 0
	for _, c := range specs[k].columns {
		if c.pii {
			continue
		}
		var rejections, rest []*sqlfiles.Rule
		for i := range rs.rules {
			r := &rs.rules[i]
			if !applies(r, k, c) {
				continue
			}
			if r.Severity == "rejet" {
				rejections = append(rejections, r)
			} else {
				rest = append(rest, r)
			}
		}
		sortByOrder(rejections)
		for _, r := range append(rejections, rest...) {
			n++
			args := []string{c.name}
			for _, p := range r.Params {
				if rowColumns[c.name+"_"+p] {
					p = c.name + "_" + p
				}
				args = append(args, p)
			}
			cond := "rule_" + r.Code + "(" + strings.Join(args, ", ") + ")"
			if r.Code != RuleRequired && r.Severity != "refus" { // a CASE evaluates the rule only where it applies
				cond = "CASE WHEN " + c.name + " IS NOT NULL THEN " + cond + " ELSE false END"
			}
			value := "NULL"
			valueColumn := c.name
			if r.Value != "" {
				valueColumn = r.Value
			}
			if columnOf(k, valueColumn).quotable && strings.Contains(r.Message, "{valeur}") {
				value = valueColumn
			}
			detail := "[]::VARCHAR[]"
			if len(r.Detail) > 0 {
				var ds []string
				for _, d := range r.Detail {
					ds = append(ds, "CAST("+d+" AS VARCHAR)")
				}
				detail = "[" + strings.Join(ds, ", ") + "]"
			}
			issue := fmt.Sprintf("{'k': %d, 'severite': '%s', 'regle': '%s', 'colonne': '%s', 'valeur': CAST(%s AS VARCHAR), 'detail': %s}",
				n, r.Severity, r.Code, c.name, value, detail)
			if r.Severity == "rejet" {
				reject = append(reject, "WHEN "+cond+" THEN "+issue)
			} else {
				others = append(others, "CASE WHEN "+cond+" THEN "+issue+" END")
			}
		}
	}
	rejet := "NULL"
	if len(reject) > 0 {
		rejet = "CASE\n    " + strings.Join(reject, "\n    ") + "\nEND"
	}
	// Each issue is a column, NULL for most rows: the list is built for the few rows kept.
	names := []string{"rejet"}
	exprs := []string{rejet + " AS rejet"}
	for i, o := range others {
		names = append(names, fmt.Sprintf("i%d", i))
		exprs = append(exprs, o+fmt.Sprintf(" AS i%d", i))
	}
	return "SELECT n, ligne, rang, list_filter([" + strings.Join(names, ", ") + "], x -> x IS NOT NULL) AS s FROM (\n" +
		"SELECT n, ligne, rang,\n    " + strings.Join(exprs, ",\n    ") + "\n" +
		"FROM (\n" + rs.rows[string(k)].SQL + "\n)) WHERE " + strings.Join(names, " IS NOT NULL OR ") + " IS NOT NULL"
}

func sortByOrder(rules []*sqlfiles.Rule) {
	slices.SortStableFunc(rules, func(a, b *sqlfiles.Rule) int { return a.Order - b.Order })
}

// columnOf is a kind's column by name.
func columnOf(k Kind, name string) column {
	for _, c := range specs[k].columns {
		if c.name == name {
			return c
		}
	}
	return column{}
}

// sqlString quotes s as a SQL literal.
func sqlString(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// validation holds what the SQL rules of one call need on the warehouse's connection.
type validation struct {
	w     *warehouse.Warehouse
	rules *ruleSet
	opt   Options
}

func (v *validation) exec(ctx context.Context, stmts ...string) error {
	for _, s := range stmts {
		t0 := time.Now()
		_, err := v.w.Conn().ExecContext(ctx, s)
		warehouse.Trace(t0, s)
		if err != nil {
			first := strings.Fields(s)
			if len(first) > 6 {
				first = first[:6]
			}
			return fmt.Errorf("validate (%s…): %w", strings.Join(first, " "), err)
		}
	}
	return nil
}

// start prepares the connection: the reading macros, the referential
// in force, and the youths of earlier calls when the call brings none. The exercice and
// the scope the rules read are the run parameters Run set.
func (v *validation) start(ctx context.Context, withYouths bool) error {
	// DuckDB estimates a CSV scan at a few dozen rows, so it would build its hash tables on
	// the staged rows (millions) rather than on v_statut: the joins are written with the
	// small table on the right, the side DuckDB builds on when it keeps them as written.
	if err := v.exec(ctx, "SET disabled_optimizers = 'build_side_probe_side'"); err != nil {
		return err
	}
	if err := v.exec(ctx, v.rules.setup...); err != nil {
		return err
	}
	for _, r := range v.rules.rules {
		if err := v.exec(ctx, r.SQL); err != nil {
			return err
		}
	}
	if err := v.exec(ctx,
		"CREATE OR REPLACE TEMP TABLE v_en_vigueur AS SELECT code_structure, region, technique FROM stg_referentiel",
		"CREATE OR REPLACE TEMP TABLE v_structures AS SELECT * FROM v_en_vigueur",
		"CREATE OR REPLACE TEMP TABLE v_jeunes (id VARCHAR, code_structure VARCHAR)",
		"CREATE OR REPLACE TEMP TABLE v_rejetes (id VARCHAR)",
		"CREATE OR REPLACE TEMP TABLE v_fichiers (n INTEGER, nom VARCHAR)",
		"DROP TABLE IF EXISTS v_statut",
	); err != nil {
		return err
	}
	if withYouths {
		return nil
	}
	for _, q := range []string{
		loadedYouths,
		"INSERT INTO v_rejetes SELECT id_jeune FROM jeunes_rejetes WHERE exercice = ? AND scope = ?",
	} {
		if _, err := v.w.Conn().ExecContext(ctx, q, v.opt.Exercice, v.opt.Scope); err != nil {
			return fmt.Errorf("read youths: %w", err)
		}
	}
	return nil
}

// loadedYouths gives v_jeunes the youths raw_jeunes holds for an (exercice, scope): an
// earlier call's, or this call's once loaded.
const loadedYouths = "INSERT INTO v_jeunes SELECT id_jeune, code_structure FROM raw_jeunes WHERE exercice = ? AND scope = ?"

// finish gives the connection back as start found it.
func (v *validation) finish(ctx context.Context) error {
	return v.exec(context.WithoutCancel(ctx), "RESET disabled_optimizers")
}

// check runs a kind's rules over its staging file: the issues go to the files' reports,
// the rows without rejection to raw_<kind> unless the call only validates. badYouths are
// the pseudonyms of youth rows rejected for their shape.
// increasing: the ids were staged in increasing order, so none is a duplicate.
func (v *validation) check(ctx context.Context, k Kind, stage string, reps []*FileReport, staged []int, badYouths []string, increasing bool) error {
	rows := v.rules.rows[string(k)]
	var cols []string
	for _, c := range stagedColumns(k) {
		cols = append(cols, sqlString(c)+": 'VARCHAR'")
	}
	if err := v.exec(ctx, "DELETE FROM v_fichiers",
		"CREATE OR REPLACE TEMP VIEW v_stage AS SELECT *, CAST(n AS BIGINT) * 4294967296 + ligne AS rang FROM read_csv("+sqlString(stage)+
			", delim = ';', quote = '\"', escape = '\"', header = false, auto_detect = false, strict_mode = true, "+
			"columns = {'n': 'INTEGER', 'ligne': 'INTEGER', "+strings.Join(cols, ", ")+"})"); err != nil {
		return err
	}
	for i, r := range reps {
		if _, err := v.w.Conn().ExecContext(ctx, "INSERT INTO v_fichiers VALUES (?, ?)", i, r.Name); err != nil {
			return fmt.Errorf("validate (v_fichiers): %w", err)
		}
	}
	if k == KindEvenements || k == KindMesures {
		// Built once per call from the youths kept and rejected (this call's or earlier).
		if err := v.exec(ctx, "CREATE TEMP TABLE IF NOT EXISTS v_statut AS SELECT id, bool_or(connu) AS connu, bool_or(rejete) AS rejete "+
			"FROM (SELECT id, true AS connu, false AS rejete FROM v_jeunes UNION ALL SELECT id, false, true FROM v_rejetes) GROUP BY id"); err != nil {
			return err
		}
	}
	doublons := "CREATE OR REPLACE TEMP TABLE v_doublons (id VARCHAR, premier_rang BIGINT)"
	if !increasing {
		doublons = "CREATE OR REPLACE TEMP TABLE v_doublons AS SELECT " + rows.ID + " AS id, min(rang) AS premier_rang FROM v_stage WHERE " + rows.ID +
			" IS NOT NULL GROUP BY 1 HAVING count(*) > 1"
	}
	if err := v.exec(ctx, doublons); err != nil {
		return err
	}
	rowColumns, err := v.columns(ctx, rows.SQL)
	if err != nil {
		return err
	}
	if err := v.exec(ctx, "CREATE OR REPLACE TEMP TABLE v_signalements AS "+v.rules.issuesSQL(k, rowColumns)); err != nil {
		return err
	}
	t1 := time.Now()
	rejected, err := v.readIssues(ctx, k, reps)
	warehouse.Trace(t1, "readIssues")
	if err != nil {
		return err
	}
	for i, r := range reps {
		r.Loaded = staged[i] - rejected[i]
	}
	if err := v.exec(ctx, "CREATE OR REPLACE TEMP TABLE v_rejets AS SELECT rang FROM v_signalements WHERE list_contains([x.severite FOR x IN s], 'rejet')"); err != nil {
		return err
	}
	accepted := "SELECT * FROM (" + rows.SQL + ") WHERE rang NOT IN (SELECT rang FROM v_rejets)"
	switch k {
	case KindReferentiel:
		if err := v.exec(ctx, "CREATE OR REPLACE TEMP TABLE v_structures AS SELECT code_structure, structure_region AS region, structure_technique AS technique FROM ("+accepted+")"); err != nil {
			return err
		}
	case KindJeunes:
		if v.opt.DryRun { // (a load reads them from raw_jeunes once written, below: no third pass)
			if err := v.exec(ctx, "INSERT INTO v_jeunes SELECT pseudo_jeune, code_structure FROM ("+accepted+")"); err != nil {
				return err
			}
		}
		if err := v.exec(ctx,
			// A youth whose first row was rejected is rejected: its events and measures are too.
			"INSERT INTO v_rejetes SELECT DISTINCT pseudo_jeune FROM ("+rows.SQL+") WHERE rang = premier_rang AND pseudo_jeune IS NOT NULL "+
				"AND rang IN (SELECT rang FROM v_rejets)"); err != nil {
			return err
		}
		for _, id := range badYouths {
			if _, err := v.w.Conn().ExecContext(ctx, "INSERT INTO v_rejetes VALUES (?)", id); err != nil {
				return fmt.Errorf("validate (v_rejetes): %w", err)
			}
		}
	}
	if v.opt.DryRun {
		return nil
	}
	t0 := time.Now()
	defer warehouse.Trace(t0, "INSERT "+string(k))
	_, err = v.w.Conn().ExecContext(ctx, "INSERT INTO "+specs[k].table+" SELECT ?, ?, f.nom, a.ligne, "+strings.Join(rows.Insert, ", ")+
		" FROM ("+accepted+") a JOIN v_fichiers f ON f.n = a.n", v.opt.Exercice, v.opt.Scope)
	if err != nil {
		return fmt.Errorf("load %s: %w", k, err)
	}
	if k == KindJeunes {
		t1 := time.Now()
		if _, err := v.w.Conn().ExecContext(ctx, loadedYouths, v.opt.Exercice, v.opt.Scope); err != nil {
			return fmt.Errorf("validate (v_jeunes): %w", err)
		}
		warehouse.Trace(t1, "v_jeunes from raw_jeunes")
		if _, err := v.w.Conn().ExecContext(ctx, "DELETE FROM jeunes_rejetes WHERE exercice = ? AND scope = ?", v.opt.Exercice, v.opt.Scope); err != nil {
			return fmt.Errorf("replace jeunes_rejetes: %w", err)
		}
		if _, err := v.w.Conn().ExecContext(ctx, "INSERT INTO jeunes_rejetes SELECT DISTINCT ?, ?, id FROM v_rejetes", v.opt.Exercice, v.opt.Scope); err != nil {
			return fmt.Errorf("load jeunes_rejetes: %w", err)
		}
	}
	return nil
}

// columns are the column names of a SELECT.
func (v *validation) columns(ctx context.Context, query string) (map[string]bool, error) {
	rows, err := v.w.Conn().QueryContext(ctx, "SELECT * FROM ("+query+") LIMIT 0")
	if err != nil {
		return nil, fmt.Errorf("validate: %w", err)
	}
	defer rows.Close()
	names, err := rows.Columns()
	if err != nil {
		return nil, fmt.Errorf("validate: %w", err)
	}
	out := map[string]bool{}
	for _, n := range names {
		out[n] = true
	}
	return out, nil
}

// readIssues adds the issues of v_signalements to the files' reports, in reading order,
// and returns how many rows of each file were rejected.
func (v *validation) readIssues(ctx context.Context, k Kind, reps []*FileReport) ([]int, error) {
	rejected := make([]int, len(reps))
	rows, err := v.w.Conn().QueryContext(ctx, `SELECT n, ligne, x.severite, x.regle, x.colonne, coalesce(x.valeur, ''), x.detail
		FROM (SELECT n, ligne, rang, unnest(s) AS x FROM v_signalements) ORDER BY rang, x.k`)
	if err != nil {
		return nil, fmt.Errorf("read issues: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var n, line int
		var severity, rule, col, value string
		var detail []any
		if err := rows.Scan(&n, &line, &severity, &rule, &col, &value, &detail); err != nil {
			return nil, fmt.Errorf("read issues: %w", err)
		}
		if n < 0 || n >= len(reps) {
			return nil, fmt.Errorf("issue of file %d", n)
		}
		var d Detail
		if len(detail) > 0 {
			values := make([]string, len(detail))
			for i, x := range detail {
				if x != nil {
					values[i] = fmt.Sprint(x)
				}
			}
			d = sqlDetail{Rule: rule, Values: values}
		}
		sev := severities[severity]
		if sev == Reject {
			rejected[n]++
			reps[n].Rejected++
		}
		reps[n].add(Issue{Severity: sev, File: reps[n].Name, Line: line, Column: col, Rule: rule, Value: value, Detail: d})
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read issues: %w", err)
	}
	return rejected, nil
}

// Package ingest reads a batch of I-milo extracts and ARML workbooks, applies the row and
// file rules of extracts.md, drops PII columns, pseudonymises ids and loads the accepted
// rows into the warehouse in one transaction: every file of the call or none. Validation
// is the same code run without the load, so `validate` and `ingest` never disagree.
package ingest

import (
	"bufio"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"

	"bilan/internal/arml"
	"bilan/internal/pseudo"
	"bilan/internal/warehouse"
	sqlfiles "bilan/sql"
)

// Options describe one ingest call.
type Options struct {
	Exercice     int
	Scope        string // "national" or a region code
	Files        []string
	Names        []string // names the files were sent under (else their base names): kinds and reports use them
	Key          []byte   // pseudonymisation key
	RefusalShare float64  // share of rejected rows above which a file is refused; 0 = 2 %
	DryRun       bool     // validate only: nothing is written
	// InTransaction: the caller holds a transaction around several calls (pipeline.Run
	// loads all its batches in one); Run then neither begins, commits nor rolls back.
	InTransaction bool
	Progress      func(file string, rows int, done bool) // called every progressEvery rows; may be nil
	// Limits of a CSV file: its longest line (a longer one refuses the file) and longest
	// field (a longer one rejects its row), in bytes; 0 = textio.MaxLine and MaxField.
	MaxLine, MaxField int
}

// MaxField is the longest field of a CSV row accepted by default.
const MaxField = 16 << 10

// progressEvery is how often, in rows, Progress is called.
const progressEvery = 250_000

// Result is the validation report of a call.
type Result struct {
	Scope   string // the call's scope ("national" or a region code)
	Files   []*FileReport
	Refused bool
}

// ErrRefused is returned (wrapped) when a file of the call is refused.
var ErrRefused = errors.New("batch refused")

// Run validates the files of a call and, unless DryRun or a file is refused, loads them.
func Run(ctx context.Context, w *warehouse.Warehouse, opt Options) (*Result, error) {
	if opt.RefusalShare == 0 {
		opt.RefusalShare = 0.02
	}
	sweepStale(os.TempDir(), time.Now())
	res := &Result{Scope: opt.Scope}
	defer func() { // the spilled issues served the quarantine only
		for _, f := range res.Files {
			f.release()
		}
	}()
	byKind := map[Kind][]string{}
	names := map[string]string{}
	for i, p := range opt.Files {
		names[p] = baseName(p)
		if i < len(opt.Names) {
			names[p] = opt.Names[i]
		}
	}
	name := func(p string) string { return names[p] }
	for _, p := range opt.Files {
		k := KindOf(name(p))
		if k == "" {
			rep := &FileReport{Path: p, Name: name(p)}
			rep.add(Issue{Severity: Refuse, File: rep.Name, Rule: RuleUnknownFile})
			res.Files = append(res.Files, rep)
			continue
		}
		byKind[k] = append(byKind[k], p)
	}
	for _, files := range byKind {
		sort.Strings(files)
	}
	if err := w.SetParams(ctx, warehouse.Params{Exercice: opt.Exercice, Scope: opt.Scope}); err != nil {
		return nil, fmt.Errorf("set parameters: %w", err)
	}
	c := &checker{exercice: opt.Exercice, scope: opt.Scope, structures: map[string]structure{}, inForce: map[string]structure{}}
	if err := loadStructures(ctx, w, c.inForce); err != nil {
		return nil, err
	}
	if len(byKind[KindReferentiel]) == 0 {
		c.structures = c.inForce
	}
	rules, err := loadRules()
	if err != nil {
		return nil, err
	}
	v := &validation{w: w, rules: rules, opt: opt}
	if err := v.start(ctx, len(byKind[KindJeunes]) > 0); err != nil {
		return nil, err
	}
	defer v.finish(ctx)
	c.validation = v
	// The rows go straight into their tables inside one transaction, committed only when
	// no file is refused: a refusal or a crash leaves the warehouse as it was.
	if !opt.DryRun && !opt.InTransaction {
		if err := exec(ctx, w, "BEGIN TRANSACTION"); err != nil {
			return nil, err
		}
		committed := false
		defer func() {
			if !committed {
				exec(context.WithoutCancel(ctx), w, "ROLLBACK")
			}
		}()
		res, err := load(ctx, w, c, byKind, name, opt, res)
		if err == nil {
			t0 := time.Now()
			err = exec(ctx, w, "COMMIT")
			committed = err == nil
			warehouse.Trace(t0, "COMMIT")
		}
		return res, err
	}
	return load(ctx, w, c, byKind, name, opt, res)
}

// load reads every file of the call and, unless DryRun, writes its rows, issues and
// batch records; it returns ErrRefused when a file is refused.
func load(ctx context.Context, w *warehouse.Warehouse, c *checker, byKind map[Kind][]string, name func(string) string,
	opt Options, res *Result) (*Result, error) {
	// Every kind's files are staged at once, each kind in its goroutine (the Go pass is
	// one core's work per file); each kind's SQL starts when its staging is done, while
	// the next kinds are still being staged.
	var loaded []Kind
	staging := map[Kind]chan *stagedKind{}
	for _, k := range Kinds {
		if len(byKind[k]) == 0 {
			continue
		}
		loaded = append(loaded, k)
		ch := make(chan *stagedKind, 1)
		staging[k] = ch
		go func(k Kind) { ch <- stageKind(ctx, k, byKind[k], name, opt, c.validation.rules.rows[string(k)]) }(k)
	}
	defer func() { // a kind not read (an error came first) still has its staging file
		for _, ch := range staging {
			if sk := <-ch; sk.path != "" {
				os.Remove(sk.path)
			}
		}
	}()
	// The workbooks are read beside the kinds' SQL, as soon as the referential they are
	// checked against is known: the one in force, or the call's once read.
	type read struct {
		workbooks []*workbook
		reps      []*FileReport
	}
	books := make(chan read, 1)
	startBooks := sync.OnceFunc(func() {
		go func() {
			t0 := time.Now()
			wbs, reps := readWorkbooks(c, byKind[KindWorkbook], name)
			warehouse.Trace(t0, "read workbooks")
			books <- read{wbs, reps}
		}()
	})
	if len(byKind[KindReferentiel]) == 0 {
		startBooks()
	}
	for _, k := range loaded {
		sk := <-staging[k]
		delete(staging, k)
		res.Files = append(res.Files, sk.reps...)
		err := readKind(ctx, w, c, sk, opt)
		if sk.path != "" {
			os.Remove(sk.path)
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", k, err)
		}
		if k == KindReferentiel {
			startBooks()
		}
	}
	startBooks()
	book := <-books
	workbooks := book.workbooks
	res.Files = append(res.Files, book.reps...)
	if len(byKind[KindJeunes]) > 0 {
		t0 := time.Now()
		if err := warnYearChange(ctx, w, c, res); err != nil {
			return nil, err
		}
		warehouse.Trace(t0, "warnYearChange")
	}
	for _, f := range res.Files {
		res.Refused = res.Refused || f.Refused
	}
	if res.Refused {
		return res, ErrRefused
	}
	if opt.DryRun {
		return res, nil
	}
	t0 := time.Now()
	if err := appendWorkbooks(ctx, w, opt, workbooks); err != nil {
		return nil, err
	}
	warehouse.Trace(t0, "append workbooks")
	defer warehouse.Trace(time.Now(), "record")
	return res, record(ctx, w, opt, loaded, res)
}

// stagedKind is the Go pass over a kind's files: their reports, and the staging CSV
// (path) that DuckDB reads.
type stagedKind struct {
	kind       Kind
	path       string
	reps       []*FileReport
	staged     []int    // rows staged per file
	badYouths  []string // pseudonyms of youth rows rejected for their shape
	increasing bool     // ids staged in increasing order: no duplicate
	err        error
}

// progressMu serialises the Progress calls of the kinds staged side by side.
var progressMu sync.Mutex

// stageKind runs the Go pass over the files of a kind into one staging CSV.
// A cancelled ctx stops it within progressEvery rows.
func stageKind(ctx context.Context, k Kind, files []string, name func(string) string, opt Options, rows sqlfiles.KindRows) *stagedKind {
	sk := &stagedKind{kind: k}
	for _, path := range files {
		sk.reps = append(sk.reps, &FileReport{Path: path, Name: name(path), Kind: k, CountOnly: opt.DryRun})
	}
	tmp, err := os.CreateTemp("", stagingPattern(k))
	if err != nil {
		sk.err = err
		return sk
	}
	defer tmp.Close()
	sk.path = tmp.Name()
	st := newStager(bufio.NewWriterSize(tmp, 1<<20), k, rows.ID, rows.IDs, opt.Key)
	p := pseudo.New(opt.Key)
	progress := func(rep *FileReport, rows int, done bool) {
		if opt.Progress != nil {
			progressMu.Lock()
			opt.Progress(rep.Name, rows, done)
			progressMu.Unlock()
		}
	}
	for i, rep := range sk.reps {
		err := stageCSV(rep.Path, i, rep, limits{opt.MaxLine, opt.MaxField}, st, func(rows int) error {
			progress(rep, rows, false)
			return ctx.Err()
		}, func(r *row) {
			if k == KindJeunes { // its events and measures follow it (jeune_rejete)
				if id := r.get("id_jeune"); id != "" {
					sk.badYouths = append(sk.badYouths, p.ID(id))
				}
			}
		})
		if err != nil {
			sk.err = err
			return sk
		}
		sk.staged = append(sk.staged, rep.Read-rep.Rejected)
		progress(rep, rep.Read, true)
	}
	sk.increasing = st.increasing
	sk.err = st.out.Flush()
	return sk
}

// readKind runs a kind's SQL rules over its staging file and, unless the call only
// validates, loads its rows without rejection in place of the (exercice, scope)'s.
func readKind(ctx context.Context, w *warehouse.Warehouse, c *checker, sk *stagedKind, opt Options) error {
	if sk.err != nil {
		return sk.err
	}
	for _, rep := range sk.reps {
		if rep.Refused { // nothing of a refused file is checked further
			return nil
		}
	}
	k := sk.kind
	if !opt.DryRun {
		if _, err := w.Conn().ExecContext(ctx, "DELETE FROM "+specs[k].table+" WHERE exercice = ? AND scope = ?", opt.Exercice, opt.Scope); err != nil {
			return fmt.Errorf("replace %s: %w", specs[k].table, err)
		}
	}
	warehouse.Trace(time.Now(), "staged "+string(k))
	if err := c.validation.check(ctx, k, sk.path, sk.reps, sk.staged, sk.badYouths, sk.increasing); err != nil {
		return err
	}
	for _, rep := range sk.reps {
		refuseOverThreshold(rep, opt.RefusalShare)
	}
	switch k {
	case KindReferentiel:
		return loadStructuresFrom(ctx, w, "v_structures", c.structures)
	case KindJeunes:
		return countYouths(ctx, w, c)
	}
	return nil
}

// readWorkbooks reads every ARML workbook of the call, one per core, and checks that no
// region has two; it returns the workbooks accepted and every file's report.
func readWorkbooks(c *checker, files []string, name func(string) string) ([]*workbook, []*FileReport) {
	reps := make([]*FileReport, len(files))
	read := make([]*workbook, len(files))
	var g errgroup.Group
	g.SetLimit(runtime.NumCPU())
	for i, p := range files {
		reps[i] = &FileReport{Path: p, Name: name(p), Kind: KindWorkbook}
		g.Go(func() error {
			read[i] = c.readWorkbook(p, reps[i])
			return nil
		})
	}
	g.Wait()
	var out []*workbook
	seen := map[string]string{}
	for i, wb := range read {
		rep := reps[i]
		switch {
		case wb == nil:
		case seen[wb.region] != "":
			rep.add(Issue{Severity: Refuse, File: rep.Name, Detail: twoWorkbooks{Region: wb.region, First: seen[wb.region]}})
		default:
			seen[wb.region] = rep.Name
			rep.Scope = wb.region
			out = append(out, wb)
		}
	}
	return out, reps
}

// workbookTable is the raw table of a workbook sheet.
func workbookTable(sheet string) string { return "raw_arml_" + sheet }

// appendWorkbooks replaces the data of each accepted workbook's (exercice, region) with
// its rows.
func appendWorkbooks(ctx context.Context, w *warehouse.Warehouse, opt Options, wbs []*workbook) error {
	for _, sh := range arml.Sheets {
		table := workbookTable(sh.Name)
		for _, wb := range wbs {
			if _, err := w.Conn().ExecContext(ctx, "DELETE FROM "+table+" WHERE exercice = ? AND scope = ?", opt.Exercice, wb.region); err != nil {
				return fmt.Errorf("replace %s: %w", table, err)
			}
		}
		err := w.Append(ctx, table, func(add func(...any) error) error {
			for _, wb := range wbs {
				for _, values := range wb.rows[sh.Name] {
					if err := add(append([]any{opt.Exercice, wb.region, wb.file}, values...)...); err != nil {
						return fmt.Errorf("%s, feuille %s: %w", wb.file, sh.Name, err)
					}
				}
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("load %s: %w", table, err)
		}
	}
	return nil
}

// refuseOverThreshold refuses a file when strictly more than share of its rows were
// rejected for their own faults (jeune_rejete rows do not count).
func refuseOverThreshold(rep *FileReport, share float64) {
	own := 0
	for _, g := range rep.ByRule() {
		if g.Severity == Reject && g.Rule != RuleRejectedYouth {
			own += g.Count
		}
	}
	if rep.Read > 0 && float64(own) > share*float64(rep.Read) {
		rep.add(Issue{Severity: Refuse, File: rep.Name, Detail: tooManyRejected{Rejected: own, Read: rep.Read, Threshold: share}})
	}
}

// unit is one (exercice, scope, kind) the call replaces, with its files.
type unit struct {
	kind  Kind
	scope string
	files []*FileReport
}

// record writes, inside the call's transaction, the issues (rejected rows to quarantine,
// warnings apart) and the batch record of every (exercice, scope, kind) the call brings,
// and of (exercice, region, classeur) for every workbook, replacing the previous ones.
func record(ctx context.Context, w *warehouse.Warehouse, opt Options, kinds []Kind, res *Result) error {
	var units []unit
	for _, k := range kinds {
		u := unit{kind: k, scope: opt.Scope}
		for _, f := range res.Files {
			if f.Kind == k {
				u.files = append(u.files, f)
			}
		}
		units = append(units, u)
	}
	for _, f := range res.Files {
		if f.Kind == KindWorkbook && f.Scope != "" {
			units = append(units, unit{kind: KindWorkbook, scope: f.Scope, files: []*FileReport{f}})
		}
	}
	tx := w.Conn()
	for _, u := range units {
		var names, hashes []string
		read, loaded, rejected := 0, 0, 0
		for _, f := range u.files {
			names, hashes = append(names, f.Name), append(hashes, f.SHA256)
			read, loaded, rejected = read+f.Read, loaded+f.Loaded, rejected+f.Rejected
		}
		k := string(u.kind)
		var seq int
		if err := tx.QueryRowContext(ctx, `SELECT coalesce(
				(SELECT seq FROM batches WHERE exercice = ? AND scope = ? AND kind = ? AND sha256 = ?),
				(SELECT coalesce(max(seq), 0) + 1 FROM batches))`,
			opt.Exercice, u.scope, k, strings.Join(hashes, "|")).Scan(&seq); err != nil {
			return fmt.Errorf("number the batch of %s: %w", k, err)
		}
		for _, s := range []struct {
			sql  string
			args []any
		}{
			{"DELETE FROM quarantine WHERE exercice = ? AND scope = ? AND kind = ?", []any{opt.Exercice, u.scope, k}},
			{"DELETE FROM warnings WHERE exercice = ? AND scope = ? AND kind = ?", []any{opt.Exercice, u.scope, k}},
			{"DELETE FROM batches WHERE exercice = ? AND scope = ? AND kind = ?", []any{opt.Exercice, u.scope, k}},
			{"INSERT INTO batches VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", []any{opt.Exercice, u.scope, k, seq,
				strings.Join(names, "|"), strings.Join(hashes, "|"), read, loaded, rejected}},
		} {
			if _, err := tx.ExecContext(ctx, s.sql, s.args...); err != nil {
				return fmt.Errorf("load %s: %w", k, err)
			}
		}
	}
	for table, severity := range map[string]Severity{"quarantine": Reject, "warnings": Warning} {
		err := w.Append(ctx, table, func(add func(...any) error) error {
			for _, u := range units {
				for _, f := range u.files {
					err := f.Each(func(i Issue) error {
						if i.Severity != severity {
							return nil
						}
						return add(opt.Exercice, u.scope, string(f.Kind), i.File, i.Line, i.Column, i.Rule, i.Message())
					})
					if err != nil {
						return err
					}
				}
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("write %s: %w", table, err)
		}
	}
	return nil
}

func exec(ctx context.Context, w *warehouse.Warehouse, stmt string) error {
	if _, err := w.Conn().ExecContext(ctx, stmt); err != nil {
		return fmt.Errorf("%s: %w", strings.Fields(stmt)[0], err)
	}
	return nil
}

func loadStructures(ctx context.Context, w *warehouse.Warehouse, into map[string]structure) error {
	return loadStructuresFrom(ctx, w, "stg_referentiel", into)
}

// loadStructuresFrom reads a referential (stg_referentiel, or v_structures: the call's)
// into a map, for the workbooks' checks.
func loadStructuresFrom(ctx context.Context, w *warehouse.Warehouse, table string, into map[string]structure) error {
	rows, err := w.Conn().QueryContext(ctx, "SELECT code_structure, coalesce(region, ''), technique FROM "+table)
	if err != nil {
		return fmt.Errorf("read referential: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var code string
		var s structure
		if err := rows.Scan(&code, &s.region, &s.technical); err != nil {
			return fmt.Errorf("read referential: %w", err)
		}
		into[code] = s
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read referential: %w", err)
	}
	return nil
}

// countYouths counts the call's kept youths per structure, for the year-over-year warning.
func countYouths(ctx context.Context, w *warehouse.Warehouse, c *checker) error {
	rows, err := w.Conn().QueryContext(ctx, "SELECT code_structure, count(*) FROM v_jeunes GROUP BY 1")
	if err != nil {
		return fmt.Errorf("count youths: %w", err)
	}
	defer rows.Close()
	c.perStructure = map[string]int{}
	for rows.Next() {
		var code string
		var n int
		if err := rows.Scan(&code, &n); err != nil {
			return fmt.Errorf("count youths: %w", err)
		}
		c.perStructure[code] = n
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("count youths: %w", err)
	}
	return nil
}

// warnYearChange warns about every structure whose youths changed by more than 30 % on
// the previous exercice kept in the warehouse (extracts.md §5).
func warnYearChange(ctx context.Context, w *warehouse.Warehouse, c *checker, res *Result) error {
	// Like with like: the previous exercice's youths of the same scope (its national batch
	// when the region sent none), structure by structure, those of the call's region only.
	var scope string
	err := w.Conn().QueryRowContext(ctx, `SELECT scope FROM batches WHERE exercice = ? AND kind = 'jeunes' AND scope IN (?, 'national')
		ORDER BY scope = 'national' LIMIT 1`, c.exercice-1, c.scope).Scan(&scope)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("read previous exercice: %w", err)
	}
	rows, err := w.Conn().QueryContext(ctx,
		"SELECT code_structure, count(DISTINCT id_jeune) FROM raw_jeunes WHERE exercice = ? AND scope = ? GROUP BY code_structure ORDER BY code_structure",
		c.exercice-1, scope)
	if err != nil {
		return fmt.Errorf("read previous exercice: %w", err)
	}
	defer rows.Close()
	var rep *FileReport
	for _, f := range res.Files {
		if f.Kind == KindJeunes && rep == nil {
			rep = f
		}
	}
	for rows.Next() {
		var code string
		var prev int
		if err := rows.Scan(&code, &prev); err != nil {
			return fmt.Errorf("read previous exercice: %w", err)
		}
		if s, ok := c.inForce[code]; c.scope != "national" && (!ok || s.region != c.scope) {
			continue
		}
		cur := c.perStructure[code] // 0 for a structure the call forgot
		if prev == 0 || 10*abs(cur-prev) <= 3*prev {
			continue
		}
		rep.add(Issue{Severity: Warning, File: rep.Name, Column: "code_structure", Value: code,
			Detail: yearChange{Current: cur, Previous: prev, Exercice: c.exercice - 1}})
	}
	return rows.Err()
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

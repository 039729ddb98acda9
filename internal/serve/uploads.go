package serve

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/crypto/bcrypt"

	"bilan/pipeline/ingest"
)

// checkPassword compares in the same time whether the account exists or not.
func (s *Server) checkPassword(a *Account, password string) bool {
	if a == nil {
		bcrypt.CompareHashAndPassword(s.dummy, []byte(password))
		return false
	}
	return bcrypt.CompareHashAndPassword(a.hash, []byte(password)) == nil
}

// stored is one file of an upload.
type stored struct {
	name   string // as the client named it, cleaned: shown, and tells the kind of file; never a path
	path   string // where it was received (the upload's own scratch folder)
	sha256 string
	bytes  int64
}

// cleanName keeps the base name the client gave, without control or format characters
// (bidirectional overrides such as U+202E would show « mesures‮gpj.csv » as
// « mesuresvsc.jpg »), at most 120 characters: it is displayed and tells the kind of
// file, and is never used as a path.
func cleanName(name string) string {
	name = strings.ReplaceAll(name, "\\", "/")
	name = name[strings.LastIndex(name, "/")+1:]
	name = strings.Map(func(r rune) rune {
		if unicode.In(r, unicode.Cc, unicode.Cf) || r == utf8.RuneError {
			return -1
		}
		return r
	}, name)
	if r := []rune(name); len(r) > 120 {
		name = string(r[:120])
	}
	if name == "" || name == "." || name == ".." {
		name = unnamedFile
	}
	return name
}

// receive streams a file into the upload's scratch folder, hashing it.
func receive(dir string, r io.Reader) (string, string, int64, error) {
	f, err := os.CreateTemp(dir, "fichier-*")
	if err != nil {
		return "", "", 0, err
	}
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(f, h), r)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return f.Name(), hex.EncodeToString(h.Sum(nil)), n, err
}

// tmpDir and objectsDir are the scratch folders (one per upload, emptied at start-up)
// and the raw files kept for the retention period, under their SHA-256.
func (s *Server) tmpDir() string     { return filepath.Join(s.cfg.Dir, "tmp") }
func (s *Server) objectsDir() string { return filepath.Join(s.cfg.Dir, "objets") }

// cleanUp runs at start-up: scratch folders a crash left behind go, and so do the raw
// files no upload of the retention period references.
func (s *Server) cleanUp(ctx context.Context) error {
	if err := os.RemoveAll(s.tmpDir()); err != nil {
		return err
	}
	for _, d := range []string{s.tmpDir(), s.objectsDir()} {
		if err := os.MkdirAll(d, 0o700); err != nil {
			return err
		}
	}
	if err := s.purge(ctx, s.cfg.Warehouse.Conn()); err != nil {
		return fmt.Errorf("purge: %w", err)
	}
	return nil
}

// purge removes the raw files whose last upload is older than the retention period (all
// of them when it is 0): only their SHA-256 and the reports stay.
func (s *Server) purge(ctx context.Context, conn *sql.Conn) error {
	keep := map[string]bool{}
	if s.cfg.Retention > 0 {
		rows, err := conn.QueryContext(ctx, `SELECT DISTINCT f.sha256 FROM depots d JOIN depots_fichiers f USING (depot)
			WHERE d.recu >= ?`, time.Now().UTC().Add(-s.cfg.Retention))
		if err != nil {
			return fmt.Errorf("raw files to keep: %w", err)
		}
		for rows.Next() {
			var sum string
			if err := rows.Scan(&sum); err != nil {
				rows.Close()
				return fmt.Errorf("raw files to keep: %w", err)
			}
			keep[sum] = true
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("raw files to keep: %w", err)
		}
	}
	entries, err := os.ReadDir(s.objectsDir())
	if err != nil {
		return err
	}
	for _, e := range entries {
		if !keep[e.Name()] {
			if err := os.RemoveAll(filepath.Join(s.objectsDir(), e.Name())); err != nil {
				return err
			}
		}
	}
	return nil
}

// fileView is a file of the validation report as the pages show it: the same figures and
// French messages as the CLI's report.
type fileView struct {
	Name, Detail           string
	Refused                bool
	Read, Loaded, Rejected int
	Groups                 []groupView
}

type groupView struct {
	Severity, Rule string
	Count          int
	Messages       []string
	More           int
}

func views(res *ingest.Result) []fileView {
	var out []fileView
	for _, f := range res.Files {
		v := fileView{Name: f.Name, Detail: f.Detail, Refused: f.Refused, Read: f.Read, Loaded: f.Loaded, Rejected: f.Rejected}
		for _, g := range f.ByRule() {
			gv := groupView{Severity: g.Severity.Label(), Rule: g.Rule, Count: g.Count, More: max(0, g.Count-ingest.FirstLines)}
			for i, issue := range g.Issues {
				if i == ingest.FirstLines {
					break
				}
				gv.Messages = append(gv.Messages, issue.Message())
			}
			v.Groups = append(v.Groups, gv)
		}
		out = append(out, v)
	}
	return out
}

// upload receives the files of one sending (multipart, streamed to disk), validates and
// loads them with the same code as the CLI (all or nothing), records the upload and
// shows its report.
func (s *Server) upload(w http.ResponseWriter, r *http.Request) {
	ss, reg, ok := s.regionAccess(w, r)
	if !ok {
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxBytes)
	mr, err := r.MultipartReader()
	if err != nil {
		s.fail(w, ss, http.StatusBadRequest, msgUnreadableUpload)
		return
	}
	scratch, err := os.MkdirTemp(s.tmpDir(), "depot-*")
	if err != nil {
		s.internal(w, r, ss, fmt.Errorf("scratch folder of an upload: %w", err), "region", reg.Code)
		return
	}
	defer os.RemoveAll(scratch)
	var files []stored
	year, csrf := 0, false
	tooLarge := func() {
		s.fail(w, ss, http.StatusRequestEntityTooLarge, msgTooLarge(s.cfg.MaxBytes))
	}
	// The form is checked before any file is kept: the token, then the exercice, come
	// first; files go to the upload's own scratch folder, gone when the request ends.
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			tooLarge()
			return
		}
		if err != nil {
			s.fail(w, ss, http.StatusBadRequest, msgBrokenUpload)
			return
		}
		switch part.FormName() {
		case "csrf":
			b, _ := io.ReadAll(io.LimitReader(part, 200))
			csrf = ss.validCSRF(string(b))
		case "exercice":
			b, _ := io.ReadAll(io.LimitReader(part, 10))
			if year, err = exercice(string(b)); err != nil {
				s.fail(w, ss, http.StatusBadRequest, msgBadExercice)
				return
			}
		case "fichiers":
			switch {
			case !csrf:
				s.fail(w, ss, http.StatusForbidden, msgFormExpired)
				return
			case year == 0:
				s.fail(w, ss, http.StatusBadRequest, msgExerciceFirst)
				return
			case part.FileName() == "":
				continue
			case len(files) == s.cfg.MaxFiles:
				s.fail(w, ss, http.StatusRequestEntityTooLarge, msgTooManyFiles(s.cfg.MaxFiles))
				return
			}
			p, sum, n, err := receive(scratch, part)
			if errors.As(err, &mbe) {
				tooLarge()
				return
			}
			if err != nil {
				s.fail(w, ss, http.StatusBadRequest, msgInterrupted)
				return
			}
			files = append(files, stored{name: cleanName(part.FileName()), path: p, sha256: sum, bytes: n})
		}
	}
	switch {
	case !csrf:
		s.fail(w, ss, http.StatusForbidden, msgFormExpired)
		return
	case year == 0:
		s.fail(w, ss, http.StatusBadRequest, msgChooseExercice)
		return
	case len(files) == 0:
		s.fail(w, ss, http.StatusBadRequest, msgNoFile)
		return
	}
	id, err := s.ingest(r.Context(), ss.account, reg.Code, year, files)
	if err != nil {
		s.log.Error("upload failed", "event", "upload_failed", "account", ss.account.ID, "region", reg.Code, "exercice", year, "err", err)
		s.fail(w, ss, http.StatusInternalServerError, msgUploadFailed)
		return
	}
	http.Redirect(w, r, fmt.Sprintf("/region/%s/depots/%d", reg.Code, id), http.StatusSeeOther)
}

// ingest validates and loads the files of an upload in one call and records it, in one
// transaction: the rows of an accepted upload and its history row are committed together
// or not at all. A refused upload loads nothing; only its history row is committed.
func (s *Server) ingest(ctx context.Context, a *Account, code string, year int, files []stored) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	conn := s.cfg.Warehouse.Conn()
	var id int
	if err := conn.QueryRowContext(ctx, "SELECT coalesce(max(depot), 0) + 1 FROM depots").Scan(&id); err != nil {
		return 0, fmt.Errorf("next upload number: %w", err)
	}
	// Each file is read from where it was received, so two identical files of one sending
	// stay two files, named as the client named them.
	opt := ingest.Options{Exercice: year, Scope: code, Key: s.cfg.Key, RefusalShare: s.cfg.RefusalShare, InTransaction: true}
	for _, f := range files {
		opt.Files, opt.Names = append(opt.Files, f.path), append(opt.Names, f.name)
	}
	status := "charge"
	err := s.transaction(ctx, conn, func(tx *transaction) error {
		res, err := ingest.Run(ctx, s.cfg.Warehouse, opt)
		switch {
		case errors.Is(err, ingest.ErrRefused):
			status = "refuse"
			if err := tx.restart(); err != nil { // what the refused call wrote goes
				return err
			}
		case err != nil:
			return fmt.Errorf("ingest upload %d: %w", id, err)
		}
		if err := s.record(ctx, conn, id, a, code, year, status, res, files); err != nil {
			return fmt.Errorf("record upload %d: %w", id, err)
		}
		return s.keep(files, tx)
	})
	if err != nil {
		return 0, err
	}
	s.log.Info("upload recorded", "event", "upload", "depot", id, "account", a.ID, "region", code, "exercice", year,
		"status", status, "files", len(files))
	if err := s.purge(ctx, conn); err != nil { // the upload stands: the next start purges again
		s.log.Error("raw files not purged", "event", "purge_failed", "err", err)
	}
	return id, nil
}

// record writes an upload's history row and its files' rows.
func (s *Server) record(ctx context.Context, conn *sql.Conn, id int, a *Account, code string, year int, status string,
	res *ingest.Result, files []stored) error {
	report, err := json.Marshal(views(res))
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	if _, err := conn.ExecContext(ctx, "INSERT INTO depots VALUES (?, ?, ?, ?, ?, ?, ?)",
		id, year, code, a.ID, time.Now().UTC(), status, string(report)); err != nil {
		return fmt.Errorf("insert into depots: %w", err)
	}
	for _, f := range files {
		if _, err := conn.ExecContext(ctx, "INSERT INTO depots_fichiers VALUES (?, ?, ?, ?)", id, f.name, f.sha256, f.bytes); err != nil {
			return fmt.Errorf("insert into depots_fichiers: %w", err)
		}
	}
	return nil
}

// keep links the raw files of an upload under their SHA-256 for the retention period;
// the links made go again if the transaction is rolled back.
func (s *Server) keep(files []stored, tx *transaction) error {
	if s.cfg.Retention <= 0 {
		return nil
	}
	for _, f := range files {
		dst := filepath.Join(s.objectsDir(), f.sha256)
		if _, err := os.Stat(dst); err == nil {
			continue
		}
		if err := os.Link(f.path, dst); err != nil {
			return fmt.Errorf("keep raw file: %w", err)
		}
		tx.onRollback(func() { os.Remove(dst) })
	}
	return nil
}

// transaction is a writer's transaction on the warehouse's connection (s.mu held).
type transaction struct {
	ctx  context.Context
	conn *sql.Conn
	undo []func()
}

func (tx *transaction) exec(stmt string) error {
	if _, err := tx.conn.ExecContext(tx.ctx, stmt); err != nil {
		return fmt.Errorf("%s: %w", strings.ToLower(strings.Fields(stmt)[0]), err)
	}
	return nil
}

// restart rolls back what the transaction wrote and begins a new one.
func (tx *transaction) restart() error {
	if err := tx.exec("ROLLBACK"); err != nil {
		return err
	}
	return tx.exec("BEGIN TRANSACTION")
}

func (tx *transaction) onRollback(fn func()) { tx.undo = append(tx.undo, fn) }

// transaction runs fn in a transaction, committed when fn returns nil, else rolled back.
func (s *Server) transaction(ctx context.Context, conn *sql.Conn, fn func(*transaction) error) (err error) {
	tx := &transaction{ctx: context.WithoutCancel(ctx), conn: conn}
	if err := tx.exec("BEGIN TRANSACTION"); err != nil {
		return err
	}
	defer func() {
		if err == nil {
			return
		}
		if rerr := tx.exec("ROLLBACK"); rerr != nil {
			s.log.Error("rollback failed", "event", "rollback_failed", "err", rerr)
		}
		for _, undo := range tx.undo {
			undo()
		}
	}()
	if err := fn(tx); err != nil {
		return err
	}
	return tx.exec("COMMIT")
}

package serve

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html/template"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"bilan/internal/arml/armlxlsx"
	"bilan/internal/french"
	"bilan/internal/warehouse"
	"bilan/pipeline"
	"bilan/pipeline/ingest"
	"bilan/pipeline/publish"
)

var funcs = template.FuncMap{
	"regle":  ingest.RuleLabel,
	"add":    func(a, b int) int { return a + b },
	"nombre": french.Count,
	"date":   pageDate,
	"court":  short,
}

var paris = func() *time.Location {
	if l, err := time.LoadLocation("Europe/Paris"); err == nil {
		return l
	}
	return time.UTC
}()

// upload is a line of the history.
type uploadView struct {
	ID       int
	Region   string
	Exercice int
	Account  string
	Received time.Time
	Status   string
	Files    []fileLine
}

type fileLine struct {
	Name, SHA256 string
	Bytes        int64
}

// historyPage returns limit uploads of a region after the first skip, most recent first.
func (s *Server) historyPage(r *http.Request, code string, skip, limit int) ([]uploadView, error) {
	return s.uploads(r, "SELECT depot FROM depots WHERE region = ? ORDER BY depot DESC LIMIT ? OFFSET ?", code, limit, skip)
}

// lastUploads returns the last upload of each region for an exercice.
func (s *Server) lastUploads(r *http.Request, year int) ([]uploadView, error) {
	return s.uploads(r, "SELECT depot FROM depots WHERE exercice = ? QUALIFY row_number() OVER (PARTITION BY region ORDER BY depot DESC) = 1", year)
}

// uploads returns the uploads whose ids the query selects, with their files, most recent
// first.
func (s *Server) uploads(r *http.Request, ids string, args ...any) ([]uploadView, error) {
	var out []uploadView
	err := s.read(r.Context(), func(w *warehouse.Warehouse) error {
		rows, err := w.Conn().QueryContext(r.Context(), `WITH chosen AS (`+ids+`)
			SELECT d.depot, d.region, d.exercice, d.compte, d.recu, d.statut, f.nom, f.sha256, f.octets
			FROM chosen JOIN depots d USING (depot) JOIN depots_fichiers f USING (depot)
			ORDER BY d.depot DESC, f.nom`, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var u uploadView
			var f fileLine
			if err := rows.Scan(&u.ID, &u.Region, &u.Exercice, &u.Account, &u.Received, &u.Status, &f.Name, &f.SHA256, &f.Bytes); err != nil {
				return err
			}
			if len(out) == 0 || out[len(out)-1].ID != u.ID {
				out = append(out, u)
			}
			out[len(out)-1].Files = append(out[len(out)-1].Files, f)
		}
		return rows.Err()
	})
	return out, err
}

// historyLines is how many uploads a page of the history shows.
const historyLines = 50

type regionData struct {
	History  []uploadView
	Page     int // of the history, from 1
	Older    bool
	Pack     bool
	Kept     string // what is kept of the raw files, in French
	MaxFiles int
}

func (s *Server) regionPage(w http.ResponseWriter, r *http.Request) {
	ss, reg, ok := s.regionAccess(w, r)
	if !ok {
		return
	}
	year, ok := s.queryYear(w, r, ss)
	if !ok {
		return
	}
	n, err := strconv.Atoi(r.URL.Query().Get("page"))
	if r.URL.Query().Get("page") == "" {
		n, err = 1, nil
	}
	if err != nil || n < 1 || n > 1_000_000 {
		s.fail(w, ss, http.StatusBadRequest, msgBadHistoryPage)
		return
	}
	h, err := s.historyPage(r, reg.Code, (n-1)*historyLines, historyLines+1)
	if err != nil {
		s.internal(w, r, ss, fmt.Errorf("history page %d: %w", n, err), "region", reg.Code)
		return
	}
	older := len(h) > historyLines
	if older {
		h = h[:historyLines]
	}
	_, packErr := os.Stat(s.packPath(reg, year, "pdf"))
	s.render(w, http.StatusOK, "region.html", page{Title: titleRegion(reg.Name), Account: ss.account, CSRF: ss.csrf,
		Region: reg, Year: year, Data: regionData{History: h, Page: n, Older: older, Pack: packErr == nil, Kept: keptNotice(s.cfg.Retention), MaxFiles: s.cfg.MaxFiles}})
}

func (s *Server) reportPage(w http.ResponseWriter, r *http.Request) {
	ss, reg, ok := s.regionAccess(w, r)
	if !ok {
		return
	}
	id, err := strconv.Atoi(r.PathValue("id"))
	if err != nil {
		s.fail(w, ss, http.StatusNotFound, msgNoUpload)
		return
	}
	var u uploadView
	var report string
	err = s.read(r.Context(), func(w *warehouse.Warehouse) error {
		return w.Conn().QueryRowContext(r.Context(),
			"SELECT depot, exercice, compte, recu, statut, rapport FROM depots WHERE depot = ? AND region = ?", id, reg.Code).
			Scan(&u.ID, &u.Exercice, &u.Account, &u.Received, &u.Status, &report)
	})
	if err != nil { // another region's upload is as absent as a missing one
		s.fail(w, ss, http.StatusNotFound, msgNoUpload)
		return
	}
	var files []fileView
	if err := json.Unmarshal([]byte(report), &files); err != nil {
		s.internal(w, r, ss, fmt.Errorf("report of upload %d: %w", u.ID, err), "region", reg.Code, "exercice", u.Exercice)
		return
	}
	s.render(w, http.StatusOK, "rapport.html", page{Title: titleReport(u.ID), Account: ss.account,
		CSRF: ss.csrf, Region: reg, Year: u.Exercice, Data: struct {
			Upload uploadView
			Files  []fileView
		}{u, files}})
}

// template sends the region's blank ARML workbook for the exercice.
func (s *Server) template(w http.ResponseWriter, r *http.Request) {
	ss, reg, ok := s.regionAccess(w, r)
	if !ok {
		return
	}
	year, ok := s.queryYear(w, r, ss)
	if !ok {
		return
	}
	var buf bytes.Buffer
	err := s.read(r.Context(), func(w *warehouse.Warehouse) error {
		t, err := pipeline.RegionTemplate(r.Context(), w, year, reg.Code)
		if err == nil {
			err = armlxlsx.Write(&buf, t)
		}
		return err
	})
	if err != nil {
		s.internal(w, r, ss, fmt.Errorf("blank workbook: %w", err), "region", reg.Code, "exercice", year)
		return
	}
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="arml-%s-%d.xlsx"`, reg.Code, year))
	w.Write(buf.Bytes())
}

// packPath is where `publish` wrote the region's pack of an exercice.
func (s *Server) packPath(reg region, year int, format string) string {
	slug := publish.Slug(reg.Name)
	return filepath.Join(s.cfg.Out, strconv.Itoa(year), "regions", reg.Code+"-"+slug, fmt.Sprintf("bilan-%s-%d.%s", slug, year, format))
}

// pack sends the region's published pack (PDF or XLSX) of the exercice, or shows its
// HTML twin.
func (s *Server) pack(w http.ResponseWriter, r *http.Request) {
	ss, reg, ok := s.regionAccess(w, r)
	if !ok {
		return
	}
	year, err := exercice(r.URL.Query().Get("exercice"))
	format := r.PathValue("format")
	if err != nil || format != "pdf" && format != "xlsx" && format != "html" {
		s.fail(w, ss, http.StatusNotFound, msgNoDocument)
		return
	}
	p := s.packPath(reg, year, format)
	if _, err := os.Stat(p); err != nil {
		s.fail(w, ss, http.StatusNotFound, msgNotPublished(year))
		return
	}
	if format == "html" { // read in the browser
		showDocument(w, r, p)
		return
	}
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="%s"`, filepath.Base(p)))
	http.ServeFile(w, r, p)
}

type regionStatus struct {
	Region  region
	Kinds   string
	Last    *uploadView
	PackPDF bool
}

func (s *Server) dmmlPage(w http.ResponseWriter, r *http.Request) {
	ss := s.signedIn(w, r)
	if ss == nil {
		return
	}
	if !ss.account.DMML() {
		s.fail(w, ss, http.StatusForbidden, msgDMMLOnly)
		return
	}
	year, ok := s.queryYear(w, r, ss)
	if !ok {
		return
	}
	kinds := map[string][]string{}
	err := s.read(r.Context(), func(w *warehouse.Warehouse) error {
		rows, err := w.Conn().QueryContext(r.Context(), "SELECT scope, kind FROM batches WHERE exercice = ? ORDER BY scope, kind", year)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var scope, kind string
			if err := rows.Scan(&scope, &kind); err != nil {
				return err
			}
			kinds[scope] = append(kinds[scope], ingest.Kind(kind).French())
		}
		return rows.Err()
	})
	if err != nil {
		s.internal(w, r, ss, fmt.Errorf("batches loaded: %w", err), "exercice", year)
		return
	}
	last, err := s.lastUploads(r, year)
	if err != nil {
		s.internal(w, r, ss, fmt.Errorf("last uploads: %w", err), "exercice", year)
		return
	}
	var status []regionStatus
	for _, reg := range s.regions {
		st := regionStatus{Region: reg, Kinds: strings.Join(kinds[reg.Code], ", ")}
		for i := range last {
			if last[i].Region == reg.Code {
				st.Last = &last[i]
			}
		}
		_, e := os.Stat(s.packPath(reg, year, "pdf"))
		st.PackPDF = e == nil
		status = append(status, st)
	}
	s.render(w, http.StatusOK, "dmml.html", page{Title: titleDMML(year), Account: ss.account,
		CSRF: ss.csrf, Year: year, Data: struct {
			Regions  []regionStatus
			National string
			Notice   string
		}{status, strings.Join(kinds["national"], ", "), r.URL.Query().Get("publie")}})
}

// publish computes the exercice and writes every pack under Out/<exercice>.
func (s *Server) publish(w http.ResponseWriter, r *http.Request) {
	ss := s.signedIn(w, r)
	if ss == nil {
		return
	}
	if !ss.account.DMML() {
		s.fail(w, ss, http.StatusForbidden, msgPublishDMMLOnly)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, 4<<10)
	if err := r.ParseForm(); err != nil || !ss.validCSRF(r.PostFormValue("csrf")) {
		s.fail(w, ss, http.StatusForbidden, msgFormExpired)
		return
	}
	year, err := exercice(r.PostFormValue("exercice"))
	if err != nil {
		s.fail(w, ss, http.StatusBadRequest, msgBadExercice)
		return
	}
	var batches int
	if err := s.read(r.Context(), func(w *warehouse.Warehouse) error {
		return w.Conn().QueryRowContext(r.Context(), "SELECT count(*) FROM batches WHERE exercice = ?", year).Scan(&batches)
	}); err != nil {
		s.internal(w, r, ss, fmt.Errorf("batches loaded: %w", err), "exercice", year)
		return
	}
	if batches == 0 {
		s.fail(w, ss, http.StatusBadRequest, msgNothingToPublish(year))
		return
	}
	s.mu.Lock()
	params := s.cfg.Params(year)
	_, err = pipeline.ComputeAndPublish(r.Context(), s.cfg.Warehouse, publish.Options{Params: params,
		Out: filepath.Join(s.cfg.Out, strconv.Itoa(year)), Threshold: s.cfg.Threshold})
	s.mu.Unlock()
	if err != nil {
		s.internal(w, r, ss, fmt.Errorf("compute and publish: %w", err), "exercice", year)
		return
	}
	s.log.Info("exercice computed and published", "event", "publish", "account", ss.account.ID, "exercice", year)
	http.Redirect(w, r, fmt.Sprintf("/dmml?exercice=%d&publie=1", year), http.StatusSeeOther)
}

// queryYear reads the exercice of the URL (default: last year), refusing a bad one.
func (s *Server) queryYear(w http.ResponseWriter, r *http.Request, ss *session) (int, bool) {
	year, err := exercice(r.URL.Query().Get("exercice"))
	if err != nil {
		s.fail(w, ss, http.StatusBadRequest, msgBadExercice)
		return 0, false
	}
	return year, true
}

// internal logs an error (with the route, never the URL a client wrote) and shows the
// internal error page.
func (s *Server) internal(w http.ResponseWriter, r *http.Request, ss *session, err error, attrs ...any) {
	attrs = append([]any{"event", "internal_error", "route", r.Pattern}, attrs...)
	if ss != nil && ss.account != nil {
		attrs = append(attrs, "account", ss.account.ID)
	}
	s.log.Error("internal error", append(attrs, "err", err)...)
	s.fail(w, ss, http.StatusInternalServerError, msgInternal)
}

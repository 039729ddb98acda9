package serve

import (
	"bytes"
	"fmt"
	"net/http"
	"os"
	"strconv"

	"bilan/internal/warehouse"
	"bilan/pipeline/catalogue"
	"bilan/reports"
	"bilan/reports/html"
)

// documentCSP is the policy of a document shown in the browser (a region's HTML report,
// the catalogue): one self-contained file, its style sheet and fonts inside it, no
// script, no request of its own.
const documentCSP = "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:; " +
	"frame-ancestors 'none'; form-action 'none'; base-uri 'none'"

// showDocument sends an HTML document to read in the browser, not to download.
func showDocument(w http.ResponseWriter, r *http.Request, path string) {
	w.Header().Set("Content-Security-Policy", documentCSP)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	http.ServeFile(w, r, path)
}

// latestReport shows the region's latest published report (its HTML twin) in the browser.
func (s *Server) latestReport(w http.ResponseWriter, r *http.Request) {
	ss, reg, ok := s.regionAccess(w, r)
	if !ok {
		return
	}
	entries, _ := os.ReadDir(s.cfg.Out)
	for i := len(entries) - 1; i >= 0; i-- { // names sorted: the latest exercice last
		year, err := strconv.Atoi(entries[i].Name())
		if err != nil || year < 2005 || year > 2100 {
			continue
		}
		if p := s.packPath(reg, year, "html"); fileExists(p) {
			showDocument(w, r, p)
			return
		}
	}
	s.fail(w, ss, http.StatusNotFound, msgNoReportYet)
}

func fileExists(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.Mode().IsRegular()
}

// cataloguePage shows the catalogue of indicators to every signed-in account, as
// `bilan catalogue` writes it: /catalogue is catalogue.html, which links catalogue.csv
// beside it, /catalogue.csv.
func (s *Server) cataloguePage(w http.ResponseWriter, r *http.Request) {
	ss := s.signedIn(w, r)
	if ss == nil {
		return
	}
	var c *reports.Catalogue
	err := s.read(r.Context(), func(wh *warehouse.Warehouse) error {
		var err error
		c, err = catalogue.Build(r.Context(), wh)
		return err
	})
	var buf bytes.Buffer
	csv := r.URL.Path == "/catalogue.csv"
	if err == nil && csv {
		err = catalogue.WriteCSV(&buf, c)
	} else if err == nil {
		err = html.WriteCatalogue(&buf, c)
	}
	if err != nil {
		s.internal(w, r, ss, fmt.Errorf("catalogue: %w", err))
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	if csv {
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		w.Header().Set("Content-Disposition", `attachment; filename="catalogue.csv"`)
	} else {
		w.Header().Set("Content-Security-Policy", documentCSP)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
	}
	w.Write(buf.Bytes())
}

// Package serve is the upload service of operations.md: ARML assistants sign in, send
// their region's extracts and workbooks for an exercice, read the validation report at
// once, see their history and download their pack and blank template; the DMML sees
// every region and launches compute + publish. Pages are server-rendered French HTML with
// the State's design system (DSFR), embedded in the binary.
package serve

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path"
	"strconv"
	"strings"
	"sync"
	"time"

	"bilan/internal/warehouse"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// Config is what the service needs.
type Config struct {
	Warehouse *warehouse.Warehouse
	Accounts  map[string]*Account
	Dir       string // uploads: objets/<sha256>, and scratch folders
	Out       string // packs: Out/<exercice>/…, as `publish` writes them
	MaxBytes  int64  // largest upload (all files of one sending)
	MaxFiles  int    // most files in one sending (0 = 100)
	// Retention is how long the raw files of an upload are kept after it is loaded or
	// refused (0: not at all; its SHA-256 and report always stay).
	Retention    time.Duration
	Key          []byte // pseudonymisation key
	Threshold    int    // statistical secrecy threshold of the packs (0 = default)
	RefusalShare float64
	Params       func(exercice int) warehouse.Params // run parameters of an exercice
	// Logger gets the service's events (sign-ins, uploads, publications, errors) as
	// structured records: event, account, region, exercice; never a personal value. When
	// nil, text records go to Log's writer, else to standard error.
	Logger *slog.Logger
	// TrustedProxy is the address of the reverse proxy in front of the service, if any:
	// only its X-Forwarded-Proto and X-Forwarded-For are believed.
	TrustedProxy string
}

// Server serves the pages. Writers (an upload's ingest, compute and publish) take turns
// on the warehouse's connection (mu); every page reads on a connection of its own
// (read), so none waits for an ingest.
type Server struct {
	cfg      Config
	mu       sync.Mutex
	sessions sessions
	limiter  limiter
	dummy    []byte // bcrypt hash checked for unknown identifiers
	pages    *template.Template
	regions  []region
	log      *slog.Logger
}

type region struct{ Code, Name string }

// New prepares a server.
func New(ctx context.Context, cfg Config) (*Server, error) {
	if cfg.MaxBytes <= 0 {
		cfg.MaxBytes = 200 << 20
	}
	if cfg.MaxFiles <= 0 {
		cfg.MaxFiles = 100
	}
	if cfg.Params == nil {
		cfg.Params = func(y int) warehouse.Params { return warehouse.Params{Exercice: y} }
	}
	pages, err := template.New("").Funcs(funcs).ParseFS(templateFS, "templates/*.html")
	if err != nil {
		return nil, fmt.Errorf("parse the page templates: %w", err)
	}
	s := &Server{cfg: cfg, pages: pages, sessions: sessions{byID: map[string]*session{}, max: maxSessions}, limiter: newLimiter(),
		dummy: dummyHash(cfg.Accounts), log: cfg.Logger}
	if s.log == nil {
		s.log = slog.New(slog.NewTextHandler(os.Stderr, nil)).With("service", "bilan serve")
	}
	rows, err := cfg.Warehouse.Conn().QueryContext(ctx, "SELECT region, nom FROM ref_regions ORDER BY region")
	if err != nil {
		return nil, fmt.Errorf("read the regions: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var r region
		if err := rows.Scan(&r.Code, &r.Name); err != nil {
			return nil, fmt.Errorf("read the regions: %w", err)
		}
		s.regions = append(s.regions, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read the regions: %w", err)
	}
	if err := s.cleanUp(ctx); err != nil {
		return nil, fmt.Errorf("clean the upload folders: %w", err)
	}
	return s, nil
}

// read runs a reader on a warehouse session of its own: it sees the last committed state
// and never waits for the writer.
func (s *Server) read(ctx context.Context, fn func(*warehouse.Warehouse) error) error {
	w, err := s.cfg.Warehouse.Session(ctx)
	if err != nil {
		return fmt.Errorf("open a reading session: %w", err)
	}
	defer w.Close()
	return fn(w)
}

// Handler routes the requests.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /static/", s.static)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { // every other route
		s.fail(w, s.sessions.get(w, r, s.secure(r)), http.StatusNotFound, msgNoPage)
	})
	mux.HandleFunc("GET /{$}", s.home)
	mux.HandleFunc("GET /connexion", s.signInPage)
	mux.HandleFunc("POST /connexion", s.signIn)
	mux.HandleFunc("POST /deconnexion", s.signOut)
	mux.HandleFunc("GET /region/{code}", s.regionPage)
	mux.HandleFunc("POST /region/{code}/depots", s.upload)
	mux.HandleFunc("GET /region/{code}/depots/{id}", s.reportPage)
	mux.HandleFunc("GET /region/{code}/modele", s.template)
	mux.HandleFunc("GET /region/{code}/bilan/{format}", s.pack)
	mux.HandleFunc("GET /region/{code}/bilan", s.latestReport)
	mux.HandleFunc("GET /catalogue", s.cataloguePage)
	mux.HandleFunc("GET /catalogue.csv", s.cataloguePage)
	mux.HandleFunc("GET /dmml", s.dmmlPage)
	mux.HandleFunc("POST /dmml/publier", s.publish)
	return s.headers(mux)
}

// headers adds the security headers of every response (HSTS when served over TLS).
func (s *Server) headers(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		if s.secure(r) {
			h.Set("Strict-Transport-Security", "max-age=31536000")
		}
		h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "same-origin")
		next.ServeHTTP(w, r)
	})
}

// page is what every template gets.
type page struct {
	Title   string
	Account *Account
	CSRF    string
	Region  region
	Year    int
	Error   string
	Data    any
}

func (s *Server) render(w http.ResponseWriter, status int, name string, p page) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	if err := s.pages.ExecuteTemplate(w, name, p); err != nil {
		s.log.Error("page not rendered", "event", "render", "template", name, "err", err)
	}
}

// static serves the embedded files (DSFR, style sheet); a folder or a missing file is the
// service's own « page introuvable », never a listing.
func (s *Server) static(w http.ResponseWriter, r *http.Request) {
	name := strings.TrimPrefix(r.URL.Path, "/static/")
	if st, err := fs.Stat(staticFS, path.Join("static", name)); err != nil || st.IsDir() || !fs.ValidPath(name) {
		s.fail(w, nil, http.StatusNotFound, msgNoPage)
		return
	}
	sub, _ := fs.Sub(staticFS, "static")
	http.StripPrefix("/static/", http.FileServerFS(sub)).ServeHTTP(w, r)
}

// fail shows an error page with a French title and message.
func (s *Server) fail(w http.ResponseWriter, ss *session, status int, msg string) {
	title, ok := statusTitles[status]
	if !ok {
		title = titleError
	}
	p := page{Title: title, Error: msg}
	if ss != nil {
		p.Account, p.CSRF = ss.account, ss.csrf
	}
	s.render(w, status, "erreur.html", p)
}

// signedIn returns the session of a signed-in user, or sends them to the sign-in page
// (or refuses a form sent without a session) and returns nil.
func (s *Server) signedIn(w http.ResponseWriter, r *http.Request) *session {
	ss := s.sessions.get(w, r, s.secure(r))
	if ss.account != nil {
		return ss
	}
	if r.Method == http.MethodGet {
		http.Redirect(w, r, "/connexion", http.StatusSeeOther)
	} else {
		s.fail(w, ss, http.StatusForbidden, msgSessionExpired)
	}
	return nil
}

// regionAccess is the start of every page of a region: a signed-in user allowed to see
// the region of the URL.
func (s *Server) regionAccess(w http.ResponseWriter, r *http.Request) (*session, region, bool) {
	ss := s.signedIn(w, r)
	if ss == nil {
		return nil, region{}, false
	}
	reg, ok := s.regionOf(w, r, ss)
	return ss, reg, ok
}

// regionOf checks the region of the URL against the account: 404 for a code that is
// no region, 403 for another region than the ARML's.
func (s *Server) regionOf(w http.ResponseWriter, r *http.Request, ss *session) (region, bool) {
	code := r.PathValue("code")
	for _, reg := range s.regions {
		if reg.Code != code {
			continue
		}
		if !ss.account.Allowed(code) {
			s.fail(w, ss, http.StatusForbidden, msgOtherRegion)
			return reg, false
		}
		return reg, true
	}
	s.fail(w, ss, http.StatusNotFound, msgNoRegion)
	return region{}, false
}

// exercice reads the exercice of a request (default: last year).
func exercice(v string) (int, error) {
	if v == "" {
		return time.Now().Year() - 1, nil
	}
	y, err := strconv.Atoi(v)
	if err != nil || y < 2000 || y > 2100 {
		return 0, errors.New("invalid exercice")
	}
	return y, nil
}

func (s *Server) home(w http.ResponseWriter, r *http.Request) {
	ss := s.signedIn(w, r)
	if ss == nil {
		return
	}
	if ss.account.DMML() {
		http.Redirect(w, r, "/dmml", http.StatusSeeOther)
		return
	}
	http.Redirect(w, r, "/region/"+ss.account.Region, http.StatusSeeOther)
}

func (s *Server) signInPage(w http.ResponseWriter, r *http.Request) {
	ss := s.sessions.get(w, r, s.secure(r))
	s.render(w, http.StatusOK, "connexion.html", page{Title: titleSignIn, CSRF: ss.csrf, Account: ss.account})
}

func (s *Server) signIn(w http.ResponseWriter, r *http.Request) {
	ss := s.sessions.get(w, r, s.secure(r))
	r.Body = http.MaxBytesReader(w, r.Body, 4<<10)
	if err := r.ParseForm(); err != nil || !ss.validCSRF(r.PostFormValue("csrf")) {
		s.fail(w, ss, http.StatusForbidden, msgSignInExpired)
		return
	}
	id, addr := r.PostFormValue("identifiant"), s.clientIP(r)
	if wait, flood := s.limiter.wait(id, addr); wait > 0 {
		w.Header().Set("Retry-After", strconv.Itoa(int(wait.Seconds())+1))
		s.render(w, http.StatusTooManyRequests, "connexion.html", page{Title: titleSignIn, CSRF: ss.csrf, Error: msgThrottled(wait, flood)})
		return
	}
	a := s.cfg.Accounts[id]
	if !s.checkPassword(a, r.PostFormValue("mot_de_passe")) {
		s.limiter.fail(id, addr)
		s.log.Warn("sign-in refused", "event", "sign_in_refused")
		s.render(w, http.StatusUnauthorized, "connexion.html", page{Title: titleSignIn, CSRF: ss.csrf,
			Error: msgBadCredentials})
		return
	}
	s.limiter.succeed(id, addr)
	s.sessions.signIn(w, r, a, s.secure(r))
	s.log.Info("signed in", "event", "sign_in", "account", a.ID, "region", a.Region)
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

func (s *Server) signOut(w http.ResponseWriter, r *http.Request) {
	ss := s.sessions.get(w, r, s.secure(r))
	if err := r.ParseForm(); err != nil || !ss.validCSRF(r.PostFormValue("csrf")) {
		s.fail(w, ss, http.StatusForbidden, msgFormExpired)
		return
	}
	s.sessions.signOut(w, r)
	http.Redirect(w, r, "/connexion", http.StatusSeeOther)
}

// clientIP is the address of the client: the connection's, or behind the trusted proxy
// the last address the proxy added to X-Forwarded-For.
func (s *Server) clientIP(r *http.Request) string {
	ip := remoteIP(r)
	if s.fromProxy(r) {
		if xff := r.Header.Get("X-Forwarded-For"); xff != "" {
			parts := strings.Split(xff, ",")
			return strings.TrimSpace(parts[len(parts)-1])
		}
	}
	return ip
}

func remoteIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// fromProxy tells whether the request comes from the trusted reverse proxy (setting
// TrustedProxy), whose X-Forwarded-* headers are then believed; no other client's are.
func (s *Server) fromProxy(r *http.Request) bool {
	return s.cfg.TrustedProxy != "" && remoteIP(r) == s.cfg.TrustedProxy
}

// secure tells whether the client reached the service over TLS: served with TLS, or
// through the trusted proxy that says so.
func (s *Server) secure(r *http.Request) bool {
	return r.TLS != nil || s.fromProxy(r) && r.Header.Get("X-Forwarded-Proto") == "https"
}

package serve

import (
	"bytes"
	"context"
	"fmt"
	"html"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"

	"bilan/internal/arml"
	"bilan/internal/arml/armlxlsx"
	"bilan/internal/warehouse"
	"bilan/pipeline"
)

const (
	demo     = "../../fixtures/demo/2016/53"
	bad      = "../../fixtures/bad/59-classeur-toutes-les-erreurs/arml-53.bad.xlsx"
	password = "un-mot-de-passe-de-test"
)

// fixture is a running service with an ARML account for Bretagne (arml53), one for
// Corse (arml94) and a DMML account (dmml).
type fixture struct {
	t    *testing.T
	s    *Server
	srv  *httptest.Server
	w    *warehouse.Warehouse
	dir  string
	logs *logBuffer // the service's log records, JSON lines
}

func newFixture(t *testing.T, maxBytes int64) *fixture {
	t.Helper()
	dir := t.TempDir()
	ctx := context.Background()
	w, err := warehouse.Open(ctx, filepath.Join(dir, "w.duckdb"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	hash, _ := bcrypt.GenerateFromPassword([]byte(password), bcrypt.MinCost)
	accounts := map[string]*Account{}
	for id, region := range map[string]string{"arml53": "53", "arml94": "94", "dmml": ""} {
		accounts[id] = &Account{ID: id, Region: region, hash: hash}
	}
	logs := &logBuffer{}
	s, err := New(ctx, Config{Warehouse: w, Accounts: accounts, Dir: filepath.Join(dir, "depots"), Out: filepath.Join(dir, "bilans"),
		MaxBytes: maxBytes, Key: []byte("cle-de-test-du-service-de-depot-0123456789"),
		Logger: slog.New(slog.NewJSONHandler(io.MultiWriter(testWriter{t}, logs), nil))})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(s.Handler())
	t.Cleanup(srv.Close)
	return &fixture{t: t, s: s, srv: srv, w: w, dir: dir, logs: logs}
}

// client is a browser-like client: a cookie jar, no automatic redirects.
type client struct {
	f    *fixture
	http *http.Client
}

func (f *fixture) client() *client {
	jar, _ := cookiejar.New(nil)
	return &client{f: f, http: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

func (c *client) get(path string) (*http.Response, string) {
	c.f.t.Helper()
	resp, err := c.http.Get(c.f.srv.URL + path)
	if err != nil {
		c.f.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

var csrfField = regexp.MustCompile(`name="csrf" value="([0-9a-f]+)"`)

// csrf reads the form token of a page.
func (c *client) csrf(path string) string {
	c.f.t.Helper()
	_, body := c.get(path)
	m := csrfField.FindStringSubmatch(body)
	if m == nil {
		c.f.t.Fatalf("%s: no CSRF token in the page", path)
	}
	return m[1]
}

func (c *client) post(path string, form url.Values) (*http.Response, string) {
	c.f.t.Helper()
	resp, err := c.http.PostForm(c.f.srv.URL+path, form)
	if err != nil {
		c.f.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

func (c *client) signIn(id string) *client {
	c.f.t.Helper()
	resp, body := c.post("/connexion", url.Values{"csrf": {c.csrf("/connexion")}, "identifiant": {id}, "mot_de_passe": {password}})
	if resp.StatusCode != http.StatusSeeOther {
		c.f.t.Fatalf("sign-in of %s: %d\n%s", id, resp.StatusCode, body)
	}
	return c
}

// upload sends files (name → content) for an exercice, the CSRF token first unless
// csrf is "-" (left out).
func (c *client) upload(region string, year int, csrf string, files map[string][]byte) (*http.Response, string) {
	c.f.t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	if csrf != "-" {
		mw.WriteField("csrf", csrf)
	}
	mw.WriteField("exercice", fmt.Sprint(year))
	for name, content := range files {
		fw, _ := mw.CreateFormFile("fichiers", name)
		fw.Write(content)
	}
	mw.Close()
	req, _ := http.NewRequest(http.MethodPost, c.f.srv.URL+"/region/"+region+"/depots", &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	resp, err := c.http.Do(req)
	if err != nil {
		c.f.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode == http.StatusSeeOther {
		return c.get(resp.Header.Get("Location"))
	}
	return resp, string(b)
}

func (f *fixture) count(q string, args ...any) int {
	f.t.Helper()
	var n int
	if err := f.w.Conn().QueryRowContext(context.Background(), q, args...).Scan(&n); err != nil {
		f.t.Fatal(err)
	}
	return n
}

func demoFiles(t *testing.T) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	for _, n := range []string{"jeunes.csv", "evenements.csv", "mesures.csv", "arml-53-2016.xlsx"} {
		b, err := os.ReadFile(filepath.Join(demo, n))
		if err != nil {
			t.Fatal(err)
		}
		files[n] = b
	}
	return files
}

func TestSignIn(t *testing.T) {
	f := newFixture(t, 1<<20)
	c := f.client()
	if resp, _ := c.get("/region/53"); resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/connexion" {
		t.Errorf("a page without a session: %d → %s, want the sign-in page", resp.StatusCode, resp.Header.Get("Location"))
	}
	resp, body := c.post("/connexion", url.Values{"csrf": {c.csrf("/connexion")}, "identifiant": {"arml53"}, "mot_de_passe": {"faux"}})
	if resp.StatusCode != http.StatusUnauthorized || !strings.Contains(body, "Identifiant ou mot de passe incorrect.") {
		t.Errorf("wrong password: %d", resp.StatusCode)
	}
	resp, _ = c.post("/connexion", url.Values{"csrf": {c.csrf("/connexion")}, "identifiant": {"arml53"}, "mot_de_passe": {password}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("sign-in: %d", resp.StatusCode)
	}
	var cookie *http.Cookie
	for _, ck := range resp.Cookies() {
		if ck.Name == sessionCookie {
			cookie = ck
		}
	}
	if cookie == nil || !cookie.HttpOnly || cookie.SameSite != http.SameSiteStrictMode || cookie.Secure {
		t.Errorf("session cookie %+v: want HttpOnly, SameSite=Strict, not Secure over plain HTTP", cookie)
	}
	if resp, _ := c.get("/"); resp.Header.Get("Location") != "/region/53" {
		t.Errorf("home of an ARML account: → %s", resp.Header.Get("Location"))
	}
	resp, body = c.get("/region/53")
	if resp.StatusCode != http.StatusOK || !strings.Contains(body, `lang="fr"`) || !strings.Contains(body, "Bretagne – dépôt des fichiers") ||
		!strings.Contains(body, `<label class="fr-label" for="fichiers">`) {
		t.Errorf("region page: %d", resp.StatusCode)
	}
	// X-Forwarded-Proto is believed only from the trusted proxy.
	secureCookie := func(proxy string) (bool, string) {
		f.s.cfg.TrustedProxy = proxy
		defer func() { f.s.cfg.TrustedProxy = "" }()
		req, _ := http.NewRequest(http.MethodGet, f.srv.URL+"/connexion", nil)
		req.Header.Set("X-Forwarded-Proto", "https")
		r2, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		r2.Body.Close()
		ck := r2.Cookies()
		return len(ck) == 1 && ck[0].Secure, r2.Header.Get("Strict-Transport-Security")
	}
	if sec, hsts := secureCookie(""); sec || hsts != "" {
		t.Errorf("a client's own X-Forwarded-Proto made the cookie Secure (%v) or HSTS %q", sec, hsts)
	}
	if sec, hsts := secureCookie("127.0.0.1"); !sec || hsts == "" {
		t.Errorf("behind the trusted TLS proxy: Secure %v, HSTS %q", sec, hsts)
	}
	// Signing out ends the session.
	c.post("/deconnexion", url.Values{"csrf": {c.csrf("/region/53")}})
	if resp, _ := c.get("/region/53"); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("after sign-out: %d", resp.StatusCode)
	}
}

// signInFrom signs in through the handler as a client at addr would, and returns the
// status.
func (f *fixture) signInFrom(addr, id, pw string) int {
	h := f.s.Handler()
	get := httptest.NewRequest(http.MethodGet, "/connexion", nil)
	get.RemoteAddr = addr + ":40000"
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, get)
	m := csrfField.FindStringSubmatch(rec.Body.String())
	if m == nil {
		f.t.Fatal("no CSRF token on the sign-in page")
	}
	post := httptest.NewRequest(http.MethodPost, "/connexion", strings.NewReader(url.Values{"csrf": {m[1]}, "identifiant": {id}, "mot_de_passe": {pw}}.Encode()))
	post.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	post.RemoteAddr = addr + ":40001"
	for _, c := range rec.Result().Cookies() {
		post.AddCookie(c)
	}
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, post)
	return rec.Code
}

// Nobody can lock an account: wrong passwords from five addresses leave the real user
// alone; five from one address (an office behind one NAT) leave the other accounts
// alone; the pair that failed waits a growing delay, then may try again.
func TestSignInThrottled(t *testing.T) {
	f := newFixture(t, 1<<20)
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	f.s.limiter.now = func() time.Time { return now }
	for i := 1; i <= 5; i++ {
		if code := f.signInFrom(fmt.Sprintf("10.0.0.%d", i), "arml94", "faux"); code != http.StatusUnauthorized {
			t.Fatalf("wrong password %d: %d", i, code)
		}
	}
	if code := f.signInFrom("10.0.1.1", "arml94", password); code != http.StatusSeeOther {
		t.Errorf("Corse from its own office after strangers' failures: %d", code)
	}
	for i := 0; i < 5; i++ {
		f.signInFrom("10.0.2.1", "arml53", "faux")
	}
	if code := f.signInFrom("10.0.2.1", "arml94", password); code != http.StatusSeeOther {
		t.Errorf("another account from the same office: %d", code)
	}
	if code := f.signInFrom("10.0.2.1", "arml53", password); code != http.StatusTooManyRequests {
		t.Errorf("the pair that failed five times, at once: %d, want 429", code)
	}
	now = now.Add(maxDelay)
	if code := f.signInFrom("10.0.2.1", "arml53", password); code != http.StatusSeeOther {
		t.Errorf("the same pair after its delay: %d", code)
	}
}

func TestLimiter(t *testing.T) {
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	l := newLimiter()
	l.now = func() time.Time { return now }
	var delays []time.Duration
	for i := 0; i < 6; i++ {
		l.fail("a", "ip")
		d, _ := l.wait("a", "ip")
		delays = append(delays, d)
	}
	want := []time.Duration{0, 0, 2 * time.Second, 4 * time.Second, 8 * time.Second, 16 * time.Second}
	if fmt.Sprint(delays) != fmt.Sprint(want) {
		t.Errorf("delays %v, want %v", delays, want)
	}
	now = now.Add(17 * time.Second)
	if d, _ := l.wait("a", "ip"); d != 0 {
		t.Errorf("after the delay: wait %v", d)
	}
	l.succeed("a", "ip")
	l.fail("a", "ip")
	if d, _ := l.wait("a", "ip"); d != 0 {
		t.Errorf("a success forgets the failures: wait %v", d)
	}
	for i := 0; i < floodFailures; i++ {
		l.fail(fmt.Sprint("id", i), "flood")
	}
	if d, flood := l.wait("someone", "flood"); d == 0 || !flood {
		t.Errorf("a flood from one address: wait %v, flood %v", d, flood)
	}
	now = now.Add(window + time.Second)
	if d, _ := l.wait("someone", "flood"); d != 0 {
		t.Errorf("after the window: wait %v", d)
	}
}

// An unknown identifier is checked against a hash of the accounts' cost: the answer
// takes as long as for a real account.
func TestUnknownIdentifierCost(t *testing.T) {
	h, _ := bcrypt.GenerateFromPassword([]byte(password), bcrypt.DefaultCost)
	dummy := dummyHash(map[string]*Account{"a": {ID: "a", hash: h}})
	if c, _ := bcrypt.Cost(dummy); c != bcrypt.DefaultCost {
		t.Errorf("dummy hash cost %d, accounts' %d", c, bcrypt.DefaultCost)
	}
}

// Visitors who never sign in take no session; signing in takes one; the table has a cap.
func TestSessionsOnlyAtSignIn(t *testing.T) {
	f := newFixture(t, 1<<20)
	for i := 0; i < 50; i++ {
		f.client().get("/connexion")
	}
	if n := len(f.s.sessions.byID); n != 0 {
		t.Errorf("%d sessions after 50 visits without signing in", n)
	}
	f.s.sessions.max = 2
	first := f.client().signIn("arml53")
	f.client().signIn("arml94")
	f.client().signIn("dmml")
	if n := len(f.s.sessions.byID); n != 2 {
		t.Errorf("%d sessions, cap 2", n)
	}
	if resp, _ := first.get("/region/53"); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("the oldest session survived the cap: %d", resp.StatusCode)
	}
}

func TestCSRF(t *testing.T) {
	f := newFixture(t, 1<<20)
	c := f.client()
	if resp, _ := c.post("/connexion", url.Values{"identifiant": {"arml53"}, "mot_de_passe": {password}}); resp.StatusCode != http.StatusForbidden {
		t.Errorf("sign-in without token: %d", resp.StatusCode)
	}
	c.signIn("arml53")
	for _, token := range []string{"-", "0123abcd"} {
		if resp, _ := c.upload("53", 2016, token, demoFiles(t)); resp.StatusCode != http.StatusForbidden {
			t.Errorf("upload with token %q: %d, want 403", token, resp.StatusCode)
		}
	}
	if n := f.count("SELECT count(*) FROM depots"); n != 0 {
		t.Errorf("%d uploads recorded without a valid token", n)
	}
	if entries, _ := os.ReadDir(filepath.Join(f.dir, "depots", "objets")); len(entries) != 0 {
		t.Errorf("%d files stored without a valid token", len(entries))
	}
	d := f.client().signIn("dmml")
	if resp, _ := d.post("/dmml/publier", url.Values{"exercice": {"2016"}}); resp.StatusCode != http.StatusForbidden {
		t.Errorf("publish without token: %d", resp.StatusCode)
	}
	if resp, _ := c.post("/deconnexion", url.Values{}); resp.StatusCode != http.StatusForbidden {
		t.Errorf("sign-out without token: %d", resp.StatusCode)
	}
}

// TestOtherRegion: an ARML account reaches nothing of another region, by any URL.
func TestOtherRegion(t *testing.T) {
	f := newFixture(t, 1<<20)
	corse := f.client().signIn("arml94")
	corse.upload("94", 2016, corse.csrf("/region/94"), map[string][]byte{"arml-94.xlsx": mustRead(t, "../../fixtures/demo/2016/94/arml-94-2016.xlsx")})
	c := f.client().signIn("arml53")
	token := c.csrf("/region/53")
	for _, path := range []string{"/region/94", "/region/94/depots/1", "/region/94/modele?exercice=2016", "/region/94/bilan/pdf?exercice=2016", "/dmml"} {
		if resp, _ := c.get(path); resp.StatusCode != http.StatusForbidden {
			t.Errorf("GET %s by Bretagne: %d, want 403", path, resp.StatusCode)
		}
	}
	if resp, _ := c.get("/region/53/depots/1"); resp.StatusCode != http.StatusNotFound {
		t.Errorf("Corse's upload 1 under Bretagne's URL: %d, want 404", resp.StatusCode)
	}
	if resp, _ := c.get("/region/99"); resp.StatusCode != http.StatusNotFound {
		t.Errorf("unknown region: %d, want 404", resp.StatusCode)
	}
	if resp, _ := c.upload("94", 2016, token, demoFiles(t)); resp.StatusCode != http.StatusForbidden {
		t.Errorf("Bretagne uploading for Corse: %d, want 403", resp.StatusCode)
	}
	if resp, _ := c.post("/dmml/publier", url.Values{"csrf": {token}, "exercice": {"2016"}}); resp.StatusCode != http.StatusForbidden {
		t.Errorf("Bretagne publishing: %d, want 403", resp.StatusCode)
	}
	if _, body := c.get("/region/53"); strings.Contains(body, "arml-94") {
		t.Error("Bretagne's history shows Corse's upload")
	}
	if n := f.count("SELECT count(*) FROM depots"); n != 1 {
		t.Errorf("%d uploads, want Corse's only", n)
	}
	// The DMML sees every region.
	d := f.client().signIn("dmml")
	for _, path := range []string{"/region/94", "/region/94/depots/1", "/region/53", "/dmml"} {
		if resp, _ := d.get(path); resp.StatusCode != http.StatusOK {
			t.Errorf("GET %s by the DMML: %d", path, resp.StatusCode)
		}
	}
}

func TestOversizedUpload(t *testing.T) {
	f := newFixture(t, 64<<10)
	c := f.client().signIn("arml53")
	resp, body := c.upload("53", 2016, c.csrf("/region/53"), map[string][]byte{"jeunes.csv": bytes.Repeat([]byte("x;"), 100<<10)})
	if resp.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(body, "Envoi trop volumineux : 64 ko au plus") {
		t.Errorf("oversized upload: %d", resp.StatusCode)
	}
	if n := f.count("SELECT count(*) FROM depots"); n != 0 {
		t.Errorf("%d uploads recorded", n)
	}
}

// TestUploads: a good sending is loaded and its report shown; a bad one is refused with
// its French messages, and the warehouse is as before.
func TestUploads(t *testing.T) {
	f := newFixture(t, 10<<20)
	c := f.client().signIn("arml53")
	resp, body := c.upload("53", 2016, c.csrf("/region/53"), demoFiles(t))
	if resp.StatusCode != http.StatusOK || !strings.Contains(body, "Dépôt chargé") {
		t.Fatalf("good upload: %d\n%s", resp.StatusCode, body)
	}
	for _, want := range []string{"jeunes.csv – accepté", "arml-53-2016.xlsx – accepté", "classeur de la région 53"} {
		if !strings.Contains(html.UnescapeString(body), want) {
			t.Errorf("report lacks %q", want)
		}
	}
	youths := f.count("SELECT count(*) FROM raw_jeunes WHERE exercice = 2016 AND scope = '53'")
	if youths == 0 || f.count("SELECT count(*) FROM raw_arml_structures WHERE exercice = 2016 AND scope = '53'") == 0 {
		t.Fatal("the good upload is not in the warehouse")
	}
	batches := f.count("SELECT count(*) FROM batches")
	resp, body = c.upload("53", 2016, c.csrf("/region/53"), map[string][]byte{"arml-53.bad.xlsx": mustRead(t, bad), "jeunes.csv": demoFiles(t)["jeunes.csv"][:2000]})
	text := html.UnescapeString(body)
	if resp.StatusCode != http.StatusOK || !strings.Contains(text, "Dépôt refusé : rien n'a été chargé") ||
		!strings.Contains(text, "Fichier arml-53.bad.xlsx, feuille « structures », ligne 3, colonne « nb_lieux_accueil » : « 3,5 » n'est pas un nombre entier ; classeur refusé.") {
		t.Errorf("bad upload: %d\n%s", resp.StatusCode, body)
	}
	if f.count("SELECT count(*) FROM raw_jeunes WHERE exercice = 2016 AND scope = '53'") != youths || f.count("SELECT count(*) FROM batches") != batches {
		t.Error("a refused upload changed the warehouse")
	}
	_, page := c.get("/region/53")
	sums := f.count("SELECT count(DISTINCT sha256) FROM depots_fichiers")
	if sums != 6 || !strings.Contains(page, "chargé") || !strings.Contains(page, "refusé") || strings.Count(page, `<a href="/region/53/depots/`) != 2 {
		t.Errorf("history: %d distinct files, page:\n%s", sums, page)
	}
	// The blank template of the region.
	resp, _ = c.get("/region/53/modele?exercice=2016")
	if resp.StatusCode != http.StatusOK || !strings.Contains(resp.Header.Get("Content-Disposition"), "arml-53-2016.xlsx") {
		t.Errorf("template: %d %s", resp.StatusCode, resp.Header.Get("Content-Disposition"))
	}
	// No pack before the DMML publishes; then the region downloads it.
	if resp, body := c.get("/region/53/bilan/pdf?exercice=2016"); resp.StatusCode != http.StatusNotFound || !strings.Contains(body, "pas encore été publié") {
		t.Errorf("pack before publication: %d", resp.StatusCode)
	}
	d := f.client().signIn("dmml")
	if resp, body := d.post("/dmml/publier", url.Values{"csrf": {d.csrf("/dmml?exercice=2016")}, "exercice": {"2016"}}); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("publish: %d\n%s", resp.StatusCode, body)
	}
	if _, body := d.get("/dmml?exercice=2016"); !strings.Contains(body, "Bretagne (53)") || !strings.Contains(body, "classeur ARML, événements, jeunes, mesures") {
		t.Errorf("DMML status page:\n%s", body)
	}
	resp, body = c.get("/region/53/bilan/pdf?exercice=2016")
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(body, "%PDF") {
		t.Errorf("regional pack: %d", resp.StatusCode)
	}
}

// An upload and its history row are one transaction: when the history cannot be written
// (here its table of files refuses every row), nothing of the upload is loaded and the
// sender is told so; the raw files are not kept either.
func TestUploadAndHistoryAtomic(t *testing.T) {
	f := newFixture(t, 10<<20)
	f.s.cfg.Retention = 30 * 24 * time.Hour
	for _, q := range []string{"DROP TABLE depots_fichiers",
		"CREATE TABLE depots_fichiers (depot INTEGER, nom VARCHAR, sha256 VARCHAR, octets BIGINT CHECK (octets < 0))"} {
		if _, err := f.w.Conn().ExecContext(context.Background(), q); err != nil {
			t.Fatal(err)
		}
	}
	c := f.client().signIn("arml53")
	resp, body := c.upload("53", 2016, c.csrf("/region/53"), demoFiles(t))
	if resp.StatusCode != http.StatusInternalServerError || !strings.Contains(html.UnescapeString(body), "rien n'a été chargé") {
		t.Errorf("upload whose history fails: %d\n%s", resp.StatusCode, body)
	}
	for _, table := range []string{"raw_jeunes", "raw_evenements", "raw_mesures", "raw_arml_structures", "batches", "quarantine", "depots"} {
		if n := f.count("SELECT count(*) FROM " + table); n != 0 {
			t.Errorf("%s: %d rows after an upload whose history failed", table, n)
		}
	}
	if left := entries(t, filepath.Join(f.dir, "depots", "objets")); len(left) != 0 {
		t.Errorf("raw files kept for an upload not recorded: %v", left)
	}
}

// TestConcurrentUploads is the bounded load test: 50 concurrent sendings of distinct
// valid workbooks (one per exercice) end up, each once, in the history and the warehouse.
func TestConcurrentUploads(t *testing.T) {
	f := newFixture(t, 10<<20)
	const n = 50
	books := make([][]byte, n)
	for i := range books {
		tpl, err := pipeline.RegionTemplate(context.Background(), f.w, 2000+i, "53")
		if err != nil {
			t.Fatal(err)
		}
		tpl.Fill = &arml.Answers{Structures: map[string]map[string]any{"35238S00": {"nb_lieux_accueil": i + 1}}}
		var buf bytes.Buffer
		if err := armlxlsx.Write(&buf, tpl); err != nil {
			t.Fatal(err)
		}
		books[i] = buf.Bytes()
	}
	c := f.client().signIn("arml53")
	token := c.csrf("/region/53")
	var wg sync.WaitGroup
	failures := make(chan string, n)
	start := time.Now()
	for i := range books {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			resp, body := c.upload("53", 2000+i, token, map[string][]byte{fmt.Sprintf("arml-53-%d.xlsx", 2000+i): books[i]})
			if resp.StatusCode != http.StatusOK || !strings.Contains(body, "Dépôt chargé") {
				failures <- fmt.Sprintf("upload %d: %d", i, resp.StatusCode)
			}
		}(i)
	}
	wg.Wait()
	elapsed := time.Since(start)
	close(failures)
	for msg := range failures {
		t.Error(msg)
	}
	t.Logf("load test: %d concurrent uploads in %.2f s (%.1f uploads/s), %d failures", n, elapsed.Seconds(), n/elapsed.Seconds(), len(failures))
	if got := f.count("SELECT count(*) FROM depots WHERE statut = 'charge'"); got != n {
		t.Errorf("%d uploads in the history, want %d", got, n)
	}
	if got := f.count("SELECT count(DISTINCT sha256) FROM depots_fichiers"); got != n {
		t.Errorf("%d distinct files stored, want %d", got, n)
	}
	if got := f.count("SELECT count(*) FROM batches WHERE kind = 'classeur' AND scope = '53'"); got != n {
		t.Errorf("%d workbooks in the warehouse, want %d", got, n)
	}
	if got := f.count("SELECT count(DISTINCT exercice || '-' || nb_lieux_accueil) FROM raw_arml_structures WHERE nb_lieux_accueil = exercice - 1999"); got != n {
		t.Errorf("%d exercices hold their own workbook's figure, want %d", got, n)
	}
}

func mustRead(t *testing.T, p string) []byte {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// testWriter writes the service's log into the test's.
type testWriter struct{ t *testing.T }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimSpace(string(p)))
	return len(p), nil
}

// TestPagesBesideAWriter: while a writer holds the warehouse (an upload being loaded, a
// publication), the pages of every region, the upload report and the blank workbook are
// served all the same. Before, one lock covered them all and they waited.
func TestPagesBesideAWriter(t *testing.T) {
	f := newFixture(t, 10<<20)
	bretagne, corse := f.client().signIn("arml53"), f.client().signIn("arml94")
	resp, _ := bretagne.upload("53", 2016, bretagne.csrf("/region/53"), demoFiles(t))
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("upload: %d", resp.StatusCode)
	}
	f.s.mu.Lock() // the writer
	defer f.s.mu.Unlock()
	done := make(chan string, 4)
	go func() {
		for _, p := range []struct {
			c    *client
			path string
		}{{corse, "/region/94"}, {bretagne, "/region/53"}, {bretagne, "/region/53/depots/1"}, {bretagne, "/region/53/modele?exercice=2016"}} {
			resp, _ := p.c.get(p.path)
			done <- fmt.Sprintf("%s %d", p.path, resp.StatusCode)
		}
	}()
	for i := 0; i < 4; i++ {
		select {
		case got := <-done:
			if !strings.HasSuffix(got, " 200") {
				t.Errorf("beside a writer: %s", got)
			}
		case <-time.After(20 * time.Second):
			t.Fatal("a page waits for the writer")
		}
	}
}

func entries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	return out
}

// The form is checked before anything is kept: too many files, or files before the
// exercice, are refused and leave nothing behind.
func TestUploadFormFirst(t *testing.T) {
	f := newFixture(t, 10<<20)
	f.s.cfg.MaxFiles = 3
	c := f.client().signIn("arml53")
	many := map[string][]byte{}
	for i := 0; i < 4; i++ {
		many[fmt.Sprintf("f%d.csv", i)] = []byte("a;b\n")
	}
	resp, body := c.upload("53", 2016, c.csrf("/region/53"), many)
	if resp.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(body, "Trop de fichiers : 3 au plus par dépôt.") {
		t.Errorf("4 files, 3 allowed: %d", resp.StatusCode)
	}
	// Files before the exercice.
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	mw.WriteField("csrf", c.csrf("/region/53"))
	fw, _ := mw.CreateFormFile("fichiers", "jeunes.csv")
	fw.Write([]byte("a;b\n"))
	mw.WriteField("exercice", "2016")
	mw.Close()
	req, _ := http.NewRequest(http.MethodPost, f.srv.URL+"/region/53/depots", &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	r2, err := c.http.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	r2.Body.Close()
	if r2.StatusCode != http.StatusBadRequest {
		t.Errorf("files before the exercice: %d", r2.StatusCode)
	}
	if n := f.count("SELECT count(*) FROM depots"); n != 0 {
		t.Errorf("%d uploads recorded", n)
	}
	if left := append(entries(t, filepath.Join(f.dir, "depots", "tmp")), entries(t, filepath.Join(f.dir, "depots", "objets"))...); len(left) != 0 {
		t.Errorf("left behind: %v", left)
	}
}

// A crash leaves scratch folders behind: the next upload does not trip on them, and the
// next start removes them, with the raw files no upload references.
func TestLeftoversOfACrash(t *testing.T) {
	f := newFixture(t, 10<<20)
	tmp := filepath.Join(f.dir, "depots", "tmp")
	for _, d := range []string{"lot-1", "lot-2", "depot-123"} {
		os.MkdirAll(filepath.Join(tmp, d), 0o700)
	}
	c := f.client().signIn("arml53")
	if resp, body := c.upload("53", 2016, c.csrf("/region/53"), demoFiles(t)); resp.StatusCode != http.StatusOK || !strings.Contains(body, "Dépôt chargé") {
		t.Fatalf("upload beside leftovers: %d", resp.StatusCode)
	}
	stray := filepath.Join(f.dir, "depots", "objets", strings.Repeat("ab", 32))
	os.WriteFile(stray, []byte("x"), 0o600)
	if _, err := New(context.Background(), f.s.cfg); err != nil {
		t.Fatal(err)
	}
	if left := entries(t, tmp); len(left) != 0 {
		t.Errorf("scratch folders after a restart: %v", left)
	}
	if _, err := os.Stat(stray); !os.IsNotExist(err) {
		t.Errorf("a raw file no upload references survived the restart")
	}
}

// Raw files (personal columns included) are kept only as long as the setting says: by
// default not at all once the report is written; with 30 days, until then.
func TestRetention(t *testing.T) {
	f := newFixture(t, 10<<20)
	c := f.client().signIn("arml53")
	objects := filepath.Join(f.dir, "depots", "objets")
	if _, body := c.get("/region/53"); !strings.Contains(body, "effacés dès que le dépôt est chargé ou refusé") {
		t.Error("the upload page does not say what is kept")
	}
	c.upload("53", 2016, c.csrf("/region/53"), demoFiles(t))
	if left := entries(t, objects); len(left) != 0 || f.count("SELECT count(*) FROM depots_fichiers") != 4 {
		t.Errorf("kept after the report: %v", left)
	}
	f.s.cfg.Retention = 30 * 24 * time.Hour
	c.upload("53", 2016, c.csrf("/region/53"), demoFiles(t))
	if left := entries(t, objects); len(left) != 4 {
		t.Errorf("30 days of retention: %d raw files kept, want 4", len(left))
	}
	if _, body := c.get("/region/53"); !strings.Contains(body, "conservés 30 jours") {
		t.Error("the upload page does not say the retention")
	}
	if _, err := f.w.Conn().ExecContext(context.Background(), "UPDATE depots SET recu = recu - INTERVAL 31 DAY"); err != nil {
		t.Fatal(err)
	}
	if _, err := New(context.Background(), f.s.cfg); err != nil {
		t.Fatal(err)
	}
	if left := entries(t, objects); len(left) != 0 {
		t.Errorf("after the retention period: %v", left)
	}
}

// Names shown on the pages lose control and bidirectional characters.
func TestCleanName(t *testing.T) {
	for in, want := range map[string]string{
		"mesures\u202egpj.csv":       "mesuresgpj.csv",
		"C:\\extraits\\jeunes.csv":   "jeunes.csv",
		"../../etc/passwd":           "passwd",
		"jeu\u200bnes\u2066.csv\x00": "jeunes.csv",
		"événements\r\n.csv":         "événements.csv",
		"..":                         "fichier",
	} {
		if got := cleanName(in); got != want {
			t.Errorf("cleanName(%q) = %q, want %q", in, got, want)
		}
	}
}

// Every error is a DSFR page in French: unknown routes, folders of /static/ (no listing),
// refusals.
func TestErrorPages(t *testing.T) {
	f := newFixture(t, 1<<20)
	c := f.client()
	for path, want := range map[string]int{"/nulle-part": 404, "/static/": 404, "/static/dsfr/": 404, "/static/dsfr/absent.css": 404,
		"/region/53/depots/x/y": 404} {
		resp, body := c.get(path)
		if resp.StatusCode != want || !strings.Contains(body, `<html lang="fr"`) || !strings.Contains(body, "<title>Page introuvable – Bilan des missions locales</title>") ||
			!strings.Contains(body, "<h1>Page introuvable</h1>") || strings.Contains(body, "dsfr.min.css\">dsfr.min.css") {
			t.Errorf("%s: %d\n%.300s", path, resp.StatusCode, body)
		}
	}
	if resp, _ := c.get("/static/dsfr/dsfr.min.css"); resp.StatusCode != 200 {
		t.Errorf("the DSFR style sheet: %d", resp.StatusCode)
	}
	c.signIn("arml53")
	resp, body := c.get("/region/94")
	if resp.StatusCode != http.StatusForbidden || !strings.Contains(body, "<h1>Accès refusé</h1>") {
		t.Errorf("another region: %d\n%.300s", resp.StatusCode, body)
	}
}

// Rules and kinds of file read as French words, never as codes.
func TestFrenchLabels(t *testing.T) {
	f := newFixture(t, 10<<20)
	c := f.client().signIn("arml53")
	_, body := c.upload("53", 2016, c.csrf("/region/53"), map[string][]byte{"arml-53.bad.xlsx": mustRead(t, bad)})
	if !strings.Contains(body, "réponse non prévue") || strings.Contains(body, "reponse_invalide") {
		t.Errorf("the report shows rule codes:\n%s", body)
	}
	c.upload("53", 2016, c.csrf("/region/53"), demoFiles(t))
	_, body = f.client().signIn("dmml").get("/dmml?exercice=2016")
	if !strings.Contains(body, "événements") || strings.Contains(body, "evenements,") {
		t.Errorf("the DMML page shows kind codes:\n%s", body)
	}
}

// The history pages through every upload, 50 a page; publishing an exercice with no
// file loaded is refused in plain words.
func TestHistoryPagesAndEmptyPublish(t *testing.T) {
	f := newFixture(t, 10<<20)
	ctx := context.Background()
	for i := 1; i <= 120; i++ {
		if _, err := f.w.Conn().ExecContext(ctx, "INSERT INTO depots VALUES (?, 2016, '53', 'arml53', now(), 'refuse', '[]')", i); err != nil {
			t.Fatal(err)
		}
		if _, err := f.w.Conn().ExecContext(ctx, "INSERT INTO depots_fichiers VALUES (?, ?, 'ab', 1)", i, fmt.Sprintf("f%d.csv", i)); err != nil {
			t.Fatal(err)
		}
	}
	c := f.client().signIn("arml53")
	seen := map[string]bool{}
	for page := 1; page <= 3; page++ {
		_, body := c.get(fmt.Sprintf("/region/53?page=%d", page))
		for _, m := range regexp.MustCompile(`/region/53/depots/(\d+)"`).FindAllStringSubmatch(body, -1) {
			seen[m[1]] = true
		}
		if older := strings.Contains(body, `id="plus-anciens"`); older != (page < 3) {
			t.Errorf("page %d: link to older uploads %v", page, older)
		}
	}
	if len(seen) != 120 || !seen["1"] || !seen["120"] {
		t.Errorf("the history shows %d of 120 uploads", len(seen))
	}
	d := f.client().signIn("dmml")
	resp, body := d.post("/dmml/publier", url.Values{"csrf": {d.csrf("/dmml?exercice=2017")}, "exercice": {"2017"}})
	if resp.StatusCode != http.StatusBadRequest || !strings.Contains(body, "Aucun fichier n&#39;est chargé pour l&#39;exercice 2017") {
		t.Errorf("publishing an empty exercice: %d\n%.400s", resp.StatusCode, body)
	}
}

// TestLatencyDuringUpload measures (it asserts no time) how long Corse's region page takes
// while Bretagne sends a large upload: BILAN_LATENCE lists the files to send,
// comma-separated (e.g. the national fixture's jeunes.csv and mesures.csv, 188 MB).
//
//	BILAN_LATENCE=var/bench/national/2016/national/jeunes.csv,var/bench/national/2016/national/mesures.csv \
//	  go test -tags duckdb_arrow ./internal/serve -run TestLatencyDuringUpload -v
func TestLatencyDuringUpload(t *testing.T) {
	list := os.Getenv("BILAN_LATENCE")
	if list == "" {
		t.Skip("BILAN_LATENCE not set: a measurement, not a check")
	}
	f := newFixture(t, 1<<30)
	files := map[string][]byte{}
	total := 0
	for _, p := range strings.Split(list, ",") {
		b, err := os.ReadFile(filepath.Join("../..", p))
		if err != nil {
			t.Fatal(err)
		}
		files[filepath.Base(p)] = b
		total += len(b)
	}
	bretagne, corse := f.client().signIn("arml53"), f.client().signIn("arml94")
	done := make(chan struct{})
	start := time.Now()
	go func() {
		defer close(done)
		bretagne.upload("53", 2016, bretagne.csrf("/region/53"), files)
	}()
	var lat []time.Duration
	for running := true; running; {
		select {
		case <-done:
			running = false
		case <-time.After(50 * time.Millisecond):
			t0 := time.Now()
			if resp, _ := corse.get("/region/94"); resp.StatusCode != http.StatusOK {
				t.Errorf("region page: %d", resp.StatusCode)
			}
			lat = append(lat, time.Since(t0))
		}
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	if len(lat) == 0 {
		t.Fatal("no page read during the upload")
	}
	q := func(p float64) time.Duration { return lat[min(len(lat)-1, int(p*float64(len(lat))))] }
	t.Logf("upload of %d Mo in %.1f s; %d region pages meanwhile: p50 %v, p95 %v, max %v",
		total>>20, time.Since(start).Seconds(), len(lat), q(0.5).Round(time.Millisecond), q(0.95).Round(time.Millisecond), lat[len(lat)-1].Round(time.Millisecond))
}

// The reports the service stores never hold a personal value, whatever the shape of the
// files: personal columns first, a short row, free text with « ; » and line breaks, a
// file without its header, unparsable personal attributes.
func TestUploadReportHasNoPersonalData(t *testing.T) {
	f := newFixture(t, 10<<20)
	c := f.client().signIn("arml53")
	m := "zqxPII"
	files := map[string][]byte{
		"jeunes.csv": []byte("nom;prenom;id_jeune;code_structure;date_naissance;sexe;qpv;date_premier_accueil\n" +
			"Dupont" + m + ";Jean;J1;35238S00;15/06/1998;F;N;02/03/2016\n" +
			"Durand" + m + ";J2;35238S00;15/06/1998;F;N;02/03/2016\n" +
			"\"Martin;" + m + "\nsuite\";Luc;J3;35238S00;15/06/1998;F;N;02/03/2016\n" +
			"Petit;Lea;J4;35238S00;15/06/1998;" + m + ";" + m + ";31/02/" + m + "\n"),
		"mesures.csv": []byte("M1;J1;35238S00;PACEA;01/02/2016;;" + m + "@exemple.fr\n"),
	}
	_, body := c.upload("53", 2016, c.csrf("/region/53"), files)
	if strings.Contains(body, m) {
		t.Error("the report page shows a personal value")
	}
	if n := f.count("SELECT count(*) FROM depots WHERE contains(rapport, ?)", m); n != 0 || f.count("SELECT count(*) FROM depots") != 1 {
		t.Errorf("%d stored reports hold a personal value", n)
	}
	if strings.Contains(f.logs.String(), m) {
		t.Error("the service's log holds a personal value")
	}
}

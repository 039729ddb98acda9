package serve

import (
	"bufio"
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"fmt"
	"net/http"
	"os"
	"strings"
	"sync"
	"time"

	"golang.org/x/crypto/bcrypt"
)

// Account is one user of the service: an ARML (one region) or the DMML (every region).
type Account struct {
	ID     string
	Region string // "" for a DMML account
	hash   []byte // bcrypt
}

// DMML tells whether the account sees every region.
func (a *Account) DMML() bool { return a.Region == "" }

// Allowed tells whether the account may see and send the files of a region.
func (a *Account) Allowed(region string) bool { return a.DMML() || a.Region == region }

// LoadAccounts reads the accounts file: one « identifiant;périmètre;empreinte » line per
// account, périmètre a region code or DMML, empreinte a bcrypt hash (see `bilan compte`);
// # starts a comment.
func LoadAccounts(path string) (map[string]*Account, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("fichier des comptes « %s » illisible", path)
	}
	defer f.Close()
	out := map[string]*Account{}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		parts := strings.Split(line, ";")
		if len(parts) != 3 || parts[0] == "" {
			return nil, fmt.Errorf("%s, ligne %d : attendu « identifiant;région ou DMML;empreinte »", path, n)
		}
		a := &Account{ID: parts[0], Region: parts[1], hash: []byte(parts[2])}
		if strings.EqualFold(a.Region, "DMML") {
			a.Region = ""
		}
		if _, err := bcrypt.Cost(a.hash); err != nil {
			return nil, fmt.Errorf("%s, ligne %d : l'empreinte du compte « %s » n'est pas une empreinte bcrypt", path, n, a.ID)
		}
		if out[a.ID] != nil {
			return nil, fmt.Errorf("%s, ligne %d : compte « %s » déjà défini", path, n, a.ID)
		}
		out[a.ID] = a
	}
	return out, sc.Err()
}

// AccountLine is the line of the accounts file for an account and its password.
func AccountLine(id, scope, password string) (string, error) {
	h, err := bcrypt.GenerateFromPassword([]byte(password), bcrypt.DefaultCost)
	if err != nil {
		return "", err
	}
	return id + ";" + scope + ";" + string(h), nil
}

// dummyHash makes a sign-in with an unknown identifier cost as much as a wrong password.
var dummyHash, _ = bcrypt.GenerateFromPassword([]byte("compte inconnu"), bcrypt.MinCost)

// session is a signed-in user, or an anonymous visitor (for the CSRF token of the
// sign-in form).
type session struct {
	account *Account // nil before sign-in
	csrf    string
	expires time.Time
}

const (
	sessionCookie = "bilan_session"
	sessionLife   = 8 * time.Hour
)

// sessions are kept in memory: a restart signs everyone out.
type sessions struct {
	mu   sync.Mutex
	byID map[string]*session
}

func token() string {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		panic(err) // the system's random source failing is not recoverable
	}
	return hex.EncodeToString(b)
}

// get returns the request's session, creating an anonymous one (and its cookie) when
// there is none.
func (s *sessions) get(w http.ResponseWriter, r *http.Request) *session {
	s.mu.Lock()
	defer s.mu.Unlock()
	if c, err := r.Cookie(sessionCookie); err == nil {
		if ss, ok := s.byID[c.Value]; ok && time.Now().Before(ss.expires) {
			return ss
		}
	}
	return s.start(w, r, nil)
}

// start opens a new session (a new id at sign-in, so a session id planted before cannot
// be reused) and sets its cookie. s.mu must be held.
func (s *sessions) start(w http.ResponseWriter, r *http.Request, a *Account) *session {
	if len(s.byID) >= 10_000 { // visitors who never signed in: forget the expired ones
		for id, ss := range s.byID {
			if time.Now().After(ss.expires) {
				delete(s.byID, id)
			}
		}
	}
	id := token()
	ss := &session{account: a, csrf: token(), expires: time.Now().Add(sessionLife)}
	s.byID[id] = ss
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: id, Path: "/", HttpOnly: true,
		Secure: r.TLS != nil || r.Header.Get("X-Forwarded-Proto") == "https", SameSite: http.SameSiteStrictMode,
		MaxAge: int(sessionLife.Seconds())})
	return ss
}

func (s *sessions) signIn(w http.ResponseWriter, r *http.Request, a *Account) *session {
	s.mu.Lock()
	defer s.mu.Unlock()
	if c, err := r.Cookie(sessionCookie); err == nil {
		delete(s.byID, c.Value)
	}
	return s.start(w, r, a)
}

func (s *sessions) signOut(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if c, err := r.Cookie(sessionCookie); err == nil {
		delete(s.byID, c.Value)
	}
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: "", Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode, MaxAge: -1})
}

// validCSRF compares the form's token with the session's in constant time.
func (ss *session) validCSRF(got string) bool {
	return got != "" && subtle.ConstantTimeCompare([]byte(got), []byte(ss.csrf)) == 1
}

// limiter slows down password guessing: after maxFailures failed sign-ins for one
// identifier or from one address within window, sign-in is refused until the window
// has passed.
type limiter struct {
	mu       sync.Mutex
	failures map[string][]time.Time
}

const (
	maxFailures = 5
	window      = 15 * time.Minute
)

func (l *limiter) blocked(keys ...string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, k := range keys {
		if len(l.recent(k)) >= maxFailures {
			return true
		}
	}
	return false
}

func (l *limiter) fail(keys ...string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, k := range keys {
		l.failures[k] = append(l.recent(k), time.Now())
	}
}

// recent drops the failures older than the window; l.mu must be held.
func (l *limiter) recent(k string) []time.Time {
	var kept []time.Time
	for _, t := range l.failures[k] {
		if time.Since(t) < window {
			kept = append(kept, t)
		}
	}
	l.failures[k] = kept
	return kept
}

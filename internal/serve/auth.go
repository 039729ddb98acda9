package serve

import (
	"bufio"
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
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
		return nil, errAccountsUnreadable(path)
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
			return nil, errAccountLine(path, n)
		}
		a := &Account{ID: parts[0], Region: parts[1], hash: []byte(parts[2])}
		if strings.EqualFold(a.Region, "DMML") {
			a.Region = ""
		}
		if _, err := bcrypt.Cost(a.hash); err != nil {
			return nil, errAccountHash(path, n, a.ID)
		}
		if out[a.ID] != nil {
			return nil, errAccountTwice(path, n, a.ID)
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

// dummyHash is checked for an unknown identifier, at the cost of the accounts' hashes,
// so that the time of an answer does not tell whether an account exists.
func dummyHash(accounts map[string]*Account) []byte {
	cost := bcrypt.MinCost
	for _, a := range accounts {
		if c, err := bcrypt.Cost(a.hash); err == nil {
			cost = max(cost, c)
		}
	}
	if len(accounts) == 0 {
		cost = bcrypt.DefaultCost
	}
	h, _ := bcrypt.GenerateFromPassword([]byte("compte inconnu"), cost)
	return h
}

// session is a signed-in user, or an anonymous visitor (never stored: its form token, for
// the sign-in form, lives in a cookie of its own).
type session struct {
	account *Account // nil before sign-in
	csrf    string
	expires time.Time
}

const (
	sessionCookie = "bilan_session"
	formCookie    = "bilan_formulaire" // the form token of a visitor not signed in (double submit)
	sessionLife   = 8 * time.Hour
	maxSessions   = 10_000
)

// sessions are kept in memory (a restart signs everyone out); only signing in creates
// one, and there are at most max of them.
type sessions struct {
	mu   sync.Mutex
	byID map[string]*session
	max  int
}

func token() string {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		panic(err) // the system's random source failing is not recoverable
	}
	return hex.EncodeToString(b)
}

// get returns the request's session: a signed-in user's, or an anonymous visitor's, not
// stored, whose form token is read from (or set in) its cookie.
func (s *sessions) get(w http.ResponseWriter, r *http.Request, secure bool) *session {
	s.mu.Lock()
	defer s.mu.Unlock()
	if c, err := r.Cookie(sessionCookie); err == nil {
		if ss, ok := s.byID[c.Value]; ok && time.Now().Before(ss.expires) {
			return ss
		}
	}
	if c, err := r.Cookie(formCookie); err == nil && len(c.Value) == 64 {
		return &session{csrf: c.Value}
	}
	ss := &session{csrf: token()}
	http.SetCookie(w, &http.Cookie{Name: formCookie, Value: ss.csrf, Path: "/", HttpOnly: true, Secure: secure,
		SameSite: http.SameSiteStrictMode})
	return ss
}

// signIn opens a new session (a new id, so a session id planted before cannot be
// reused) and sets its cookie; when the table is full, the expired sessions go, then the
// oldest.
func (s *sessions) signIn(w http.ResponseWriter, r *http.Request, a *Account, secure bool) *session {
	s.mu.Lock()
	defer s.mu.Unlock()
	if c, err := r.Cookie(sessionCookie); err == nil {
		delete(s.byID, c.Value)
	}
	if len(s.byID) >= s.max {
		for id, ss := range s.byID {
			if time.Now().After(ss.expires) {
				delete(s.byID, id)
			}
		}
	}
	for len(s.byID) >= s.max {
		oldest := ""
		for id, ss := range s.byID {
			if oldest == "" || ss.expires.Before(s.byID[oldest].expires) {
				oldest = id
			}
		}
		delete(s.byID, oldest)
	}
	id := token()
	ss := &session{account: a, csrf: token(), expires: time.Now().Add(sessionLife)}
	s.byID[id] = ss
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: id, Path: "/", HttpOnly: true, Secure: secure,
		SameSite: http.SameSiteStrictMode, MaxAge: int(sessionLife.Seconds())})
	return ss
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

// limiter slows password guessing without letting a stranger lock anyone out. Failures
// are counted per (identifier, address): after freeFailures, each new attempt of that
// pair must wait a delay that doubles with every failure (2 s, 4 s, 8 s… at most
// maxDelay), so the same password guessed from elsewhere, or another account from the same
// office, is not slowed. Only a flood — floodFailures failures from one address within
// window, whatever the identifiers — is refused for that address until the window passes.
type limiter struct {
	mu    sync.Mutex
	now   func() time.Time
	pairs map[string]*failures // by pairKey(identifier, address)
	addrs map[string]*failures
}

type failures struct {
	n     int
	first time.Time // of the current window
	last  time.Time
}

const (
	freeFailures  = 3
	maxDelay      = 5 * time.Minute
	floodFailures = 100
	window        = 15 * time.Minute
	maxTracked    = 100_000 // pairs and addresses remembered at most
)

func newLimiter() limiter {
	return limiter{now: time.Now, pairs: map[string]*failures{}, addrs: map[string]*failures{}}
}

// wait is how long the pair must still wait before its next attempt (0: it may try now),
// and whether it is the address that floods.
func (l *limiter) wait(id, addr string) (time.Duration, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	if a := l.current(l.addrs, addr, now); a != nil && a.n >= floodFailures {
		return a.first.Add(window).Sub(now), true
	}
	p := l.current(l.pairs, pairKey(id, addr), now)
	if p == nil || p.n < freeFailures {
		return 0, false
	}
	delay := min(maxDelay, time.Duration(1<<min(p.n-freeFailures+1, 20))*time.Second)
	return max(0, p.last.Add(delay).Sub(now)), false
}

// fail records a failed attempt.
func (l *limiter) fail(id, addr string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	l.count(l.pairs, pairKey(id, addr), now)
	l.count(l.addrs, addr, now)
}

// count adds a failure to k's. l.mu must be held.
func (l *limiter) count(m map[string]*failures, k string, now time.Time) {
	f := l.current(m, k, now)
	if f == nil {
		if len(m) >= maxTracked {
			l.forget(m, now)
		}
		f = &failures{first: now}
		m[k] = f
	}
	f.n, f.last = f.n+1, now
}

func pairKey(id, addr string) string { return id + "\x00" + addr }

// succeed forgets the pair's failures.
func (l *limiter) succeed(id, addr string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.pairs, pairKey(id, addr))
}

// current is k's failures of the current window (nil when none). l.mu must be held.
func (l *limiter) current(m map[string]*failures, k string, now time.Time) *failures {
	f := m[k]
	if f != nil && now.Sub(f.last) > window && now.Sub(f.first) > window {
		delete(m, k)
		return nil
	}
	return f
}

// forget drops the entries whose window has passed, and if that is not enough the
// oldest half. l.mu must be held.
func (l *limiter) forget(m map[string]*failures, now time.Time) {
	for k, f := range m {
		if now.Sub(f.last) > window {
			delete(m, k)
		}
	}
	for k := range m { // map order: an arbitrary half
		if len(m) < maxTracked/2 {
			break
		}
		delete(m, k)
	}
}

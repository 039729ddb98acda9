// Package pseudo replaces the ids of young people and mentors by a keyed HMAC-SHA-256,
// so the warehouse can link rows without ever holding an I-milo id.
package pseudo

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"os"
	"path/filepath"
	"strings"
)

// MinKeyLen is the shortest key accepted, in bytes.
const MinKeyLen = 32

// ErrShortKey is returned for a key of fewer than MinKeyLen bytes.
var ErrShortKey = errors.New("pseudonymisation key shorter than 32 bytes")

// Source tells where the key comes from, in the order of precedence of extracts.md §3.1.
type Source struct {
	KeyFile    string // --key-file
	EnvKey     string // BILAN_CLE_PSEUDO, its UTF-8 bytes
	DefaultKey string // default key file, created on first use
}

// Load returns the key. created is true when the default key file was just written.
func (s Source) Load() (key []byte, created bool, err error) {
	switch {
	case s.KeyFile != "":
		key, err = os.ReadFile(s.KeyFile)
		if err != nil {
			return nil, false, fmt.Errorf("read key file: %w", err)
		}
	case s.EnvKey != "":
		key = []byte(s.EnvKey)
	default:
		key, err = os.ReadFile(s.DefaultKey)
		if errors.Is(err, os.ErrNotExist) {
			key = make([]byte, MinKeyLen)
			if _, err := rand.Read(key); err != nil {
				return nil, false, err
			}
			if err := os.MkdirAll(filepath.Dir(s.DefaultKey), 0o700); err != nil {
				return nil, false, err
			}
			if err := os.WriteFile(s.DefaultKey, key, 0o600); err != nil {
				return nil, false, fmt.Errorf("write key file: %w", err)
			}
			return key, true, nil
		}
		if err != nil {
			return nil, false, fmt.Errorf("read key file: %w", err)
		}
	}
	if len(key) < MinKeyLen {
		return nil, false, ErrShortKey
	}
	return key, false, nil
}

// Pseudonymiser hashes ids with one key. It is not safe for concurrent use.
type Pseudonymiser struct {
	mac hash.Hash
	// The last id and its pseudonym: an extract lists a youth's events or measures one
	// after the other, so most ids are the one just hashed.
	lastID, lastPseudonym string
}

// New returns a Pseudonymiser for key.
func New(key []byte) *Pseudonymiser {
	return &Pseudonymiser{mac: hmac.New(sha256.New, key)}
}

// ID returns the hex HMAC-SHA-256 of the trimmed id.
func (p *Pseudonymiser) ID(id string) string {
	if id == p.lastID && p.lastPseudonym != "" {
		return p.lastPseudonym
	}
	p.mac.Reset()
	p.mac.Write([]byte(strings.TrimSpace(id)))
	p.lastID, p.lastPseudonym = id, hex.EncodeToString(p.mac.Sum(nil))
	return p.lastPseudonym
}

package pseudo

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	def := filepath.Join(dir, "var", "cle")
	key, created, err := Source{DefaultKey: def}.Load()
	if err != nil || !created || len(key) != 32 {
		t.Fatalf("first load: %v created=%v len=%d", err, created, len(key))
	}
	if fi, _ := os.Stat(def); fi.Mode().Perm() != 0o600 {
		t.Errorf("key file mode %v", fi.Mode().Perm())
	}
	again, created, _ := Source{DefaultKey: def}.Load()
	if created || string(again) != string(key) {
		t.Errorf("second load must reuse the key")
	}
	if _, _, err := (Source{EnvKey: "court", DefaultKey: def}).Load(); !errors.Is(err, ErrShortKey) {
		t.Errorf("short key accepted: %v", err)
	}
}

func TestID(t *testing.T) {
	a := New([]byte("0123456789abcdef0123456789abcdef"))
	b := New([]byte("0123456789abcdef0123456789abcdeX"))
	if a.ID(" J1 ") != a.ID("J1") {
		t.Error("ids must be trimmed")
	}
	if a.ID("J1") == b.ID("J1") || a.ID("J1") == a.ID("J2") {
		t.Error("HMAC must depend on key and id")
	}
	if len(a.ID("J1")) != 64 {
		t.Error("hex SHA-256 expected")
	}
	// The same id twice in a row, then another, then back: each time its own pseudonym.
	fresh := func(id string) string { return New([]byte("0123456789abcdef0123456789abcdef")).ID(id) }
	for _, id := range []string{"J1", "J1", "J2", "J1", "", "J3", "J3"} {
		if got := a.ID(id); got != fresh(id) {
			t.Errorf("ID(%q) = %s, want %s", id, got, fresh(id))
		}
	}
}

package ingest

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// A killed ingest leaves its staging file and spills in TMPDIR: the next call removes
// those older than a day, and keeps a running call's files and anything else.
func TestSweepStale(t *testing.T) {
	dir := t.TempDir()
	now := time.Now()
	files := map[string]time.Duration{ // name → age
		"bilan-evenements-123.csv": 48 * time.Hour,
		"bilan-issues-456":         25 * time.Hour,
		"bilan-jeunes-789.csv":     time.Hour,
		"autre-jeunes-1.csv":       48 * time.Hour,
		"bilan.csv":                48 * time.Hour,
		"bilan-rapport-1.csv":      48 * time.Hour,
	}
	for name, age := range files {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, now.Add(-age), now.Add(-age)); err != nil {
			t.Fatal(err)
		}
	}
	sweepStale(dir, now)
	for name, age := range files {
		_, err := os.Stat(filepath.Join(dir, name))
		removed := os.IsNotExist(err)
		if want := age > staleAfter && name[:6] == "bilan-" && name != "bilan-rapport-1.csv"; removed != want {
			t.Errorf("%s (%v old): removed %v, want %v", name, age, removed, want)
		}
	}
}

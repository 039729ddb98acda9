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
	files := map[string]struct {
		age     time.Duration
		removed bool
	}{
		"bilan-evenements-123.csv": {48 * time.Hour, true},
		"bilan-issues-456":         {25 * time.Hour, true},
		"bilan-jeunes-789.csv":     {time.Hour, false}, // a call running beside
		"autre-jeunes-1.csv":       {48 * time.Hour, false},
		"bilan.csv":                {48 * time.Hour, false},
		"bilan-rapport-1.csv":      {48 * time.Hour, false}, // no kind of extract
	}
	for name, f := range files {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, now.Add(-f.age), now.Add(-f.age)); err != nil {
			t.Fatal(err)
		}
	}
	sweepStale(dir, now)
	for name, f := range files {
		_, err := os.Stat(filepath.Join(dir, name))
		if removed := os.IsNotExist(err); removed != f.removed {
			t.Errorf("%s (%v old): removed %v, want %v", name, f.age, removed, f.removed)
		}
	}
}

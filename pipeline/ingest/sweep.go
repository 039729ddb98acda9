package ingest

import (
	"os"
	"path/filepath"
	"time"
)

// The temporary files of a call, named for os.CreateTemp (whose "*" is also a pattern
// for filepath.Glob): a kind's staging file and a file's spill.
func stagingPattern(k Kind) string { return "bilan-" + string(k) + "-*.csv" }

const spillPattern = "bilan-issues-*"

// staleAfter is the age past which a temporary file of ingest is one a killed process left
// behind: no call stages or spills for that long.
const staleAfter = 24 * time.Hour

// sweepStale removes from dir the staging files and spills (pseudonymised rows, issues)
// that a process killed during a call left there, once older than staleAfter; files of a
// call running beside are younger, and kept.
func sweepStale(dir string, now time.Time) {
	patterns := []string{spillPattern}
	for _, k := range Kinds {
		patterns = append(patterns, stagingPattern(k))
	}
	for _, pattern := range patterns {
		paths, _ := filepath.Glob(filepath.Join(dir, pattern))
		for _, p := range paths {
			if fi, err := os.Lstat(p); err == nil && fi.Mode().IsRegular() && now.Sub(fi.ModTime()) > staleAfter {
				os.Remove(p)
			}
		}
	}
}

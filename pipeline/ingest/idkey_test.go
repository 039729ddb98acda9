package ingest

import "testing"

// Duplicates are found whether the ids come in increasing order or not, with the line of
// the first occurrence.
func TestIDSet(t *testing.T) {
	s := newIDSet()
	for _, c := range []struct {
		id    string
		line  int
		first int
	}{
		{"E02", 2, 0},
		{"E05", 3, 0},
		{"E09", 4, 0},
		{"E05", 5, 3},  // a duplicate of the increasing run
		{"E03", 6, 0},  // out of order, new
		{"E03", 7, 6},  // a duplicate of an id out of order
		{"E09", 8, 4},  // the last of the run
		{"E10", 9, 0},  // the run goes on
		{"E01", 10, 0}, // before every id
		{"E10", 11, 9},
		{"E01", 12, 10},
	} {
		if got := s.add(c.id, c.line); got != c.first {
			t.Errorf("line %d, %s: first seen on %d, want %d", c.line, c.id, got, c.first)
		}
	}
}

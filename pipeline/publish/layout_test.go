package publish

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	sqlfiles "bilan/sql"
)

// Every indicator of sql/indicators is a column of a table of the reports, or says why
// none shows it: an indicator added without its "section" header fails here (and in
// sqlfiles, which refuses the file), one naming no table of the reports fails here.
func TestEveryIndicatorIsPlaced(t *testing.T) {
	inds, err := sqlfiles.Indicators()
	if err != nil {
		t.Fatal(err)
	}
	l, err := newLayout(inds)
	if err != nil {
		t.Fatal(err)
	}
	shown := map[string]bool{}
	for _, ids := range l.columns {
		for _, id := range ids {
			shown[id] = true
		}
	}
	for _, ind := range inds {
		if !shown[ind.ID] && ind.Unplaced == "" {
			t.Errorf("%s: in no table of the reports, and no reason given (header « section: %s, <reason> »)", ind.ID, sqlfiles.Unplaced)
		}
	}
	for _, s := range sheets() {
		if len(l.columns[s]) == 0 {
			t.Errorf("table %q: no indicator names it", s)
		}
	}
	if len(l.headline) == 0 {
		t.Error("no headline indicator")
	}
}

func TestNewLayout(t *testing.T) {
	ind := func(id, section string, rank int, headline bool) sqlfiles.Indicator {
		return sqlfiles.Indicator{ID: id, Section: section, Rank: rank, Headline: headline, Short: strings.ToLower(id)}
	}
	for _, tc := range []struct {
		name string
		inds []sqlfiles.Indicator
		want layout
		err  string
	}{
		{"by rank, headline in the order of the tables", []sqlfiles.Indicator{
			ind("B", "Réseau", 2, false), ind("C", "Jeunes", 1, true), ind("A", "Réseau", 1, true),
			{ID: "D", Unplaced: "pour les analystes"},
		}, layout{
			columns:  map[string][]string{"Réseau": {"A", "B"}, "Jeunes": {"C"}},
			short:    map[string]string{"A": "a", "B": "b", "C": "c"},
			headline: []string{"A", "C"},
		}, ""},
		{"unknown table", []sqlfiles.Indicator{ind("A", "Réseaux", 1, false)}, layout{}, `section "Réseaux" is no table`},
		{"same rank", []sqlfiles.Indicator{ind("A", "Jeunes", 1, false), ind("B", "Jeunes", 1, false)}, layout{}, "both at rank 1"},
		{"no section", []sqlfiles.Indicator{{ID: "A"}}, layout{}, "no section"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := newLayout(tc.inds)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("error %v, want one with %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, got, cmp.AllowUnexported(layout{})); diff != "" {
				t.Errorf("layout (-want +got):\n%s", diff)
			}
		})
	}
}

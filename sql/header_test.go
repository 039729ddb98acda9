package sqlfiles

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

type placement struct {
	Section  string
	Rank     int
	Unplaced string
	Short    string
	Headline bool
}

// The placement headers: a file without "section" is refused, so that a new indicator
// cannot miss the reports unnoticed.
func TestParsePlacement(t *testing.T) {
	const head = "-- id: JEU_X\n-- title: Jeunes x\n-- definition: d\n-- source: s\n-- unit: jeunes\n-- coverage: extraits\n"
	for _, tc := range []struct {
		name, header string
		want         placement
		err          string // part of the error, "" when none
	}{
		{"placed", "-- section: Jeunes, 7\n-- short: X\n-- headline: yes\n", placement{Section: "Jeunes", Rank: 7, Short: "X", Headline: true}, ""},
		{"left out", "-- section: aucune, suivi réservé aux analystes\n", placement{Unplaced: "suivi réservé aux analystes"}, ""},
		{"no section", "-- short: X\n", placement{}, `header field "section" missing`},
		{"no rank", "-- section: Jeunes\n", placement{}, "want « <sheet>, <rank> »"},
		{"rank 0", "-- section: Jeunes, 0\n", placement{}, "not a whole number from 1"},
		{"rank text", "-- section: Jeunes, deux\n", placement{}, "not a whole number from 1"},
		{"left out without reason", "-- section: aucune,\n", placement{}, "want « <sheet>, <rank> »"},
		{"headline left out", "-- section: aucune, r\n-- headline: yes\n", placement{}, "no headline"},
		{"headline value", "-- section: Jeunes, 1\n-- headline: oui\n", placement{}, "the only value is yes"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := parseHeader("jeu_x", head+tc.header+"SELECT 1\n")
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("error %v, want one with %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			g := placement{got.Section, got.Rank, got.Unplaced, got.Short, got.Headline}
			if diff := cmp.Diff(tc.want, g); diff != "" {
				t.Errorf("placement (-want +got):\n%s", diff)
			}
		})
	}
}

package publish

import (
	"io/fs"
	"regexp"
	"testing"

	"github.com/google/go-cmp/cmp"

	sqlfiles "bilan/sql"
)

// The profile tables have a column for every modalité of their dimension, in the order of
// ref_modalites (a modalité left out would leave its youths out of a line that claims to
// add up to « Ensemble »), and break down youth counts only.
func TestProfileColumns(t *testing.T) {
	text, err := fs.ReadFile(sqlfiles.FS, "normalise/ref_modalites.sql")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{}
	for _, m := range regexp.MustCompile(`\(\d+, '(\w+)', '[^']*', \d+, '(\w+)', '[^']*'\)`).FindAllStringSubmatch(string(text), -1) {
		want[m[1]] = append(want[m[1]], m[2])
	}
	if len(want) < 6 {
		t.Fatalf("ref_modalites read as %v", want)
	}
	for _, d := range profileDims {
		var got []string
		for _, c := range d.columns {
			got = append(got, c.modalite)
		}
		if diff := cmp.Diff(want[d.dimension], got); diff != "" {
			t.Errorf("%s: columns (-ref_modalites +profile table):\n%s", d.dimension, diff)
		}
	}
	for _, a := range ages {
		if !contains(want["age"], a.code) {
			t.Errorf("pyramid band %s is no age of ref_modalites", a.code)
		}
	}
	inds, err := sqlfiles.Indicators()
	if err != nil {
		t.Fatal(err)
	}
	broken := map[string]bool{}
	for _, ind := range inds {
		broken[ind.ID] = ind.Ventilated
	}
	for _, p := range profileCounts {
		if !broken[p.id] {
			t.Errorf("%s is no youth count broken down", p.id)
		}
	}
}

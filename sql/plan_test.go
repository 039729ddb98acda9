package sqlfiles

import (
	"slices"
	"strings"
	"testing"
)

func names(views []View) []string {
	var out []string
	for _, v := range views {
		out = append(out, v.Name)
	}
	return out
}

// A view that reads another through a macro names it on its "-- reads:" header, and comes
// after it; without the header nothing shows the read.
func TestOrderThroughMacro(t *testing.T) {
	jeunes := newView("stg_jeunes", "SELECT 1 AS id")
	through := newView("jeu_x", "-- reads: stg_jeunes\nSELECT count(*) FROM lot_jeunes(2016)")
	if !slices.Equal(through.Reads, []string{"stg_jeunes"}) {
		t.Fatalf("reads header: %v", through.Reads)
	}
	order, err := Order([]View{through, jeunes})
	if err != nil || !slices.Equal(names(order), []string{"stg_jeunes", "jeu_x"}) {
		t.Errorf("order %v, %v", names(order), err)
	}
	blind := newView("jeu_x", "SELECT count(*) FROM lot_jeunes(2016)")
	if order, err := Order([]View{blind, jeunes}); err != nil || !slices.Equal(names(order), []string{"jeu_x", "stg_jeunes"}) {
		t.Errorf("without the header: order %v, %v", names(order), err)
	}
}

// A cycle, an unknown view on a reads header and a header reading its own view are
// errors that name the view.
func TestOrderErrors(t *testing.T) {
	for _, c := range []struct {
		views []View
		want  string
	}{
		{[]View{newView("a", "SELECT * FROM b"), newView("b", "-- reads: c\nSELECT * FROM m()"), newView("c", "SELECT * FROM x JOIN a USING (k)")},
			"views read each other in a cycle: a → b → c → a"},
		{[]View{newView("a", "-- reads: stg_inconnue\nSELECT 1")}, `view a: its header reads "stg_inconnue", which is no view`},
		{[]View{newView("a", "-- reads: a\nSELECT 1")}, "view a: its header reads itself"},
	} {
		_, err := Order(c.views)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%v: error %v, want %q", names(c.views), err, c.want)
		}
	}
}

// The SQL set is ordered: every view after the views it reads.
func TestOrderOfTheSet(t *testing.T) {
	views, err := Views()
	if err != nil {
		t.Fatal(err)
	}
	inds, err := Indicators()
	if err != nil {
		t.Fatal(err)
	}
	for _, ind := range inds {
		views = append(views, ind.View)
	}
	order, err := Order(views)
	if err != nil {
		t.Fatal(err)
	}
	if len(order) != len(views) {
		t.Fatalf("%d views ordered of %d", len(order), len(views))
	}
	reads, _ := Reads(views)
	at := map[string]int{}
	for i, v := range order {
		at[v.Name] = i
	}
	for v, rs := range reads {
		for _, r := range rs {
			if at[r] > at[v] {
				t.Errorf("%s comes before %s, which it reads", v, r)
			}
		}
	}
}

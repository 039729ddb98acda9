package attack

import (
	"fmt"
	"strings"
	"testing"

	sqlfiles "bilan/sql"
)

var defs = map[string]Def{
	"JEU_ACCUEILLIS": {Class: "effectif", Unit: "jeunes"},
	"FIN_TOTAL":      {Class: "montant", Unit: "euros"},
	"FIN_PAR_JEUNE": {Class: "rapport", Unit: "euros", Rounding: 1,
		Num: []sqlfiles.Term{{Sign: 1, Kind: "restricted", ID: "FIN_TOTAL"}},
		Den: []sqlfiles.Term{{Sign: 1, Kind: "restricted", ID: "JEU_ACCUEILLIS"}}},
	"EMP_IMMERSIONS": {Class: "effectif", Unit: "mesures"},
}

var region = map[string]string{"97101S00": "01", "97801S00": "01", "35238S00": "53", "2A004S00": "94"}

func num(ex int, id, level, code string, v float64) Fact {
	return Fact{Cell: Cell{ex, id, level, code, false}, Value: v}
}

func masked(ex int, id, level, code string) Fact {
	return Fact{Cell: Cell{ex, id, level, code, false}, Masked: true}
}

func na(ex int, id, level, code string) Fact {
	return Fact{Cell: Cell{ex, id, level, code, false}, NA: true}
}

// The first attack of issue 14: Guadeloupe's funding per youth (950 €) over the funding of
// Les Abymes (67 484,66 €, Saint-Martin gave none) pins the youths received at Les Abymes
// to 71, hence Saint-Martin's 4 out of 75.
func TestRatioAttack(t *testing.T) {
	facts := []Fact{
		num(2016, "JEU_ACCUEILLIS", "region", "01", 75), masked(2016, "JEU_ACCUEILLIS", "ml", "97101S00"), masked(2016, "JEU_ACCUEILLIS", "ml", "97801S00"),
		num(2016, "FIN_TOTAL", "region", "01", 67484.66), num(2016, "FIN_TOTAL", "ml", "97101S00", 67484.66), na(2016, "FIN_TOTAL", "ml", "97801S00"),
		num(2016, "FIN_PAR_JEUNE", "region", "01", 950), masked(2016, "FIN_PAR_JEUNE", "ml", "97101S00"), na(2016, "FIN_PAR_JEUNE", "ml", "97801S00"),
	}
	r := Attack(facts, Knowledge{Defs: defs, Region: region, Threshold: 11})
	got := r.Masked[Cell{2016, "JEU_ACCUEILLIS", "ml", "97801S00", false}]
	if !got.Pinned() || got.Lo != 4 {
		t.Errorf("Saint-Martin's youths received: %v, want 4", got)
	}
	// Without the ratio, 0 to 75.
	r = Attack(facts[:6], Knowledge{Defs: defs, Region: region, Threshold: 11})
	if got := r.Masked[Cell{2016, "JEU_ACCUEILLIS", "ml", "97801S00", false}]; got.Pinned() || got.Hi != 75 {
		t.Errorf("without the ratio: %v, want 0 to 75", got)
	}
}

// The third attack: France's 2015 immersions minus those of the other regions, each
// published in its own pack, give Guadeloupe's.
func TestSumAcrossPacks(t *testing.T) {
	facts := []Fact{
		num(2015, "EMP_IMMERSIONS", "national", "FR", 161), num(2015, "EMP_IMMERSIONS", "region", "53", 132),
		num(2015, "EMP_IMMERSIONS", "region", "94", 28), masked(2015, "EMP_IMMERSIONS", "region", "01"),
	}
	r := Attack(facts, Knowledge{Defs: defs, Region: region, Threshold: 11})
	if len(r.Recovered) != 1 || r.Masked[r.Recovered[0]].Lo != 1 {
		t.Errorf("recovered %v (%v), want Guadeloupe's 1", r.Recovered, r.Masked)
	}
}

// An evolution beside a published N pins a masked N−1 when numbers are small.
func TestEvolutionAttack(t *testing.T) {
	facts := []Fact{num(2016, "EMP_IMMERSIONS", "region", "94", 28), masked(2015, "EMP_IMMERSIONS", "region", "94"),
		{Cell: Cell{2016, "EMP_IMMERSIONS", "region", "94", true}, Value: 250}}
	r := Attack(facts, Knowledge{Defs: defs, Region: region, Threshold: 11})
	if got := r.Masked[Cell{2015, "EMP_IMMERSIONS", "region", "94", false}]; !got.Pinned() || got.Lo != 8 {
		t.Errorf("Corse 2015: %v, want 8 (28 = 8 × 3,5)", got)
	}
}

// The sheets as the packs lay them out: a table by territory with an indicator over 2016,
// 2015 and its change (in % for a count, in points for a percentage, stored as points), a
// series « Évolution » by exercice, the data of a chart of several series (a masked point
// left empty).
func TestReadGroupedSheets(t *testing.T) {
	k := Knowledge{Defs: map[string]Def{"JEU_CONTACT": {Class: "effectif", Unit: "jeunes"}, "PCT": {Class: "part", Unit: "%"}}}
	lg := Legend{Titles: map[string]string{"Jeunes en contact": "JEU_CONTACT", "Femmes": "PCT"},
		Places: map[string]Place{"Bretagne": {"region", "53"}, "France": {"national", "FR"}}}
	read := func(sheet string, scope Place, rows ...[]string) string {
		var out []string
		for _, f := range readSheet(append([][]string{{"Titre"}, {"Source"}}, rows...), sheet, "w", scope, lg, 2016, k) {
			out = append(out, fmt.Sprintf("%d %s %s %s %v: %.4g %v", f.Cell.Exercice, f.Cell.Indicator, f.Cell.Level, f.Cell.Code, f.Cell.Change, f.Value, f.Masked))
		}
		return strings.Join(out, "\n")
	}
	for _, c := range []struct{ got, want string }{
		{read("Jeunes", Place{"region", "53"},
			[]string{"Région", "Jeunes en contact – 2016", "Jeunes en contact – 2015", "Jeunes en contact – Évol. (%)", "Femmes – 2016", "Femmes – 2015", "Femmes – Évol. (points)"},
			[]string{"Bretagne", "913", "900", "0.014", "0.501", "[s]", "2.9"}),
			"2016 JEU_CONTACT region 53 false: 913 false\n2015 JEU_CONTACT region 53 false: 900 false\n2016 JEU_CONTACT region 53 true: 1.4 false\n" +
				"2016 PCT region 53 false: 50.1 false\n2015 PCT region 53 false: 0 true\n2016 PCT region 53 true: 2.9 false"},
		{read("Évolution", Place{"national", "FR"}, []string{"Indicateur", "2015", "2016"}, []string{"Jeunes en contact", "1222", "1240"}),
			"2015 JEU_CONTACT national FR false: 1222 false\n2016 JEU_CONTACT national FR false: 1240 false"},
		{read("Graphique 1", Place{"region", "53"}, []string{"Exercice", "Femmes", "Jeunes en contact"}, []string{"2015", "0.3", "1222"}, []string{"2016", "", "1240"}),
			"2015 PCT region 53 false: 30 false\n2015 JEU_CONTACT region 53 false: 1222 false\n2016 JEU_CONTACT region 53 false: 1240 false"},
	} {
		if c.got != c.want {
			t.Errorf("read:\n%s\nwant:\n%s", c.got, c.want)
		}
	}
}

// A change in points beside the printed share of the other exercice gives the masked one:
// 54,4 % of the women among 2016's first receptions, +10,0 points on 2015, whose 44,4 % of
// at most 10 (the region's 2015 first receptions) can only be 4 of 9.
func TestChangeInPointsAttack(t *testing.T) {
	d := map[string]Def{
		"PA": {Class: "effectif", Unit: "jeunes"},
		"F": {Class: "part", Unit: "%", Rounding: 0.1, Num: []sqlfiles.Term{{Sign: 1, Kind: "own"}},
			Den: []sqlfiles.Term{{Sign: 1, Kind: "part", ID: "PA"}}},
	}
	facts := []Fact{num(2015, "PA", "region", "94", 10), num(2016, "F", "region", "94", 54.4), masked(2015, "F", "region", "94"),
		{Cell: Cell{2016, "F", "region", "94", true}, Value: 10}}
	r := Attack(facts, Knowledge{Defs: d, Region: region, Threshold: 11})
	women := Cell{2015, "F#num", "region", "94", false}
	if v, ok := r.Values[women]; !ok || v != 4 {
		t.Errorf("hidden %v (%v), want 2015's 4 women", r.Hidden, r.Values)
	}
	// Without the change, nothing.
	if r := Attack(facts[:3], Knowledge{Defs: d, Region: region, Threshold: 11}); len(r.Hidden) > 0 {
		t.Errorf("without the change: %v", r.Hidden)
	}
}

package attack

import (
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

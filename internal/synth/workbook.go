package synth

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"

	"bilan/internal/arml"
	"bilan/internal/arml/armlxlsx"
	sqlfiles "bilan/sql"
)

// funders are the fin_* columns of the sheet « structures », with the share of each in
// a structure's funding (State ≈ 49 %, public 2016-2017 figures).
var funders = []struct {
	column string
	share  float64
}{{"fin_etat", 0.49}, {"fin_region", 0.18}, {"fin_departements", 0.07}, {"fin_communes", 0.14}, {"fin_fse", 0.04}, {"fin_autres", 0.08}}

// pnaeStatuses are the statuses an ARML may report.
var pnaeStatuses = []string{"NON_DEMARREE", "EN_COURS", "REALISEE"}

// buildWorkbook plants the ARML workbook of a demo region: structure data for every
// mission locale but one (left "not given"), one ML giving only part of its funding, the
// seed's survey answers when the region has an ARML (the DMML fills the overseas
// regions' workbooks without the survey), question 8 for some MLs, and the PNAE
// follow-up with some actions left empty.
// Staff and funding follow the youths of each mission locale in the batch b (≈ 550 € per
// youth, as the network's ≈ 655 M€ for ≈ 1.2 M youths received).
func buildWorkbook(r *ref, b batch) *arml.Answers {
	exercice, region := b.exercice, b.region
	youths := map[string]int{}
	for _, y := range b.youths {
		youths[y.ml]++
	}
	rng := rand.New(rand.NewPCG(uint64(exercice)*31, uint64(region[0])*7+uint64(region[1])))
	a := &arml.Answers{Structures: map[string]map[string]any{}, Strategies: map[string]map[string]any{}, Actions: map[int]map[string]any{}}
	mls := r.mls(region)
	for i, ml := range mls {
		if i == 1 { // a mission locale that sent nothing
			continue
		}
		staff := 1 + youths[ml]/80 + rng.IntN(3)
		row := map[string]any{
			"nb_lieux_accueil": 1 + rng.IntN(9), "nb_salaries": staff,
			"etp":                     float64(staff*85+rng.IntN(20)) / 100,
			"nb_referents_entreprise": rng.IntN(4),
			"reseau_parrainage":       rng.IntN(4) > 0,
		}
		if row["reseau_parrainage"] == true {
			row["nb_parrains"] = 3 + rng.IntN(40)
		} else {
			row["nb_parrains"] = 0
		}
		cents := int64(youths[ml]+10) * (45_000 + int64(rng.IntN(20_000))) // ≈ 550 € per youth
		for k, f := range funders {
			if i == 2 && k > 0 { // gave its State funding only
				break
			}
			row[f.column] = float64(int64(math.Round(float64(cents)*f.share))) / 100
		}
		a.Structures[ml] = row
		if i%3 == 0 {
			a.Strategies[ml] = map[string]any{"strategie_numerique": i%2 == 0}
		}
	}
	if s, ok := Survey2018[region]; ok {
		a.Survey = s
	}
	if a.Survey != nil { // the seed has no FTE figure: a synthetic one, so NUM_ETP is exercised
		a.Survey = clone(a.Survey)
		a.Survey["q7_etp"] = float64(5+rng.IntN(20)) / 10
	}
	for action := 1; action <= len(sqlfiles.Actions()); action++ {
		role := []string{"CONCERNEE", "CONCERNEE", "CONCERNEE", "NON_CONCERNEE"}[rng.IntN(4)]
		for _, reg := range arml.Referents[action] {
			if reg == region {
				role = "REFERENTE" // pre-filled by the template: always given
			}
		}
		if role != "REFERENTE" && rng.IntN(6) == 0 {
			continue // left empty: not given
		}
		a.Actions[action] = map[string]any{"role": role, "statut": pnaeStatuses[rng.IntN(3)]}
	}
	return a
}

// writeWorkbook writes a filled ARML workbook as arml-<region>-<exercice>.xlsx.
func writeWorkbook(dir string, r *ref, exercice int, region string, a *arml.Answers) error {
	t := arml.Template{Year: exercice, Region: region, RegionName: sqlfiles.RegionNames()[region], Fill: a,
		Date: fmt.Sprintf("%d-01-01T00:00:00Z", exercice+1)}
	for _, ml := range r.mls(region) {
		t.MLs = append(t.MLs, arml.ML{Code: ml, Name: r.byCode[ml].NomOfficiel})
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	f, err := os.Create(filepath.Join(dir, fmt.Sprintf("arml-%s-%d.xlsx", region, exercice)))
	if err != nil {
		return err
	}
	if err := armlxlsx.Write(f, t); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func clone(m map[string]any) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

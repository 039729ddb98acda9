package synth

import (
	"fmt"
	"math"

	"bilan/internal/arml"
	sqlfiles "bilan/sql"
)

// workbookIDs are the indicators read from ARML workbooks whose truth workbookTruth
// plants, with their unit: "n" count, "etp" one decimal, "eur" euros, "%" percentage.
var workbookIDs = map[string]string{
	"RES_LIEUX": "n", "RES_SALARIES": "n", "RES_ETP": "etp", "RES_REFERENTS_ENTREPRISE": "n",
	"PAR_PARRAINS": "n", "PAR_ML_RESEAU": "n", "PAR_ML_RESEAU_PCT": "%",
	"FIN_TOTAL": "eur", "FIN_PAR_JEUNE": "eur",
	"FIN_ETAT_PCT": "%", "FIN_REGION_PCT": "%", "FIN_DEPARTEMENTS_PCT": "%", "FIN_COMMUNES_PCT": "%", "FIN_FSE_PCT": "%", "FIN_AUTRES_PCT": "%",
}

// surveyIDs are the indicators of the survey (levels region and national).
var surveyIDs = map[string]string{
	"NUM_REPONDANTS": "n", "NUM_PLAN": "n", "NUM_PRESTATAIRES": "n", "NUM_APPEL_OFFRES": "n", "NUM_APPEL_OFFRES_EN_COURS": "n",
	"NUM_INTEROP": "n", "NUM_COUT_60": "eur", "NUM_COUT_61": "eur", "NUM_COUT_62": "eur", "NUM_COUT_TOTAL": "eur",
	"NUM_ETP": "etp", "NUM_ML_STRATEGIE": "n",
}

// sums accumulates a value per territory; a territory nothing was given for has none.
type sums map[[2]string]int64

func (s sums) add(r *ref, ml string, v int64) {
	for _, t := range r.territories(ml) {
		s[t] += v
	}
}

func (s sums) text(t [2]string, unit string) string {
	v, ok := s[t]
	if !ok {
		return ""
	}
	switch unit {
	case "etp": // v in hundredths, printed with one decimal, half away from zero
		return fmt.Sprintf("%d.%d", (v+5)/100, (v+5)/10%10)
	case "eur": // v in cents
		return fmt.Sprintf("%d.%02d", v/100, v%100)
	}
	return fmt.Sprint(v)
}

func cents(v any) (int64, bool) {
	switch v := v.(type) {
	case float64:
		return int64(math.Round(v * 100)), true
	case int:
		return int64(v) * 100, true
	}
	return 0, false
}

// workbookTruth adds to truth the families read from ARML workbooks (A but RES_ML, the
// mentoring networks of C, G, H and I), computed plainly from what the generator wrote:
// wbs by region; extracts tells which regions have extracts (for FIN_PAR_JEUNE, with
// the received youths of each mission locale).
func workbookTruth(r *ref, truth Truth, wbs map[string]*arml.Answers, extracts map[string]bool, accueillis counter) {
	s := map[string]sums{}
	get := func(id string) sums {
		if s[id] == nil {
			s[id] = sums{}
		}
		return s[id]
	}
	resML := sums{} // MLs of the regions with a workbook
	for region := range wbs {
		for _, ml := range r.mls(region) {
			resML.add(r, ml, 1)
		}
	}
	for region, a := range wbs {
		for _, ml := range r.mls(region) {
			row, ok := a.Structures[ml]
			if !ok {
				continue
			}
			for id, col := range map[string]string{"RES_LIEUX": "nb_lieux_accueil", "RES_SALARIES": "nb_salaries",
				"RES_REFERENTS_ENTREPRISE": "nb_referents_entreprise", "PAR_PARRAINS": "nb_parrains"} {
				if v, ok := row[col].(int); ok {
					get(id).add(r, ml, int64(v))
				}
			}
			if v, ok := cents(row["etp"]); ok {
				get("RES_ETP").add(r, ml, v)
			}
			if v, ok := row["reseau_parrainage"].(bool); ok {
				get("PAR_ML_RESEAU").add(r, ml, map[bool]int64{true: 1}[v])
			}
			total, funded := int64(0), false
			for _, f := range funders {
				if v, ok := cents(row[f.column]); ok {
					total, funded = total+v, true
				}
			}
			if !funded {
				continue
			}
			get("FIN_TOTAL").add(r, ml, total)
			for _, f := range funders {
				v, _ := cents(row[f.column])
				get(f.column).add(r, ml, v)
			}
			if extracts[region] {
				get("fin_extraits").add(r, ml, total)
				get("accueillis").add(r, ml, int64(len(accueillis[[2]string{"ml", ml}])))
			}
		}
	}
	for _, st := range r.rows {
		if r.technical(st.Code) {
			continue
		}
		for _, t := range r.territories(st.Code) {
			for id, unit := range workbookIDs {
				k := key(id, t[0], t[1])
				switch {
				case id == "PAR_ML_RESEAU_PCT":
					truth[k] = ""
					if n, ok := s["PAR_ML_RESEAU"][t]; ok {
						truth[k] = pctText(int(n), int(resML[t]))
					}
				case id == "FIN_PAR_JEUNE":
					truth[k] = ""
					if n, den := s["fin_extraits"][t], s["accueillis"][t]; den > 0 {
						truth[k] = fmt.Sprintf("%d.00", (n+50*den)/(100*den))
					}
				case unit == "%":
					column := "fin_" + map[string]string{"FIN_ETAT_PCT": "etat", "FIN_REGION_PCT": "region",
						"FIN_DEPARTEMENTS_PCT": "departements", "FIN_COMMUNES_PCT": "communes", "FIN_FSE_PCT": "fse", "FIN_AUTRES_PCT": "autres"}[id]
					truth[k] = pctText(int(s[column][t]), int(s["FIN_TOTAL"][t]))
				default:
					truth[k] = get(id).text(t, unit)
				}
			}
		}
	}
	surveyTruth(r, truth, wbs)
}

// surveyTruth adds families G and H, at region and national level.
func surveyTruth(r *ref, truth Truth, wbs map[string]*arml.Answers) {
	s := map[string]sums{}
	add := func(id, region string, v int64) {
		if s[id] == nil {
			s[id] = sums{}
		}
		s[id][[2]string{"region", region}] += v
		s[id][[2]string{"national", "FR"}] += v
	}
	yes := func(v, want any) int64 {
		if v == want {
			return 1
		}
		return 0
	}
	for region, a := range wbs {
		q := a.Survey
		for _, id := range []string{"NUM_REPONDANTS", "NUM_PLAN", "NUM_PRESTATAIRES", "NUM_APPEL_OFFRES", "NUM_APPEL_OFFRES_EN_COURS", "NUM_INTEROP", "NUM_ML_STRATEGIE"} {
			add(id, region, 0)
		}
		for _, ml := range r.mls(region) {
			add("NUM_ML_STRATEGIE", region, yes(a.Strategies[ml]["strategie_numerique"], true))
		}
		for action := 1; action <= len(sqlfiles.Actions()); action++ {
			role, statut := a.Actions[action]["role"], a.Actions[action]["statut"]
			for _, m := range []string{"REFERENTE", "CONCERNEE", "NON_DEMARREE", "EN_COURS", "REALISEE"} {
				n := yes(role, m)
				if role == "REFERENTE" || role == "CONCERNEE" {
					n += yes(statut, m)
				}
				add(fmt.Sprintf("PNAE_A%02d_%s", action, m), region, n)
			}
		}
		if q == nil {
			continue
		}
		add("NUM_REPONDANTS", region, 1)
		add("NUM_PLAN", region, yes(q["q1_plan_action"], "OUI"))
		add("NUM_PRESTATAIRES", region, yes(q["q2_prestataires"], "OUI"))
		add("NUM_APPEL_OFFRES", region, yes(q["q3_appel_offres"], "OUI"))
		add("NUM_APPEL_OFFRES_EN_COURS", region, yes(q["q3_appel_offres"], "EN_COURS"))
		add("NUM_INTEROP", region, yes(q["q5_interop_imilo"], "OUI"))
		split, splitGiven := int64(0), false
		for _, n := range []string{"60", "61", "62"} {
			if v, ok := cents(q["q6_cout_compte_"+n]); ok {
				add("NUM_COUT_"+n, region, v)
				split, splitGiven = split+v, true
			}
		}
		if v, ok := cents(q["q6_cout_total"]); ok {
			add("NUM_COUT_TOTAL", region, v)
		} else if splitGiven {
			add("NUM_COUT_TOTAL", region, split)
		}
		if v, ok := cents(q["q7_etp"]); ok {
			add("NUM_ETP", region, v)
		}
	}
	territories := [][2]string{{"national", "FR"}}
	for _, reg := range regionOrder(r) {
		territories = append(territories, [2]string{"region", reg})
	}
	ids := map[string]string{}
	for id, unit := range surveyIDs {
		ids[id] = unit
	}
	for action := 1; action <= len(sqlfiles.Actions()); action++ {
		for _, m := range []string{"REFERENTE", "CONCERNEE", "NON_DEMARREE", "EN_COURS", "REALISEE"} {
			ids[fmt.Sprintf("PNAE_A%02d_%s", action, m)] = "n"
		}
	}
	for _, t := range territories {
		for id, unit := range ids {
			truth[key(id, t[0], t[1])] = s[id].text(t, unit)
		}
	}
}

// regionOrder lists the regions of the non-technical structures.
func regionOrder(r *ref) []string {
	seen := map[string]bool{}
	var out []string
	for _, st := range r.rows {
		if reg := r.region(st.Code); !r.technical(st.Code) && !seen[reg] {
			seen[reg] = true
			out = append(out, reg)
		}
	}
	return out
}

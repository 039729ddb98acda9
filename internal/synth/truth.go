package synth

import (
	"fmt"

	"bilan/internal/arml"
	"sort"
	"strings"
	"time"
)

// Truth is the value the engine must find for every (indicator, level, territory), in
// the text form of indicateurs.csv ("" for an empty value).
type Truth map[string]string

func key(ind, niveau, code string) string { return ind + ";" + niveau + ";" + code }

// TruthIDs are the indicators the generator plants and knows the value of.
var TruthIDs = []string{"RES_ML", "JEU_CONTACT", "JEU_ACCUEILLIS", "JEU_ACCUEILLIS_EI", "JEU_PREMIER_ACCUEIL",
	"JEU_JDI", "JEU_ENTRETIENS", "JEU_PA_FEMMES_PCT", "JEU_PA_MINEURS_PCT", "JEU_PA_SANS_BAC_PCT",
	"JEU_PA_INFRA_V_PCT", "JEU_PA_QPV_PCT", "JEU_PA_ZRR_PCT",
	"EMP_IMMERSIONS", "EMP_IMMERSIONS_JEUNES", "EMP_IMMERSIONS_EVOL_PCT", "EMP_ENTREPRISES", "EMP_ENTREES_EMPLOI",
	"EMP_ENTREES_ALTERNANCE", "EMP_SITUATION_PRO", "EMP_SITUATION_PRO_PCT", "PAR_JEUNES", "PAR_ENTREES",
	"DIS_PACEA_ENTREES", "DIS_PACEA_EN_COURS", "DIS_GJ_ENTREES", "DIS_GJ_EN_COURS", "DIS_CEJ_ENTREES", "DIS_CEJ_EN_COURS",
	"FOR_ENTREES_FORMATION", "FOR_CEP", "FOR_CPF", "FOR_ILLETTRISME", "SOC_JUSTICE",
	"RES_LIEUX", "RES_SALARIES", "RES_ETP", "RES_REFERENTS_ENTREPRISE", "PAR_PARRAINS", "PAR_ML_RESEAU", "PAR_ML_RESEAU_PCT",
	"FIN_TOTAL", "FIN_PAR_JEUNE", "FIN_ETAT_PCT", "FIN_REGION_PCT", "FIN_DEPARTEMENTS_PCT", "FIN_COMMUNES_PCT", "FIN_FSE_PCT", "FIN_AUTRES_PCT",
	"NUM_REPONDANTS", "NUM_PLAN", "NUM_PRESTATAIRES", "NUM_APPEL_OFFRES", "NUM_APPEL_OFFRES_EN_COURS", "NUM_INTEROP",
	"NUM_COUT_60", "NUM_COUT_61", "NUM_COUT_62", "NUM_COUT_TOTAL", "NUM_ETP", "NUM_ML_STRATEGIE", "PNAE_*"}

// youthMeasures maps a youth-based measure indicator to its categories and period rule:
// "entree" (starts in Y), "active" (active during Y) or "en_cours" (running on 31/12/Y).
var youthMeasures = map[string]struct {
	cats []string
	rule string
}{
	"EMP_IMMERSIONS_JEUNES":  {[]string{"PMSMP"}, "entree"},
	"EMP_ENTREES_EMPLOI":     {[]string{"EMPLOI_CDI", "EMPLOI_CDD"}, "entree"},
	"EMP_ENTREES_ALTERNANCE": {[]string{"APPRENTISSAGE", "CONTRAT_PRO"}, "entree"},
	"EMP_SITUATION_PRO":      {[]string{"EMPLOI_CDI", "EMPLOI_CDD", "APPRENTISSAGE", "CONTRAT_PRO", "FORMATION", "SCOLARITE"}, "entree"},
	"PAR_JEUNES":             {[]string{"PARRAINAGE"}, "active"},
	"DIS_PACEA_ENTREES":      {[]string{"PACEA"}, "entree"},
	"DIS_PACEA_EN_COURS":     {[]string{"PACEA"}, "en_cours"},
	"DIS_GJ_ENTREES":         {[]string{"GARANTIE_JEUNES"}, "entree"},
	"DIS_GJ_EN_COURS":        {[]string{"GARANTIE_JEUNES"}, "en_cours"},
	"DIS_CEJ_ENTREES":        {[]string{"CEJ"}, "entree"},
	"DIS_CEJ_EN_COURS":       {[]string{"CEJ"}, "en_cours"},
	"FOR_ENTREES_FORMATION":  {[]string{"FORMATION"}, "entree"},
	"FOR_CEP":                {[]string{"CEP"}, "active"},
	"FOR_CPF":                {[]string{"CPF"}, "entree"},
	"FOR_ILLETTRISME":        {[]string{"REPERAGE_ILLETTRISME"}, "entree"},
	"SOC_JUSTICE":            {[]string{"JUSTICE"}, "active"},
}

var companyMeasures = map[string]bool{"PMSMP": true, "APPRENTISSAGE": true, "CONTRAT_PRO": true, "EMPLOI_CDI": true, "EMPLOI_CDD": true}

// territories returns the four territories (ml, departement, region, national) of a
// structure.
func (r *ref) territories(ml string) [4][2]string {
	return [4][2]string{{"ml", ml}, {"departement", r.byCode[ml].Departement}, {"region", r.region(ml)}, {"national", "FR"}}
}

// counter counts distinct members (or rows) per territory.
type counter map[[2]string]map[string]bool

func (c counter) add(r *ref, ml, member string) {
	for _, t := range r.territories(ml) {
		if c[t] == nil {
			c[t] = map[string]bool{}
		}
		c[t][member] = true
	}
}

// computeTruth is a plain, independent implementation of the definitions of
// indicators.md for what the generator planted, used as the oracle of the engine.
// previous is the truth of exercice−1 (nil when it was not generated), for evolutions;
// wbs are the ARML workbooks planted, by region.
func computeTruth(r *ref, exercice int, batches []batch, wbs map[string]*arml.Answers, previous Truth) Truth {
	covered := map[string]bool{"FR": true}
	for _, b := range batches {
		covered[b.region] = true
	}
	inY := func(t time.Time) bool { return t.Year() == exercice }
	entretien := map[string]bool{"ENTRETIEN_INDIVIDUEL": true, "INFORMATION_COLLECTIVE": true, "ATELIER": true}
	known := map[string]bool{"TELEPHONE": true, "EMAIL": true, "SMS": true, "COURRIER": true, "ENTRETIEN_PARTENAIRE": true,
		"VISITE": true, "MISE_EN_RELATION": true}
	for t := range entretien {
		known[t] = true
	}
	jdiFrom, jdiTo := day(exercice, 7, 31), day(exercice, 12, 31)

	counts := map[string]counter{}
	c := func(id string) counter {
		if counts[id] == nil {
			counts[id] = counter{}
		}
		return counts[id]
	}
	type share struct{ num, den counter }
	shares := map[string]*share{}
	s := func(id string) *share {
		if shares[id] == nil {
			shares[id] = &share{counter{}, counter{}}
		}
		return shares[id]
	}
	for _, b := range batches {
		valid := map[string]youth{}
		for _, y := range b.youths {
			if y.rejected || r.technical(y.ml) {
				continue
			}
			valid[y.id] = y
			if y.premierAccueil == nil || !inY(*y.premierAccueil) {
				continue
			}
			c("JEU_PREMIER_ACCUEIL").add(r, y.ml, y.id)
			flag := func(id string, known, counts bool) {
				if known {
					s(id).den.add(r, y.ml, y.id)
					if counts {
						s(id).num.add(r, y.ml, y.id)
					}
				}
			}
			flag("JEU_PA_FEMMES_PCT", y.sexe != "", y.sexe == "F")
			flag("JEU_PA_MINEURS_PCT", true, ageOn(y.birth, *y.premierAccueil) < 18)
			group := niveauGroup(y.niveau)
			flag("JEU_PA_SANS_BAC_PCT", group != "" && (group != "IV" || y.diplome != nil),
				group == "INFRA_V" || group == "V" || group == "IV" && y.diplome != nil && !*y.diplome)
			flag("JEU_PA_INFRA_V_PCT", group != "", group == "INFRA_V")
			flag("JEU_PA_QPV_PCT", y.qpv != nil, y.qpv != nil && *y.qpv)
			flag("JEU_PA_ZRR_PCT", y.zrr != nil, y.zrr != nil && *y.zrr)
		}
		for _, e := range b.events {
			y, ok := valid[e.youth]
			if e.rejected || !ok || r.technical(e.ml) || !known[e.typ] || !e.realised {
				continue
			}
			if inY(e.date) {
				c("JEU_CONTACT").add(r, y.ml, y.id)
				if entretien[e.typ] {
					c("JEU_ACCUEILLIS").add(r, y.ml, y.id)
				}
				if e.typ == "ENTRETIEN_INDIVIDUEL" {
					c("JEU_ACCUEILLIS_EI").add(r, y.ml, y.id)
					c("JEU_ENTRETIENS").add(r, e.ml, e.id)
				}
			}
			if entretien[e.typ] && e.date.After(jdiFrom) && !e.date.After(jdiTo) {
				c("JEU_JDI").add(r, y.ml, y.id)
			}
			if inY(e.date) && (e.typ == "MISE_EN_RELATION" || e.typ == "VISITE") && validSIRET(e.siret) {
				c("EMP_ENTREPRISES").add(r, e.ml, e.siret)
			}
		}
		first, last := day(exercice, 1, 1), day(exercice, 12, 31)
		for _, m := range b.measures {
			y, ok := valid[m.youth]
			if m.rejected || !ok || r.technical(m.ml) {
				continue
			}
			entry := inY(m.debut)
			active := !m.debut.After(last) && (m.fin == nil || !m.fin.Before(first))
			running := !m.debut.After(last) && (m.fin == nil || m.fin.After(last))
			for id, def := range youthMeasures {
				in := map[string]bool{"entree": entry, "active": active, "en_cours": running}[def.rule]
				for _, cat := range def.cats {
					if cat == m.categorie && in {
						c(id).add(r, y.ml, y.id)
					}
				}
			}
			if entry && m.categorie == "PMSMP" {
				c("EMP_IMMERSIONS").add(r, m.ml, m.id)
			}
			if entry && m.categorie == "PARRAINAGE" {
				c("PAR_ENTREES").add(r, m.ml, m.id)
			}
			if entry && companyMeasures[m.categorie] && validSIRET(m.siret) {
				c("EMP_ENTREPRISES").add(r, m.ml, m.siret)
			}
		}
	}

	truth := Truth{}
	for _, st := range r.rows {
		if r.technical(st.Code) {
			continue
		}
		c("RES_ML").add(r, st.Code, st.Code)
	}
	for _, st := range r.rows {
		if r.technical(st.Code) {
			continue
		}
		for _, t := range r.territories(st.Code) {
			region := r.region(st.Code)
			loaded := covered[region]
			for _, id := range TruthIDs {
				if workbookIDs[id] != "" || surveyIDs[id] != "" || id == "PNAE_*" {
					continue // workbookTruth
				}
				k := key(id, t[0], t[1])
				switch {
				case !loaded && id != "RES_ML":
					truth[k] = ""
					continue
				case id == "EMP_IMMERSIONS_EVOL_PCT":
					truth[k] = evolution(len(counts["EMP_IMMERSIONS"][t]), previous[key("EMP_IMMERSIONS", t[0], t[1])])
					continue
				case id == "EMP_SITUATION_PRO_PCT":
					truth[k] = pctText(len(counts["EMP_SITUATION_PRO"][t]), len(counts["JEU_ACCUEILLIS"][t]))
					continue
				}
				if sh, ok := shares[id]; ok || strings.HasSuffix(id, "_PCT") {
					if !loaded {
						truth[k] = ""
						continue
					}
					if !ok {
						sh = &share{counter{}, counter{}}
					}
					truth[k] = pctText(len(sh.num[t]), len(sh.den[t]))
					continue
				}
				if !loaded && id != "RES_ML" {
					truth[k] = ""
					continue
				}
				truth[k] = fmt.Sprint(len(counts[id][t]))
			}
		}
	}
	extracts := map[string]bool{}
	for _, b := range batches {
		extracts[b.region] = true
	}
	workbookTruth(r, truth, wbs, extracts, c("JEU_ACCUEILLIS"))
	return truth
}

func niveauGroup(n string) string {
	switch n {
	case "VI", "VBIS", "1", "2":
		return "INFRA_V"
	case "V", "3":
		return "V"
	case "IV", "4":
		return "IV"
	case "III", "5":
		return "III"
	case "II", "6":
		return "II"
	case "I", "7", "8":
		return "I"
	}
	return ""
}

func ageOn(birth, d time.Time) int {
	age := d.Year() - birth.Year()
	if d.Month() < birth.Month() || d.Month() == birth.Month() && d.Day() < birth.Day() {
		age--
	}
	return age
}

// pctText is num/den × 100 with one decimal, half away from zero; "" when den = 0.
func pctText(num, den int) string {
	if den == 0 {
		return ""
	}
	sign := ""
	if num < 0 {
		sign, num = "-", -num
	}
	tenths := (2000*num + den) / (2 * den)
	return fmt.Sprintf("%s%d.%d", sign, tenths/10, tenths%10)
}

// evolution is the change in % of cur on prev (prev as text); "" when prev is missing or 0.
func evolution(cur int, prev string) string {
	var p int
	if _, err := fmt.Sscan(prev, &p); err != nil || p == 0 {
		return ""
	}
	return pctText(cur-p, p)
}

// validSIRET is the SIRET rule of extracts.md §3.3, written again here on purpose: the
// generator is the independent oracle of the engine.
func validSIRET(s string) bool {
	if len(s) != 14 {
		return false
	}
	if strings.HasPrefix(s, "356000000") {
		sum := 0
		for _, c := range s {
			sum += int(c - '0')
		}
		return sum%5 == 0
	}
	return luhn(s)
}

// CSV writes the truth as indicateurs.csv rows, sorted like the engine's output.
func (t Truth) CSV(exercice int) string {
	order := map[string]int{"national": 0, "region": 1, "departement": 2, "ml": 3}
	keys := make([]string, 0, len(t))
	for k := range t {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := strings.Split(keys[i], ";"), strings.Split(keys[j], ";")
		if a[0] != b[0] {
			return a[0] < b[0]
		}
		if a[1] != b[1] {
			return order[a[1]] < order[b[1]]
		}
		return a[2] < b[2]
	})
	var sb strings.Builder
	sb.WriteString("exercice;indicateur;niveau;code;valeur\n")
	for _, k := range keys {
		fmt.Fprintf(&sb, "%d;%s;%s\n", exercice, k, t[k])
	}
	return sb.String()
}

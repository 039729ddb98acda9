package synth

import (
	"fmt"
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
	"JEU_PA_INFRA_V_PCT", "JEU_PA_QPV_PCT", "JEU_PA_ZRR_PCT"}

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
func computeTruth(r *ref, exercice int, batches []batch) Truth {
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
				k := key(id, t[0], t[1])
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
	tenths := (2000*num + den) / (2 * den)
	return fmt.Sprintf("%d.%d", tenths/10, tenths%10)
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

package synth

import (
	"fmt"
	"math/rand/v2"
	"time"
)

// DemoRegions are the regions of the demo fixture: Bretagne (17 missions locales over four
// départements), Corse (2A/2B) and Guadeloupe, whose Saint-Martin mission locale (region
// 10 in the referential) reports with it.
var DemoRegions = []string{"53", "94", "01"}

// youthsPerML is the size of each demo mission locale, but for those of mlSizes: two
// small ones so that statistical secrecy has counts under 11 to mask even for youths in
// contact, and a larger Les Abymes so that Guadeloupe's two planted rejections stay
// under the 2 % refusal threshold.
const youthsPerML = 70

var mlSizes = map[string]int{"56178S00": 8, "97801S00": 9, "97101S00": 120}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func ptr[T any](v T) *T { return &v }

// buildBatch generates one region's youths, events and measures for an exercice.
func buildBatch(r *ref, exercice int, region string) batch {
	rng := rand.New(rand.NewPCG(uint64(exercice), uint64(len(region))*7919+uint64(region[0])*31+uint64(region[1])))
	b := batch{exercice: exercice, region: region}
	mls := r.mls(region)
	n := 0
	newYouth := func(ml string) *youth {
		n++
		age := 16 + rng.IntN(10)
		birth := day(exercice-age, time.Month(1+rng.IntN(12)), 1+rng.IntN(28))
		y := youth{id: fmt.Sprintf("J%s-%d-%05d", region, exercice, n), ml: ml, birth: birth}
		y.birthText = birth.Format("02/01/2006")
		y.sexe = []string{"F", "H", "F", "H", ""}[rng.IntN(5)]
		y.niveau = []string{"VI", "VBIS", "V", "V", "IV", "IV", "IV", "III", "II", "I", "", "3", "2", "4"}[rng.IntN(14)]
		if y.niveau != "" && rng.IntN(6) > 0 {
			y.diplome = ptr(rng.IntN(2) == 0)
		}
		if rng.IntN(8) > 0 {
			y.qpv = ptr(rng.IntN(5) == 0)
		}
		if rng.IntN(8) > 0 {
			y.zrr = ptr(rng.IntN(6) == 0)
		}
		switch p := rng.IntN(10); {
		case p < 4: // first reception this exercice, sometimes as a minor
			y.premierAccueil = ptr(day(exercice, time.Month(1+rng.IntN(12)), 1+rng.IntN(28)))
		case p < 9:
			y.premierAccueil = ptr(day(exercice-1-rng.IntN(3), time.Month(1+rng.IntN(12)), 1+rng.IntN(28)))
		}
		b.youths = append(b.youths, y)
		return &b.youths[len(b.youths)-1]
	}
	for _, ml := range mls {
		size, small := mlSizes[ml]
		if !small {
			size = youthsPerML
		}
		for i := 0; i < size; i++ {
			newYouth(ml)
		}
	}
	// Planted cases the engine must handle.
	bad := newYouth(mls[0])
	bad.birthText, bad.rejected = fmt.Sprintf("31/02/%d", exercice-20), true // impossible date
	old := newYouth(mls[len(mls)-1])
	old.birth = day(exercice-31, 6, 15)
	old.birthText, old.rejected = old.birth.Format("02/01/2006"), true // 31 on 31/12: out of scope
	if region == "53" {
		newYouth("99999S00") // technical structures: warned, loaded, counted nowhere
		newYouth("65441S00")
	}

	ev := 0
	addEvent := func(y *youth, ml string, d time.Time, typ string, realised bool) *event {
		ev++
		e := event{id: fmt.Sprintf("E%s-%d-%06d", region, exercice, ev), youth: y.id, ml: ml, date: d,
			dateText: d.Format("2006-01-02"), typ: typ, realised: realised, rejected: y.rejected}
		if realised {
			e.statut = []string{"REALISE", "Réalisé", "realise", "PRESENT"}[rng.IntN(4)]
		} else {
			e.statut = []string{"ABSENT", "ANNULE", "PREVU", "REPORTE", ""}[rng.IntN(5)]
		}
		if typ == "MISE_EN_RELATION" || typ == "VISITE" {
			e.siret = siretFor(rng)
		}
		b.events = append(b.events, e)
		return &b.events[len(b.events)-1]
	}
	typesW := []string{"ENTRETIEN_INDIVIDUEL", "ENTRETIEN_INDIVIDUEL", "ENTRETIEN_INDIVIDUEL", "INFORMATION_COLLECTIVE",
		"ATELIER", "TELEPHONE", "EMAIL", "SMS", "COURRIER", "ENTRETIEN_PARTENAIRE", "VISITE", "MISE_EN_RELATION"}
	for i := range b.youths {
		y := &b.youths[i]
		k := rng.IntN(7)
		for j := 0; j < k; j++ {
			d := day(exercice, time.Month(1+rng.IntN(12)), 1+rng.IntN(28))
			if rng.IntN(10) == 0 {
				d = d.AddDate(-1, 0, 0) // history from the previous year
			}
			ml := y.ml
			if rng.IntN(15) == 0 { // recorded by another mission locale of the region
				ml = mls[rng.IntN(len(mls))]
			}
			addEvent(y, ml, d, typesW[rng.IntN(len(typesW))], rng.IntN(5) > 0)
		}
	}
	// JDI window boundaries: 31/07 is outside, 01/08 inside, 31/12 inside.
	y0, y1, y2 := &b.youths[0], &b.youths[1], &b.youths[2]
	addEvent(y0, y0.ml, day(exercice, 7, 31), "ENTRETIEN_INDIVIDUEL", true)
	addEvent(y1, y1.ml, day(exercice, 8, 1), "ATELIER", true)
	addEvent(y2, y2.ml, day(exercice, 12, 31), "INFORMATION_COLLECTIVE", true)
	unknownType := addEvent(&b.youths[3], b.youths[3].ml, day(exercice, 3, 3), "VISIO", true)
	_ = unknownType
	impossible := addEvent(&b.youths[4], b.youths[4].ml, day(exercice, 2, 1), "ENTRETIEN_INDIVIDUEL", true)
	impossible.dateText, impossible.rejected = fmt.Sprintf("%d-02-31", exercice), true
	ghost := addEvent(&youth{id: fmt.Sprintf("J%s-%d-INCONNU", region, exercice)}, mls[0], day(exercice, 5, 5), "ENTRETIEN_INDIVIDUEL", true)
	ghost.rejected = true
	dup := addEvent(&b.youths[5], b.youths[5].ml, day(exercice, 6, 6), "ENTRETIEN_INDIVIDUEL", true)
	dup.id, dup.rejected = b.events[0].id, true // duplicate id: only the first occurrence is kept

	mes := 0
	addMeasure := func(y *youth, ml, cat string, debut time.Time, fin *time.Time) *measure {
		mes++
		if cat == "PMSMP" && exercice%2 == 1 && ml == mls[0] {
			cat = "FORMATION" // no immersion in this mission locale on odd years: an evolution over 0
		}
		m := measure{id: fmt.Sprintf("M%s-%d-%06d", region, exercice, mes), youth: y.id, ml: ml, categorie: cat,
			debut: debut, fin: fin, rejected: y.rejected}
		switch cat {
		case "PMSMP", "APPRENTISSAGE", "CONTRAT_PRO", "EMPLOI_CDI", "EMPLOI_CDD":
			m.siret = siretFor(rng)
		case "PARRAINAGE":
			m.parrain = fmt.Sprintf("P%s-%03d", region, rng.IntN(40))
		}
		b.measures = append(b.measures, m)
		return &b.measures[len(b.measures)-1]
	}
	cats := []string{"PACEA", "PACEA", "GARANTIE_JEUNES", "CEJ", "PMSMP", "PMSMP", "PMSMP", "APPRENTISSAGE", "CONTRAT_PRO",
		"EMPLOI_CDI", "EMPLOI_CDD", "EMPLOI_CDD", "FORMATION", "SCOLARITE", "CEP", "CPF", "REPERAGE_ILLETTRISME", "JUSTICE",
		"PARRAINAGE"}
	for i := range b.youths {
		y := &b.youths[i]
		for j := rng.IntN(4); j > 0; j-- {
			cat := cats[rng.IntN(len(cats))]
			debut := day(exercice-rng.IntN(2), time.Month(1+rng.IntN(12)), 1+rng.IntN(28))
			var fin *time.Time
			if rng.IntN(3) > 0 {
				fin = ptr(debut.AddDate(0, 1+rng.IntN(14), 0))
			}
			ml := y.ml
			if rng.IntN(20) == 0 { // recorded by another mission locale of the region
				ml = mls[rng.IntN(len(mls))]
			}
			addMeasure(y, ml, cat, debut, fin)
		}
	}
	// Period boundaries: ending exactly on 01/01/Y, starting on 31/12/Y, ending on 31/12/Y,
	// and the same youth twice in one programme.
	m0, m1, m2 := &b.youths[6], &b.youths[7], &b.youths[8]
	addMeasure(m0, m0.ml, "PACEA", day(exercice-1, 3, 1), ptr(day(exercice, 1, 1)))
	addMeasure(m0, m0.ml, "JUSTICE", day(exercice-1, 3, 1), ptr(day(exercice, 1, 1)))
	addMeasure(m1, m1.ml, "GARANTIE_JEUNES", day(exercice, 12, 31), nil)
	addMeasure(m1, m1.ml, "PMSMP", day(exercice, 12, 31), ptr(day(exercice+1, 1, 5)))
	addMeasure(m2, m2.ml, "PACEA", day(exercice, 2, 1), ptr(day(exercice, 12, 31)))
	addMeasure(m2, m2.ml, "PACEA", day(exercice, 5, 1), nil)
	addMeasure(m2, m2.ml, "CEP", day(exercice-1, 12, 31), ptr(day(exercice, 1, 1)))
	late := addMeasure(m2, m2.ml, "FORMATION", day(exercice, 6, 1), ptr(day(exercice, 5, 1)))
	late.rejected = true // ends before it starts
	return b
}

// siretFor draws a SIRET: usually valid (Luhn), sometimes a La Poste one, sometimes invalid.
func siretFor(rng *rand.Rand) string {
	switch rng.IntN(20) {
	case 0:
		return "12345678901234" // invalid
	case 1:
		return "35600000000001" // La Poste: digit sum multiple of 5
	}
	d := make([]byte, 14)
	for i := 0; i < 13; i++ {
		d[i] = byte('0' + rng.IntN(10))
	}
	for c := byte('0'); c <= '9'; c++ {
		d[13] = c
		if luhn(string(d)) {
			break
		}
	}
	return string(d)
}

func luhn(s string) bool {
	sum := 0
	for i := 0; i < len(s); i++ {
		v := int(s[len(s)-1-i] - '0')
		if i%2 == 1 {
			v *= 2
			if v > 9 {
				v -= 9
			}
		}
		sum += v
	}
	return sum%10 == 0
}

package synth

import (
	"bufio"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"bilan/internal/arml"
	sqlfiles "bilan/sql"
)

// The national scale reproduces the seed's 2016 figures (indicators.md, last section) by
// construction: every headline count is a quota laid over the youths through a different
// permutation of their index, so it comes out exact, spread evenly over the missions
// locales. Nothing is planted wrong at this scale: it calibrates and measures.
const (
	nationalYouths = 1_500_000
	contact2016    = 1_370_000 // jeunes en contact
	accueillis     = 1_200_000 // reçus en entretien
	accueillisEI   = 1_192_000 // dont entretien individuel (2015: 1 198 000 of 1 206 000)
	jdi2016        = 737_000
	premierAccueil = 427_000
	immersions2016 = 141_000
	immersions2015 = 125_893 // 2016 is +12.0 % on it
	parraines      = 18_500
	entreprises    = 175_000
)

// Seed is one reference figure of the seed with the indicator that must give it back.
type Seed struct {
	ID     string
	Label  string
	Value  float64
	Points bool // a percentage: compared within ±1 point, else within ±1 %
}

// Seed2016 are the seed's 2016 figures for France (PNAE 2018-2020), as indicators.md lists them,
// then the network figures of the ARML workbooks (seed, annex 2 and public 2016-2017 figures).
var Seed2016 = []Seed{
	{"JEU_CONTACT", "jeunes en contact", 1_370_000, false},
	{"JEU_ACCUEILLIS", "jeunes reçus en entretien", 1_200_000, false},
	{"JEU_PREMIER_ACCUEIL", "premiers accueils", 427_000, false},
	{"JEU_JDI", "JDI au 31/12/2016", 737_000, false},
	{"JEU_PA_SANS_BAC_PCT", "sans le bac (premier accueil), %", 60, true},
	{"JEU_PA_INFRA_V_PCT", "niveau infra V (premier accueil), %", 33.3, true},
	{"EMP_IMMERSIONS", "immersions (PMSMP)", 141_000, false},
	{"EMP_IMMERSIONS_EVOL_PCT", "évolution des immersions sur 2015, %", 12, true},
	{"EMP_ENTREPRISES", "entreprises en contact", 175_000, false},
	{"PAR_JEUNES", "jeunes parrainés", 18_500, false},
	{"PAR_ML_RESEAU", "missions locales avec un réseau de parrainage", networkMLs, false},
	{"PAR_PARRAINS", "parrains actifs", mentors, false},
	{"RES_LIEUX", "lieux d'accueil (ICARE)", sites, false},
	{"RES_SALARIES", "salariés au 31/12 (ICARE)", staff, false},
	{"RES_REFERENTS_ENTREPRISE", "référents entreprise (ICARE)", referents, false},
	{"FIN_TOTAL", "financement total, euros (2016-2017)", fundingCents / 100, false},
	{"FIN_ETAT_PCT", "part de l'État dans le financement, %", 49, true},
	{"NUM_REPONDANTS", "ARML répondantes (enquête 2018)", 14, false},
	{"NUM_PLAN", "ARML avec une stratégie numérique", 6, false},
	{"NUM_PRESTATAIRES", "ARML ayant sollicité des prestataires", 6, false},
	{"NUM_APPEL_OFFRES", "ARML ayant lancé un appel d'offres", 2, false},
}

// regionWeights are rough shares of the network's youths by region (‰), so regional
// sizes look like the real network's.
var regionWeights = map[string]int{"11": 180, "84": 110, "32": 110, "76": 90, "75": 85, "93": 80, "44": 80,
	"52": 50, "28": 48, "53": 40, "27": 40, "24": 38, "94": 4, "01": 10, "02": 9, "03": 6, "04": 25, "06": 5}

// perm maps i to a permutation of [0, n) (mult must be coprime with n).
func perm(i, mult, n int) int { return int((uint64(i) * uint64(mult)) % uint64(n)) }

// quotas are the national counts scaled to a fraction of the network (1 = the seed's).
type quotas struct {
	youths, contact, accueillis, accueillisEI, jdi, premierAccueil, immersions, parraines, entreprises int
}

func scaled(fraction float64, exercice int) quotas {
	s := func(n int) int { return int(float64(n) * fraction) }
	immersions := immersions2016
	if exercice == 2015 {
		immersions = immersions2015
	}
	return quotas{s(nationalYouths), s(contact2016), s(accueillis), s(accueillisEI), s(jdi2016), s(premierAccueil),
		s(immersions), s(parraines), s(entreprises)}
}

// generateNational writes the national extracts of one exercice under dir, for a
// fraction of the network's size (1 for the seed's figures).
func generateNational(r *ref, exercice int, dir string, fraction float64) error {
	q := scaled(fraction, exercice)
	nationalYouths, contact2016, accueillis, accueillisEI, jdi2016, premierAccueil, parraines, entreprises :=
		q.youths, q.contact, q.accueillis, q.accueillisEI, q.jdi, q.premierAccueil, q.parraines, q.entreprises
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	// Missions locales with their quota of youths.
	var mls []string
	var quota []int
	total := 0
	for _, reg := range sortedKeys(regionWeights) {
		list := r.mls(reg)
		share := nationalYouths * regionWeights[reg] / 1000 / len(list)
		for _, ml := range list {
			mls = append(mls, ml)
			quota = append(quota, share)
			total += share
		}
	}
	quota[0] += nationalYouths - total // rounding goes to the first one
	cum := make([]int, len(quota))
	acc := 0
	for i, q := range quota {
		acc += q
		cum[i] = acc
	}
	mlOf := func(i int) string { // youths spread over the missions locales by a permutation
		p := perm(i, 104_729, nationalYouths)
		lo, hi := 0, len(cum)-1
		for lo < hi {
			mid := (lo + hi) / 2
			if p < cum[mid] {
				hi = mid
			} else {
				lo = mid + 1
			}
		}
		return mls[lo]
	}

	sirets := make([]string, entreprises)
	for k := range sirets {
		sirets[k] = luhnComplete(fmt.Sprintf("%09d%04d", 100_000_000+k*37, k%10_000))
	}
	nextSiret := 0
	siret := func() string { s := sirets[nextSiret%entreprises]; nextSiret++; return s }

	files := map[string]*bufio.Writer{}
	for _, name := range []string{"jeunes", "evenements", "mesures"} {
		f, err := os.Create(filepath.Join(dir, name+".csv"))
		if err != nil {
			return err
		}
		defer f.Close()
		files[name] = bufio.NewWriterSize(f, 1<<20)
	}
	jw, ew, mw := files["jeunes"], files["evenements"], files["mesures"]
	jw.WriteString("id_jeune;code_structure;date_naissance;sexe;niveau_formation;diplome_obtenu;qpv;zrr;date_premier_accueil;nom;prenom\n")
	ew.WriteString("id_evenement;id_jeune;code_structure;date_evenement;type_evenement;statut;siret;commentaire\n")
	mw.WriteString("id_mesure;id_jeune;code_structure;categorie;date_debut;date_fin;siret;id_parrain\n")

	immersions := q.immersions
	d := func(m time.Month, day int) string { return fmt.Sprintf("%02d/%02d/%d", day, m, exercice) }
	ev, mes, pa := 0, 0, 0
	for i := 0; i < nationalYouths; i++ {
		id := fmt.Sprintf("N%d-%07d", exercice, i)
		ml := mlOf(i)
		h := perm(i, 2_654_435_761, 1<<31) // a cheap spread for the small choices below
		age := 16 + h%10
		birth := fmt.Sprintf("%02d/%02d/%d", 1+h%28, 1+(h/7)%12, exercice-age)
		sexe := []string{"F", "H"}[h%2]
		niveau, diplome, accueil := "IV", "O", ""
		if pa2 := perm(i, 7_919, nationalYouths); pa2 < premierAccueil {
			accueil = d(time.Month(1+pa2%12), 1+pa2%28)
			switch k := pa % 1000; { // exact shares among first receptions
			case k < 333:
				niveau, diplome = []string{"VI", "VBIS", "1", "2"}[k%4], "N"
			case k < 500:
				niveau, diplome = "V", []string{"O", "N"}[k%2]
			case k < 600:
				niveau, diplome = "IV", "N"
			case k < 800:
				niveau, diplome = "IV", "O"
			default:
				niveau, diplome = []string{"III", "II", "I"}[k%3], "O"
			}
			pa++
		} else {
			accueil = fmt.Sprintf("%02d/%02d/%d", 1+h%28, 1+h%12, exercice-1-h%3)
		}
		fmt.Fprintf(jw, "%s;%s;%s;%s;%s;%s;%s;%s;%s;Nom%s%d;Prénom\n", id, ml, birth, sexe, niveau, diplome,
			[]string{"O", "N", "N", "N", "N"}[h%5], []string{"O", "N", "N", "N", "N", "N"}[h%6], accueil, PIIMarker, i)

		event := func(date, typ, statut, s string) {
			ev++
			// A free-text column (PII, dropped at ingest) as counsellors write it: every
			// eighth a quoted note over two lines, with the delimiter inside.
			comment := "RAS"
			if ev%8 == 0 {
				comment = fmt.Sprintf("\"Vu %s%d ; projet \"\"CAP\"\"\nà revoir\"", PIIMarker, ev)
			}
			fmt.Fprintf(ew, "E%d-%08d;%s;%s;%s;%s;%s;%s;%s\n", exercice, ev, id, ml, date, typ, statut, s, comment)
		}
		// The event that puts the youth in their class of the ladder contact ⊃ reçus ⊃ JDI.
		switch {
		case i < jdi2016:
			typ := "ENTRETIEN_INDIVIDUEL"
			if i >= accueillisEI && i < accueillis {
				typ = "ATELIER"
			}
			event(d(time.Month(8+h%5), 1+h%28), typ, "REALISE", "")
		case i < accueillis:
			typ := "ENTRETIEN_INDIVIDUEL"
			if i >= accueillisEI {
				typ = "ATELIER"
			}
			event(d(time.Month(1+h%7), 1+h%28), typ, "REALISE", "")
		case i < contact2016:
			event(d(time.Month(1+h%12), 1+h%28), "TELEPHONE", "REALISE", "")
		default:
			event(d(time.Month(1+h%12), 1+h%28), "ENTRETIEN_INDIVIDUEL", "ABSENT", "")
		}
		// Further events that change no class: realised ones only where the class allows.
		for k := 0; k < 5+h%4; k++ {
			date := d(time.Month(1+(h+k)%12), 1+(h+3*k)%28)
			spring := d(time.Month(1+(h+k)%7), 1+(h+3*k)%28) // before the JDI window
			switch {
			case i < jdi2016:
				event(date, []string{"ENTRETIEN_INDIVIDUEL", "SMS", "ATELIER", "TELEPHONE", "EMAIL"}[k%5], "REALISE", "")
			case i < accueillisEI:
				if k%2 == 0 {
					event(spring, []string{"ENTRETIEN_INDIVIDUEL", "INFORMATION_COLLECTIVE"}[k%4/2], "REALISE", "")
				} else {
					event(date, []string{"SMS", "TELEPHONE", "EMAIL"}[k%3], "REALISE", "")
				}
			case i < accueillis:
				if k%2 == 0 {
					event(spring, "ATELIER", "REALISE", "")
				} else {
					event(date, "TELEPHONE", "REALISE", "")
				}
			case i < contact2016:
				event(date, []string{"SMS", "EMAIL", "ATELIER"}[k%3], []string{"REALISE", "REALISE", "ABSENT"}[k%3], "")
			default:
				event(date, "ENTRETIEN_INDIVIDUEL", []string{"ABSENT", "ANNULE", "PREVU"}[k%3], "")
			}
		}
		if i < contact2016 && h%25 == 0 { // companies met through a realised introduction
			event(d(time.Month(1+h%12), 1+h%28), "MISE_EN_RELATION", "REALISE", siret())
		}

		measure := func(cat, debut, fin, s, parrain string) {
			mes++
			fmt.Fprintf(mw, "M%d-%08d;%s;%s;%s;%s;%s;%s;%s\n", exercice, mes, id, ml, cat, debut, fin, s, parrain)
		}
		if perm(i, 15_485_863, nationalYouths) < immersions {
			measure("PMSMP", d(time.Month(1+h%12), 1+h%28), "", siret(), "")
		}
		if perm(i, 32_452_843, nationalYouths) < parraines {
			measure("PARRAINAGE", fmt.Sprintf("01/%02d/%d", 1+h%12, exercice-h%2), "", "", fmt.Sprintf("P%05d", h%8_283))
		}
		switch h % 6 {
		case 0:
			measure("PACEA", d(time.Month(1+h%12), 1+h%28), "", "", "")
		case 1:
			measure("EMPLOI_CDD", d(time.Month(1+h%12), 1+h%28), d(12, 31), siret(), "")
		case 2:
			measure("FORMATION", d(time.Month(1+h%12), 1+h%28), "", "", "")
		case 3:
			if h%4 == 3 {
				measure("GARANTIE_JEUNES", d(time.Month(1+h%12), 1+h%28), "", "", "")
			}
		}
	}
	for _, w := range files {
		if err := w.Flush(); err != nil {
			return err
		}
	}
	return writeNationalWorkbooks(r, exercice, dir, fraction, mls, quota)
}

// Network figures of the ARML workbooks at national scale: the seed's 2016 mentoring
// figures (345 missions locales with a network, 8 283 mentors), the network's sites,
// staff and company referents ("un peu plus de 1 000": 1 010), and ≈ 655 M€ of operating
// funding of which ≈ 49 % from the State (public 2016-2017 figures, not from the seed).
const (
	networkMLs     = 345
	mentors        = 8_283
	sites          = 6_967
	staff          = 13_501
	referents      = 1_010
	fundingCents   = 65_500_000_000
	pnaeConcerned  = 3 // of every 4 ARMLs, per action
	overseasNoARML = "01 02 03 06"
)

// spread splits total into n integers summing exactly to total.
func spread(total, n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = total / n
		if i < total%n {
			out[i]++
		}
	}
	return out
}

// writeNationalWorkbooks writes one ARML workbook per region (the DMML fills those of the
// overseas regions without an ARML, without the survey), the network's totals laid
// over the missions locales exactly, the survey as in annex 2.
func writeNationalWorkbooks(r *ref, exercice int, dir string, fraction float64, mls []string, quota []int) error {
	s := func(n int) int { return int(float64(n) * fraction) }
	n := len(mls)
	siteOf, staffOf, mentorOf := spread(s(sites), n), spread(s(staff), n), spread(s(mentors), s(networkMLs))
	referentOf := spread(s(referents), n)
	weight := func(i int) int { return max(quota[i], 1) } // the first quota takes the rounding, whatever its sign
	totalYouths := 0
	for i := range quota {
		totalYouths += weight(i)
	}
	wbs := map[string]*arml.Answers{}
	network := 0
	for i, ml := range mls {
		reg := r.region(ml)
		if wbs[reg] == nil {
			wbs[reg] = &arml.Answers{Structures: map[string]map[string]any{}, Strategies: map[string]map[string]any{}, Actions: map[int]map[string]any{}}
		}
		row := map[string]any{"nb_lieux_accueil": siteOf[i], "nb_salaries": staffOf[i], "etp": float64(staffOf[i]*90) / 100,
			"nb_referents_entreprise": referentOf[i], "reseau_parrainage": false, "nb_parrains": 0}
		if perm(i, 7919, n) < s(networkMLs) {
			row["reseau_parrainage"], row["nb_parrains"] = true, mentorOf[network]
			network++
		}
		cents := int64(float64(fundingCents) * fraction * float64(weight(i)) / float64(totalYouths))
		left := cents
		for k, f := range funders {
			v := int64(math.Round(float64(cents) * f.share))
			if k == len(funders)-1 {
				v = left
			}
			left -= v
			row[f.column] = float64(v) / 100
		}
		wbs[reg].Structures[ml] = row
		if i%5 == 0 {
			wbs[reg].Strategies[ml] = map[string]any{"strategie_numerique": i%10 == 0}
		}
	}
	for k, reg := range sortedKeys(wbs) {
		a := wbs[reg]
		if !strings.Contains(overseasNoARML, reg) {
			a.Survey = Survey2018[reg]
			for action := 1; action <= len(sqlfiles.Actions()); action++ {
				if (action+k)%4 < pnaeConcerned {
					a.Actions[action] = map[string]any{"role": "CONCERNEE", "statut": pnaeStatuses[(action+k)%3]}
				}
			}
		}
		if err := writeWorkbook(dir, r, exercice, reg, a); err != nil {
			return err
		}
	}
	return nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// luhnComplete appends the check digit that makes a 13-digit prefix a valid SIRET.
func luhnComplete(prefix string) string {
	for c := byte('0'); c <= '9'; c++ {
		if s := prefix + string(c); luhn(s) {
			return s
		}
	}
	return prefix + "0"
}

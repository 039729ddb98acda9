package publish

import (
	"fmt"
	"sort"

	sqlfiles "bilan/sql"
)

const (
	sourceExtracts  = "I-milo, traitement DMML"
	sourceWorkbooks = "classeurs ARML (ICARE)"
	sourceBoth      = "I-milo et classeurs ARML (ICARE), traitement DMML"
	sourceSurvey    = "classeurs ARML, enquête sur la stratégie numérique"
	sourcePNAE      = "classeurs ARML, suivi du PNAE"
	author          = "Délégation ministérielle aux missions locales (DMML)"
)

// theme is a section of the report made of tables of indicators by territory.
type theme struct {
	title  string
	intro  string
	tables []themeTable
}

// themeTable is a table of indicators by territory. Its columns are not listed here: they
// are the indicators whose header "section" names its sheet, in the order of their rank
// (see layout), so that an indicator states where the reports show it.
type themeTable struct {
	title, sheet, source string
}

// profile is the profile of first receptions, shown in "L'essentiel" after the headline.
var profile = themeTable{"Profil des jeunes en premier accueil", "Profil premier accueil", sourceExtracts}

var themes = []theme{
	{title: "Le réseau", intro: "Les missions locales du référentiel de l'exercice, leurs lieux d'accueil, leurs équipes et leur financement (classeurs des ARML).",
		tables: []themeTable{
			{"Le réseau des missions locales", "Réseau", sourceWorkbooks},
			{"Financement des missions locales", "Financement", sourceWorkbooks},
		}},
	{title: "Les jeunes", intro: "Les jeunes sont comptés une fois par territoire, dans celui de leur structure de rattachement ; les entretiens sont comptés dans la structure qui les a enregistrés.",
		tables: []themeTable{
			{"Jeunes en contact, reçus, premiers accueils et JDI", "Jeunes", sourceExtracts},
			profile,
		}},
	{title: "Accès et maintien dans l'emploi", intro: "Immersions en entreprise (PMSMP), entreprises en contact, entrées en emploi et en alternance, parrainage.",
		tables: []themeTable{
			{"Immersions, entreprises et situations professionnelles", "Emploi", sourceExtracts},
			{"Parrainage", "Parrainage", sourceBoth},
		}},
	{title: "Dispositifs d'accompagnement", intro: "PACEA, Garantie jeunes et contrat d'engagement jeune : entrées dans l'exercice et jeunes accompagnés au 31/12.",
		tables: []themeTable{{"PACEA, Garantie jeunes et CEJ", "Dispositifs", sourceExtracts}}},
	{title: "Orientation, formation et qualification (PIC)", intro: "Entrées en formation, conseil en évolution professionnelle, compte personnel de formation et repérage de l'illettrisme.",
		tables: []themeTable{{"Formation, CEP, CPF et illettrisme", "Formation", sourceExtracts}}},
	{title: "Autonomie et insertion sociale", intro: "Jeunes sous main de justice accompagnés par les missions locales (PNAE, action 10).",
		tables: []themeTable{{"Jeunes sous main de justice", "Justice", sourceExtracts}}},
}

// digitalTables are the tables of the digital-strategy survey (family G), by region.
var digitalTables = []themeTable{
	{"Synthèse de l'enquête sur la stratégie numérique", "Enquête numérique", sourceSurvey},
	{"Coût déclaré de la stratégie numérique et moyens humains", "Coût numérique", sourceSurvey},
}

// pnaeSheet is the table of the PNAE follow-up (family H): its family of ids is laid out
// by action and status (see pnae).
const pnaeSheet = "PNAE"

// layout is where the reports show each indicator, read from the indicators' headers.
type layout struct {
	columns  map[string][]string // sheet → its indicators, by rank
	short    map[string]string   // id → column title, when shorter than the title
	headline []string            // the ids of "L'essentiel", in the order of the tables
}

// sheets are the tables an indicator header may name, in the order of the report.
func sheets() []string {
	var out []string
	for _, th := range themes {
		for _, t := range th.tables {
			out = append(out, t.sheet)
		}
	}
	for _, t := range digitalTables {
		out = append(out, t.sheet)
	}
	return append(out, pnaeSheet)
}

// newLayout places the indicators: each one names a table of the reports and its rank
// there, or says why no table shows it (sqlfiles.Indicator.Unplaced).
func newLayout(inds []sqlfiles.Indicator) (layout, error) {
	l := layout{columns: map[string][]string{}, short: map[string]string{}}
	placed := map[string][]sqlfiles.Indicator{}
	for _, s := range sheets() {
		placed[s] = nil
	}
	for _, ind := range inds {
		if ind.Section == "" {
			if ind.Unplaced == "" {
				return l, fmt.Errorf("indicator %s: no section", ind.ID)
			}
			continue
		}
		in, known := placed[ind.Section]
		if !known {
			return l, fmt.Errorf("indicator %s: section %q is no table of the reports", ind.ID, ind.Section)
		}
		for _, other := range in {
			if other.Rank == ind.Rank {
				return l, fmt.Errorf("indicators %s and %s: both at rank %d of section %q", other.ID, ind.ID, ind.Rank, ind.Section)
			}
		}
		placed[ind.Section] = append(in, ind)
		if ind.Short != "" {
			l.short[ind.ID] = ind.Short
		}
	}
	for _, s := range sheets() {
		in := placed[s]
		sort.Slice(in, func(i, j int) bool { return in[i].Rank < in[j].Rank })
		for _, ind := range in {
			l.columns[s] = append(l.columns[s], ind.ID)
			if ind.Headline {
				l.headline = append(l.headline, ind.ID)
			}
		}
	}
	return l, nil
}

package publish

import (
	"fmt"
	"strings"
	"time"

	"bilan/reports"
)

const (
	sourceExtracts = "I-milo, traitement DMML"
	author         = "Délégation ministérielle aux missions locales (DMML)"
)

// Headline indicators, in the order of the DMML's "L'essentiel".
var headline = []string{"RES_ML", "JEU_CONTACT", "JEU_ACCUEILLIS", "JEU_ACCUEILLIS_EI", "JEU_PREMIER_ACCUEIL",
	"JEU_JDI", "JEU_ENTRETIENS"}

var profile = []string{"JEU_PA_FEMMES_PCT", "JEU_PA_MINEURS_PCT", "JEU_PA_SANS_BAC_PCT", "JEU_PA_INFRA_V_PCT",
	"JEU_PA_QPV_PCT", "JEU_PA_ZRR_PCT"}

var shortTitles = map[string]string{
	"RES_ML": "Missions locales", "JEU_CONTACT": "Jeunes en contact", "JEU_ACCUEILLIS": "Reçus en entretien",
	"JEU_ACCUEILLIS_EI": "dont entretien indiv.", "JEU_PREMIER_ACCUEIL": "Premiers accueils",
	"JEU_JDI": "JDI au 31/12", "JEU_ENTRETIENS": "Entretiens indiv.",
	"JEU_PA_FEMMES_PCT": "Femmes", "JEU_PA_MINEURS_PCT": "Mineurs", "JEU_PA_SANS_BAC_PCT": "Sans le bac",
	"JEU_PA_INFRA_V_PCT": "Infra V", "JEU_PA_QPV_PCT": "QPV", "JEU_PA_ZRR_PCT": "ZRR",
}

// national builds the national report.
func national(d *data, y int, date time.Time) *reports.Report {
	r := &reports.Report{
		Title:    "Bilan d'activité des missions locales",
		Subtitle: fmt.Sprintf("Exercice %d – France entière : le réseau, les jeunes accueillis et accompagnés", y),
		Exercice: y, Date: date, Author: author,
	}
	for _, id := range append(append([]string{}, headline...), profile...) {
		r.KeyFigures = append(r.KeyFigures, d.keyFigure(id))
	}
	n := 0
	next := func() int { n++; return n }
	r.Sections = append(r.Sections,
		reports.Section{Title: "Les jeunes", Paragraphs: []string{
			"Les jeunes sont comptés une fois par territoire, dans celui de leur structure de rattachement ; " +
				"les entretiens sont comptés dans la structure qui les a enregistrés. « n.d. » signale un territoire " +
				"dont aucun extrait n'a été chargé pour l'exercice.",
		}, Tables: []*reports.Table{
			byRegion(d, next(), "Jeunes par région", "Jeunes par région", headline),
			byRegion(d, next(), "Profil des jeunes en premier accueil par région", "Profil premier accueil", profile),
		}},
		methodology(d, next),
	)
	return r
}

// byRegion is a table of indicators (columns) by region (rows), with France as total.
func byRegion(d *data, number int, title, sheet string, ids []string) *reports.Table {
	t := &reports.Table{Number: number, Title: title, Sheet: sheet, Source: sourceExtracts,
		Columns: []reports.Column{{Title: "Région"}}}
	for _, id := range ids {
		t.Columns = append(t.Columns, reports.Column{Title: shortTitles[id], Format: format(d.values[[3]string{id, "national", "FR"}].unit)})
	}
	for _, reg := range d.regions {
		row := []reports.Cell{reports.Str(reg.name)}
		for _, id := range ids {
			row = append(row, d.cell(id, "region", reg.code))
		}
		t.Rows = append(t.Rows, row)
	}
	t.Total = []reports.Cell{reports.Str("France")}
	for _, id := range ids {
		t.Total = append(t.Total, d.cell(id, "national", "FR"))
	}
	return t
}

func methodology(d *data, next func() int) reports.Section {
	s := reports.Section{Title: "Méthodologie et qualité des données"}
	s.Paragraphs = append(s.Paragraphs,
		"Les indicateurs sont calculés par le programme bilan à partir des extraits I-milo déposés par les ARML et la DMML. "+
			"Les colonnes personnelles (nom, prénom, coordonnées, NIR…) sont supprimées au chargement et les identifiants "+
			"des jeunes sont pseudonymisés (HMAC-SHA-256 à clé secrète). Chaque définition ci-dessous est celle du fichier "+
			"SQL qui calcule l'indicateur.",
		fmt.Sprintf("Paramètres de ce calcul : les JDI sont les jeunes reçus en entretien, information collective ou atelier "+
			"dans les %d mois précédant le %s (inclus).", d.jdiMois, reports.FrenchDate(d.dateReference)))
	inputs := &reports.Table{Number: next(), Title: "Fichiers chargés", Sheet: "Fichiers chargés",
		Columns: []reports.Column{{Title: "Lot"}, {Title: "Lignes lues", Format: reports.Count},
			{Title: "Chargées", Format: reports.Count}, {Title: "Rejetées", Format: reports.Count}},
		Source: "entrepôt bilan (table batches)"}
	for _, in := range d.inputs {
		inputs.Rows = append(inputs.Rows, []reports.Cell{reports.Str(fmt.Sprintf("%s – %s (%s)", scopeName(in.scope), in.kind, in.files)),
			reports.Num(float64(in.read), reports.Count), reports.Num(float64(in.loaded), reports.Count), reports.Num(float64(in.rejected), reports.Count)})
		s.Paragraphs = append(s.Paragraphs, fmt.Sprintf("Empreinte SHA-256 de %s – %s (%s) : %s", scopeName(in.scope), in.kind, in.files, strings.ReplaceAll(in.hashes, "|", " ")))
	}
	rejected := &reports.Table{Number: next(), Title: "Lignes rejetées par règle", Sheet: "Rejets",
		Columns: []reports.Column{{Title: "Règle"}, {Title: "Lignes", Format: reports.Count}}, Source: "entrepôt bilan (table quarantine)"}
	for _, x := range d.rejected {
		var n float64
		fmt.Sscan(x[1], &n)
		rejected.Rows = append(rejected.Rows, []reports.Cell{reports.Str(x[0]), reports.Num(n, reports.Count)})
	}
	defs := &reports.Table{Number: next(), Title: "Définitions des indicateurs", Sheet: "Définitions",
		Columns: []reports.Column{{Title: "Indicateur"}, {Title: "Définition"}}, Source: "fichiers sql/indicators du programme bilan"}
	for _, x := range d.catalogue {
		defs.Rows = append(defs.Rows, []reports.Cell{reports.Str(x.id + " – " + x.title),
			reports.Str(x.definition + ". Source : " + x.source + ".")})
	}
	s.Tables = []*reports.Table{inputs, rejected, defs}
	return s
}

func scopeName(scope string) string {
	if scope == "national" {
		return "national"
	}
	return "région " + strings.TrimSpace(scope)
}

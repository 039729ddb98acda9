package publish

import (
	"fmt"
	"strings"

	"bilan/reports"
	sqlfiles "bilan/sql"
)

// loaded tells whether the ARML workbooks give the scope anything: a workbook of the
// region (regional report) or of at least one region (national report).
func (b *builder) loaded() bool {
	c := b.d.cell("NUM_REPONDANTS", b.s.niveau, b.s.code)
	return b.has("NUM_REPONDANTS") && !c.Empty
}

// byRegion is a table of indicators defined at region and national level only: one row
// per region with a workbook and France in a national report; the region and France in
// a regional one.
func (b *builder) byRegion(t themeTable) *reports.Table {
	var rows []place
	if b.s.niveau == "national" {
		for _, r := range b.d.regions {
			if !b.d.cell("NUM_REPONDANTS", "region", r.code).Empty {
				rows = append(rows, place{r.name, "region", r.code})
			}
		}
	} else {
		rows = append(rows, place{b.s.name, b.s.niveau, b.s.code})
	}
	return b.tableOf(t, b.columns(t), "Région", rows, []place{{"France", "national", "FR"}})
}

// digital is the synthesis of the ARMLs' digital-strategy survey (family G): counts,
// costs, and the applications and providers cited. Free text is never printed: only the
// normalised names of applications and providers, contacts left out.
func (b *builder) digital() reports.Section {
	sec := reports.Section{Title: "Stratégie numérique"}
	if !b.loaded() {
		sec.Paragraphs = []string{fmt.Sprintf("Aucun classeur ARML n'a été chargé pour l'exercice %d : la synthèse de l'enquête "+
			"sur la stratégie numérique sera présentée dès qu'il le sera.", b.y)}
		return sec
	}
	fr := b.d.cell("NUM_REPONDANTS", "national", "FR")
	sec.Paragraphs = []string{fmt.Sprintf("Enquête de la DMML auprès des ARML sur la stratégie numérique des missions locales "+
		"(huit questions, PNAE annexe 2) : %s ARML répondantes. Pour chaque question fermée, les réponses « NC » et « Non concerné » "+
		"ne comptent ni comme oui ni comme non ; les listes de missions locales dotées d'une stratégie numérique fournies par les "+
		"ARML ne sont pas exhaustives.", reports.French(fr))}
	for _, t := range digitalTables {
		sec.Tables = append(sec.Tables, b.byRegion(t))
	}
	for _, q := range []struct{ question, title, sheet, column string }{
		{"application", "Applications numériques citées par les ARML", "Applications citées", "Application"},
		{"prestataire", "Prestataires et partenaires sollicités par les ARML", "Prestataires", "Prestataire ou partenaire"},
	} {
		t := &reports.Table{Title: q.title, Sheet: q.sheet, Source: sourceSurvey,
			Columns: []reports.Column{{Title: q.column}, {Title: "ARML le citant", Format: reports.Count}, {Title: "Régions"}}}
		for _, c := range b.d.citations {
			if c.question != q.question || b.s.niveau != "national" && !contains(c.regions, b.s.code) {
				continue
			}
			var names []string
			for _, r := range c.regions {
				names = append(names, b.d.regionName(r))
			}
			t.Rows = append(t.Rows, []reports.Cell{reports.Str(c.name), reports.Num(float64(c.arml), reports.Count), reports.Str(strings.Join(names, ", "))})
		}
		if len(t.Rows) == 0 {
			sec.Paragraphs = append(sec.Paragraphs, q.title+" : aucune.")
			continue
		}
		t.Number = b.number()
		sec.Tables = append(sec.Tables, t)
	}
	return sec
}

// pnaeMeasures are the columns of the PNAE follow-up: roles, then statuses.
var pnaeMeasures = []struct{ id, title string }{{"REFERENTE", "ARML référentes"}, {"CONCERNEE", "ARML concernées"},
	{"NON_DEMARREE", "Non démarrée"}, {"EN_COURS", "En cours"}, {"REALISEE", "Réalisée"}}

// pnae is the follow-up of the 13 PNAE actions (family H): roles and statuses, with the
// stacked bar of statuses.
func (b *builder) pnae() reports.Section {
	sec := reports.Section{Title: "Bilan du PNAE"}
	if !b.loaded() || !b.has("PNAE_A01_REFERENTE") {
		sec.Paragraphs = []string{fmt.Sprintf("Aucun classeur ARML n'a été chargé pour l'exercice %d : le suivi des 13 actions "+
			"du PNAE sera présenté dès qu'il le sera.", b.y)}
		return sec
	}
	intro := "Pour chacune des 13 actions du Programme national d'animation et d'évaluation (PNAE 2018-2020), le nombre d'ARML " +
		"qui s'en déclarent référentes ou concernées, puis, parmi elles, l'avancement qu'elles déclarent."
	if b.s.niveau != "national" {
		intro = "Pour chacune des 13 actions du Programme national d'animation et d'évaluation (PNAE 2018-2020), le rôle et " +
			"l'avancement déclarés par l'ARML de la région (1 = oui), puis les nombres d'ARML pour la France."
	}
	sec.Paragraphs = []string{intro}
	t := &reports.Table{Number: b.number(), Title: "Suivi des 13 actions du PNAE", Sheet: pnaeSheet, Source: sourcePNAE,
		Columns: []reports.Column{{Title: "Action"}}}
	c := &reports.Chart{Kind: reports.Stacked, Title: "Avancement des actions du PNAE – " + b.s.name, Axis: "Action", Source: sourcePNAE}
	scopes := [][3]string{{b.s.niveau, b.s.code, ""}}
	if b.s.niveau != "national" {
		scopes = append(scopes, [3]string{"national", "FR", " (France)"})
	}
	for _, sc := range scopes {
		for _, m := range pnaeMeasures {
			t.Columns = append(t.Columns, reports.Column{Title: m.title + sc[2], Format: reports.Count})
		}
	}
	for _, m := range pnaeMeasures[2:] {
		c.Series = append(c.Series, reports.Series{Name: m.title})
	}
	for i, title := range sqlfiles.Actions() {
		row := []reports.Cell{reports.Str(fmt.Sprintf("%d. %s", i+1, title))}
		for _, sc := range scopes {
			for _, m := range pnaeMeasures {
				row = append(row, b.d.cell(fmt.Sprintf("PNAE_A%02d_%s", i+1, m.id), sc[0], sc[1]))
			}
		}
		t.Rows = append(t.Rows, row)
		c.Labels = append(c.Labels, fmt.Sprintf("Action %d", i+1))
		for k, m := range pnaeMeasures[2:] {
			c.Series[k].Values = append(c.Series[k].Values, b.d.cell(fmt.Sprintf("PNAE_A%02d_%s", i+1, m.id), b.s.niveau, b.s.code).Number)
		}
	}
	sec.Tables, sec.Charts = []*reports.Table{t}, []*reports.Chart{c}
	return sec
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

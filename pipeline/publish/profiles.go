package publish

import (
	"context"
	"database/sql"
	"fmt"

	"bilan/pipeline/attack"
	"bilan/pipeline/secret"
	"bilan/reports"
)

// The profile tables: four youth counts broken down by sexe × âge and by niveau de
// formation (indicateurs_ventiles), by region in the national report, by mission locale in
// a regional one, and the age pyramid of first receptions. Every cell is a published cell
// of secrecy (secret.Breakdown names it), so its mask is decided with the count it adds up
// to, in every pack.

// profileCounts are the counts broken down, the section showing them and the short name
// of their sheets.
var profileCounts = []struct{ id, theme, sheet string }{
	{"JEU_PREMIER_ACCUEIL", "Les jeunes", "PA"},
	{"JEU_JDI", "Les jeunes", "JDI"},
	{"EMP_SITUATION_PRO", "Accès et maintien dans l'emploi", "Sit. pro."},
	{"DIS_PACEA_ENTREES", "Dispositifs d'accompagnement", "PACEA"},
}

// profileColumn is a modalité as a column: its group's heading and its own.
type profileColumn struct{ modalite, group, title string }

// profileDims are the dimensions of the profile tables, with a column per modalité of
// ref_modalites (TestProfileColumns checks they are all there, in its order).
var profileDims = []struct {
	dimension, title, sheet string
	columns                 []profileColumn
}{
	{"sexe_age", "par sexe et âge", "sexe-âge", []profileColumn{
		{"F_moins_de_18", "Femmes", "Moins de 18 ans"}, {"F_18_21", "Femmes", "18-21 ans"},
		{"F_22_25", "Femmes", "22-25 ans"}, {"F_26_et_plus", "Femmes", "26 ans et plus"},
		{"H_moins_de_18", "Hommes", "Moins de 18 ans"}, {"H_18_21", "Hommes", "18-21 ans"},
		{"H_22_25", "Hommes", "22-25 ans"}, {"H_26_et_plus", "Hommes", "26 ans et plus"},
		{"inconnu", "", "Sexe inconnu"}}},
	{"niveau_formation", "par niveau de formation", "niveau", []profileColumn{
		{"infra_V", "", "Infra V"}, {"V", "", "V"}, {"IV", "", "IV"}, {"III_et_plus", "", "III et plus"},
		{"inconnu", "", "Niveau inconnu"}}},
}

// ages are the bands of the pyramid, the youngest first, as the sexe × âge columns name them.
var ages = []struct{ code, title string }{
	{"moins_de_18", "Moins de 18 ans"}, {"18_21", "18-21 ans"}, {"22_25", "22-25 ans"}, {"26_et_plus", "26 ans et plus"},
}

const (
	allColumn    = "Ensemble"
	pyramidSheet = "Pyramide des âges"
)

// loadProfiles reads the breakdowns the profile tables print, at every level, as values
// of their breakdown cells.
func (d *data) loadProfiles(ctx context.Context, c *sql.Conn) error {
	var ids, dims []any
	for _, p := range profileCounts {
		ids = append(ids, p.id)
	}
	for _, p := range profileDims {
		dims = append(dims, p.dimension)
	}
	if err := each(ctx, c, "SELECT dimension, modalite FROM ref_modalites ORDER BY rang_dimension, rang", func(rows *sql.Rows) error {
		var dim, mod string
		if err := rows.Scan(&dim, &mod); err != nil {
			return err
		}
		d.modalities[dim] = append(d.modalities[dim], mod)
		return nil
	}); err != nil {
		return err
	}
	q := fmt.Sprintf(`SELECT indicateur, dimension, modalite, niveau, code, CAST(valeur AS DOUBLE) FROM indicateurs_ventiles
		WHERE exercice = ? AND indicateur IN (?%s) AND dimension IN (?%s)`, repeat(", ?", len(ids)-1), repeat(", ?", len(dims)-1))
	return each(ctx, c, q, func(rows *sql.Rows) error {
		var id, dim, mod, niveau, code string
		var v *float64
		if err := rows.Scan(&id, &dim, &mod, &niveau, &code, &v); err != nil {
			return err
		}
		d.values[[3]string{secret.Breakdown(id, dim, mod), niveau, code}] = value{v: v}
		return nil
	}, append(append([]any{d.exercice}, ids...), dims...)...)
}

func repeat(s string, n int) string {
	out := ""
	for range n {
		out += s
	}
	return out
}

// profiles adds to a theme's section the profile tables of its counts and, in « Les
// jeunes », the age pyramid of first receptions.
func (b *builder) profiles(sec *reports.Section, theme string) {
	added := false
	for _, p := range profileCounts {
		if p.theme != theme || !b.has(p.id) {
			continue
		}
		for _, dim := range profileDims {
			sec.Tables = append(sec.Tables, b.profileTable(p.id, p.sheet, dim.dimension, dim.title, dim.sheet, dim.columns))
		}
		added = true
	}
	if !added {
		return
	}
	sec.Paragraphs = append(sec.Paragraphs, "Profils : chaque effectif est ventilé par sexe et âge au 31/12 (les jeunes dont le sexe "+
		"est inconnu sont comptés ensemble, quel que soit leur âge) et par niveau de formation ; dans chaque tableau, les colonnes "+
		"d'une ligne s'additionnent pour donner l'ensemble. Le secret statistique s'applique à chaque case, avec les totaux qu'elle "+
		"compose.")
	if theme == "Les jeunes" && b.has("JEU_PREMIER_ACCUEIL") {
		sec.Charts = append(sec.Charts, b.pyramid("JEU_PREMIER_ACCUEIL"))
	}
}

// profileTable is a count broken down by one dimension: a column per modalité and the
// count itself, a row per territory of the report with its total lines.
func (b *builder) profileTable(id, short, dimension, title, sheet string, columns []profileColumn) *reports.Table {
	label := "Région"
	if b.s.rowNiveau == "ml" {
		label = "Mission locale"
	}
	source := sourceExtracts
	if dimension == "sexe_age" {
		source += " ; âge au 31/12 de l'exercice"
	}
	t := &reports.Table{Number: b.number(), Title: b.d.docs[id].title + ", " + title, Sheet: short + " " + sheet, Source: source,
		Columns: []reports.Column{{Title: label}}}
	for _, c := range columns {
		t.Columns = append(t.Columns, reports.Column{Title: c.title, Group: c.group, Format: reports.Count})
	}
	t.Columns = append(t.Columns, reports.Column{Title: allColumn, Format: reports.Count})
	line := func(name, niveau, code string) []reports.Cell {
		row := []reports.Cell{reports.Str(name)}
		for _, c := range columns {
			row = append(row, b.d.cell(secret.Breakdown(id, dimension, c.modalite), niveau, code))
		}
		return append(row, b.d.cell(id, niveau, code))
	}
	for _, r := range b.s.rows {
		t.Rows = append(t.Rows, line(r.name, b.s.rowNiveau, r.code))
	}
	t.Totals = append(t.Totals, line(b.s.name, b.s.niveau, b.s.code))
	if b.s.niveau != "national" {
		t.Totals = append(t.Totals, line("France", "national", "FR"))
	}
	return t
}

// pyramid is the age pyramid of a count in the report's territory: men to the left,
// women to the right, by age band on 31/12; a masked band has no bar.
func (b *builder) pyramid(id string) *reports.Chart {
	c := &reports.Chart{Kind: reports.Pyramid, Sheet: pyramidSheet, Axis: "Âge au 31/12",
		Title:  fmt.Sprintf("Pyramide des âges des jeunes en premier accueil – %s", b.s.name),
		Source: sourceExtracts + " ; les jeunes dont le sexe est inconnu ne sont pas représentés"}
	for _, a := range ages {
		c.Labels = append(c.Labels, a.title)
	}
	hidden, loaded := 0, false
	for _, sex := range []struct{ code, name string }{{"H", "Hommes"}, {"F", "Femmes"}} {
		s := reports.Series{Name: sex.name}
		for _, a := range ages {
			cell := b.d.cell(secret.Breakdown(id, "sexe_age", sex.code+"_"+a.code), b.s.niveau, b.s.code)
			s.Values, s.Masked = append(s.Values, cell.Number), append(s.Masked, cell.Masked)
			if cell.Masked {
				hidden++
			}
			loaded = loaded || !cell.Empty
		}
		c.Series = append(c.Series, s)
	}
	if !loaded { // no extract for the territory: no chart, as for an empty bar chart
		c.Labels, c.Series = nil, nil
		return c
	}
	if hidden > 0 {
		c.Source += fmt.Sprintf(" ; %d barre(s) non représentée(s) : secret statistique", hidden)
	}
	return c
}

// profileLegend is what the attacker reads of the profile sheets: the count and modalité
// of each column (the rows are territories), and of each value of the pyramid (the pack's
// territory); and the modalités of every dimension, which the methodology lists.
func (d *data) profileLegend(lg *attack.Legend, k *attack.Knowledge) {
	if lg.Grids == nil {
		lg.Grids = map[string]attack.Grid{}
	}
	for _, p := range profileCounts {
		for _, dim := range profileDims {
			g := attack.Grid{Cells: map[[2]string]string{{"", allColumn}: p.id}}
			for _, c := range dim.columns {
				col := reports.Column{Title: c.title, Group: c.group}
				g.Cells[[2]string{"", col.Head()}] = secret.Breakdown(p.id, dim.dimension, c.modalite)
			}
			lg.Grids[p.sheet+" "+dim.sheet] = g
		}
	}
	g := attack.Grid{Cells: map[[2]string]string{}}
	for _, a := range ages {
		for _, sex := range []struct{ code, name string }{{"H", "Hommes"}, {"F", "Femmes"}} {
			g.Cells[[2]string{a.title, sex.name}] = secret.Breakdown("JEU_PREMIER_ACCUEIL", "sexe_age", sex.code+"_"+a.code)
		}
	}
	lg.Grids[pyramidSheet] = g
	k.Dimensions = d.modalities
}

package publish

import (
	"fmt"
	"sort"
	"time"

	"bilan/reports"
)

// overseas are the overseas regions, shown side by side (PNAE, action 11).
var overseas = []string{"01", "02", "03", "04", "06"}

// scope is what one report covers: France by region, or one region by mission locale.
type scope struct {
	niveau, code, name string // "national"/"FR"/"France" or "region"/code/name
	rows               []territory
	rowNiveau          string // level of the rows: region or ml
}

// builder assembles the report of one scope from the data read once.
type builder struct {
	d      *data
	y      int
	s      scope
	tables int
}

func (b *builder) number() int { b.tables++; return b.tables }

func (b *builder) has(id string) bool { _, ok := b.d.docs[id]; return ok }

func (b *builder) present(ids []string) []string {
	var out []string
	for _, id := range ids {
		if b.has(id) {
			out = append(out, id)
		}
	}
	return out
}

// columns are the indicators of a table that the warehouse holds, in their order.
func (b *builder) columns(t themeTable) []string { return b.present(b.d.layout.columns[t.sheet]) }

// keyFigures are the indicators of "L'essentiel" and of the annex: the headline, then
// the profile of first receptions.
func (b *builder) keyFigures() []string {
	return append(b.present(b.d.layout.headline), b.columns(profile)...)
}

func (b *builder) title(id string) string {
	if t := b.d.layout.short[id]; t != "" {
		return t
	}
	return b.d.docs[id].title
}

// place is a row of a table: a territory at its level.
type place struct{ name, niveau, code string }

// byTerritory is a table of indicators (columns) by territory (rows), with the scope's
// total and, in a regional report, France.
func (b *builder) byTerritory(t themeTable, ids []string) *reports.Table {
	label := "Région"
	if b.s.rowNiveau == "ml" {
		label = "Mission locale"
	}
	var rows []place
	for _, r := range b.s.rows {
		rows = append(rows, place{r.name, b.s.rowNiveau, r.code})
	}
	totals := []place{{b.s.name, b.s.niveau, b.s.code}}
	if b.s.niveau != "national" {
		totals = append(totals, place{"France", "national", "FR"})
	}
	return b.tableOf(t, ids, label, rows, totals)
}

// tableOf is a table of indicators (columns) by place (rows), with total lines. When the
// exercice before is computed, an indicator with a value of that exercice at one of the
// places has three columns under its title: this exercice, the one before and the change
// (in %, or in points for a percentage).
func (b *builder) tableOf(t themeTable, ids []string, label string, rows, totals []place) *reports.Table {
	tab := &reports.Table{Number: b.number(), Title: t.title, Sheet: t.sheet, Source: t.source,
		Columns: []reports.Column{{Title: label}}}
	places := append(append([]place{}, rows...), totals...)
	beside := map[string]bool{}
	for _, id := range ids {
		for _, p := range places {
			if b.d.hasPrevious() && b.d.values[[3]string{id, p.niveau, p.code}].prev != nil {
				beside[id] = true
				break
			}
		}
	}
	for _, id := range ids {
		f := reports.UnitFormat(b.d.docs[id].unit)
		if !beside[id] {
			tab.Columns = append(tab.Columns, reports.Column{Title: b.title(id), Format: f})
			continue
		}
		change := reports.Column{Title: "Évol. (%)", Format: reports.Change, Group: b.title(id)}
		if b.d.changeFormat(id) == reports.Points {
			change = reports.Column{Title: "Évol. (points)", Format: reports.Points, Group: b.title(id)}
		}
		tab.Columns = append(tab.Columns, reports.Column{Title: fmt.Sprint(b.y), Format: f, Group: b.title(id)},
			reports.Column{Title: fmt.Sprint(b.y - 1), Format: f, Group: b.title(id)}, change)
	}
	line := func(p place) []reports.Cell {
		row := []reports.Cell{reports.Str(p.name)}
		for _, id := range ids {
			row = append(row, b.d.cell(id, p.niveau, p.code))
			if beside[id] {
				row = append(row, b.d.previousCell(id, p.niveau, p.code), b.d.changeCell(id, p.niveau, p.code))
			}
		}
		return row
	}
	for _, p := range rows {
		tab.Rows = append(tab.Rows, line(p))
	}
	for _, p := range totals {
		tab.Totals = append(tab.Totals, line(p))
	}
	return tab
}

// build assembles the report.
func (b *builder) build(date time.Time) *reports.Report {
	r := &reports.Report{Title: "Bilan d'activité des missions locales", Exercice: b.y, Date: date, Author: author, Threshold: b.d.threshold}
	if b.s.niveau == "national" {
		r.Subtitle = fmt.Sprintf("Exercice %d – France entière : le réseau, les jeunes accueillis et accompagnés", b.y)
	} else {
		r.Subtitle = fmt.Sprintf("Exercice %d – %s, ses missions locales et la France", b.y, b.s.name)
	}
	for _, id := range b.keyFigures() {
		k := b.d.keyFigure(id, b.s.niveau, b.s.code)
		if b.s.niveau != "national" {
			fr := b.d.cell(id, "national", "FR")
			k.France = &fr
		}
		r.KeyFigures = append(r.KeyFigures, k)
	}
	if sec, ok := b.evolution(); ok {
		r.Sections = append(r.Sections, sec)
	}
	for _, th := range themes {
		sec := reports.Section{Title: th.title, Paragraphs: []string{th.intro}}
		for _, t := range th.tables {
			ids := b.columns(t)
			if len(ids) == 0 {
				sec.Paragraphs = append(sec.Paragraphs, fmt.Sprintf("%s : aucune donnée chargée pour cet exercice (%s).", t.title, t.source))
				continue
			}
			sec.Tables = append(sec.Tables, b.byTerritory(t, ids))
		}
		b.profiles(&sec, th.title) // its counts by sexe × âge and by niveau (profiles.go)
		switch th.title {
		case "Les jeunes":
			sec.Charts = append(sec.Charts, b.bars("JEU_CONTACT"), b.bars("JEU_JDI"))
		case "Accès et maintien dans l'emploi":
			sec.Charts = append(sec.Charts, b.bars("EMP_IMMERSIONS"), b.immersionsLine())
		case "Dispositifs d'accompagnement":
			sec.Charts = append(sec.Charts, b.bars("DIS_PACEA_ENTREES"))
		}
		r.Sections = append(r.Sections, sec)
	}
	if b.s.niveau == "national" || contains(overseas, b.s.code) {
		r.Sections = append(r.Sections, b.overseas())
	}
	r.Sections = append(r.Sections, b.digital(), b.pnae())
	r.Sections = append(r.Sections, b.methodology(), b.annex())
	r.Notes = b.d.notes()
	return r
}

// bars is a chart of one count by row territory (those with a value), the largest first
// (territories of equal value in the order of the tables); masked territories are left
// out and counted in the source line.
func (b *builder) bars(id string) *reports.Chart {
	c := &reports.Chart{Kind: reports.Bars, Title: b.d.docs[id].title + " par " + map[string]string{"region": "région", "ml": "mission locale"}[b.s.rowNiveau],
		Axis:   map[string]string{"region": "Région", "ml": "Mission locale"}[b.s.rowNiveau],
		Source: sourceExtracts, Series: []reports.Series{{Name: b.d.docs[id].title}}}
	if !b.has(id) {
		return c
	}
	type bar struct {
		name  string
		value float64
	}
	var shown []bar
	hidden := 0
	for _, t := range b.s.rows {
		cell := b.d.cell(id, b.s.rowNiveau, t.code)
		switch {
		case cell.Masked:
			hidden++
		case !cell.Empty:
			shown = append(shown, bar{t.name, cell.Number})
		}
	}
	sort.SliceStable(shown, func(i, j int) bool { return shown[i].value > shown[j].value })
	for _, x := range shown {
		c.Labels = append(c.Labels, x.name)
		c.Series[0].Values = append(c.Series[0].Values, x.value)
	}
	if hidden > 0 {
		c.Source += fmt.Sprintf(" ; %d territoire(s) non représenté(s) : secret statistique", hidden)
	}
	return c
}

// immersionsLine is the line of immersions over the exercices loaded up to this one.
func (b *builder) immersionsLine() *reports.Chart {
	c := &reports.Chart{Kind: reports.Line, Title: "Immersions en entreprise (PMSMP) par exercice – " + b.s.name,
		Axis: "Exercice", Source: sourceExtracts, Series: []reports.Series{{Name: "Immersions"}}}
	for _, e := range b.d.exercices {
		cell := b.d.past(e, "EMP_IMMERSIONS", b.s.niveau, b.s.code)
		if cell.Masked || cell.Empty {
			continue // secret statistique, or not computed
		}
		c.Labels = append(c.Labels, fmt.Sprint(e))
		c.Series[0].Values = append(c.Series[0].Values, cell.Number)
	}
	return c
}

// evolution is the series of the headline indicators of the scope over every exercice
// computed up to this one, as a table and as a line chart (one panel per indicator, each
// on its own scale); none when this exercice is the only one.
func (b *builder) evolution() (reports.Section, bool) {
	ex := b.d.exercices
	if len(ex) < 2 {
		return reports.Section{}, false
	}
	span := fmt.Sprintf("de %d à %d", ex[0], ex[len(ex)-1])
	sec := reports.Section{Title: "Évolution", Paragraphs: []string{fmt.Sprintf("Les indicateurs de « L'essentiel » pour %s, "+
		"exercice par exercice %s (les exercices calculés dans l'entrepôt). Chaque courbe a son échelle : elles comptent des "+
		"choses différentes.", b.s.name, span)}}
	t := &reports.Table{Number: b.number(), Title: fmt.Sprintf("Indicateurs clés %s – %s", span, b.s.name), Sheet: "Évolution",
		Source: sourceExtracts, Columns: []reports.Column{{Title: "Indicateur"}}}
	c := &reports.Chart{Kind: reports.Line, Title: fmt.Sprintf("Indicateurs clés par exercice – %s", b.s.name), Axis: "Exercice",
		Source: sourceExtracts}
	for _, e := range ex {
		t.Columns = append(t.Columns, reports.Column{Title: fmt.Sprint(e), Format: reports.Count})
		c.Labels = append(c.Labels, fmt.Sprint(e))
	}
	hidden := 0
	for _, id := range b.present(b.d.layout.headline) {
		row := []reports.Cell{reports.Str(b.d.docs[id].title)}
		s := reports.Series{Name: b.d.docs[id].title}
		drawn := false
		for _, e := range ex {
			cell := b.d.past(e, id, b.s.niveau, b.s.code)
			row = append(row, cell)
			s.Values, s.Cells = append(s.Values, cell.Number), append(s.Cells, cell)
			hidden += map[bool]int{true: 1}[cell.Masked]
			drawn = drawn || !cell.Masked && !cell.Empty
		}
		t.Rows = append(t.Rows, row)
		if drawn {
			c.Series = append(c.Series, s)
		}
	}
	if hidden > 0 {
		c.Source += fmt.Sprintf(" ; %d point(s) non représenté(s) : secret statistique", hidden)
	}
	sec.Tables, sec.Charts = []*reports.Table{t}, []*reports.Chart{c}
	return sec, true
}

// overseas puts the overseas regions side by side, one column each.
func (b *builder) overseas() reports.Section {
	sec := reports.Section{Title: "Outre-mer", Paragraphs: []string{
		"Les régions d'outre-mer côte à côte (PNAE, action 11 : développer les compétences et l'accès à l'emploi des jeunes en outre-mer). " +
			"Saint-Martin est compté avec la Guadeloupe."}}
	t := &reports.Table{Number: b.number(), Title: "Chiffres clés des régions d'outre-mer", Sheet: "Outre-mer", Source: sourceExtracts,
		Columns: []reports.Column{{Title: "Indicateur"}}}
	for _, code := range overseas {
		t.Columns = append(t.Columns, reports.Column{Title: b.d.regionName(code), Format: reports.Count})
	}
	t.Columns = append(t.Columns, reports.Column{Title: "France", Format: reports.Count})
	for _, id := range b.present(b.d.layout.headline) {
		row := []reports.Cell{reports.Str(b.d.docs[id].title)}
		for _, code := range overseas {
			row = append(row, b.d.cell(id, "region", code))
		}
		t.Rows = append(t.Rows, append(row, b.d.cell(id, "national", "FR")))
	}
	sec.Tables = []*reports.Table{t}
	return sec
}

// annex is the key figures of France and every region, six regions per table.
func (b *builder) annex() reports.Section {
	sec := reports.Section{Title: "Annexe : chiffres clés nationaux et régionaux"}
	if b.s.niveau != "national" {
		sec.Title = "Annexe : chiffres clés de la région et de la France"
	}
	regions := b.d.regions
	if b.s.niveau != "national" {
		regions = []territory{{b.s.code, b.s.name}}
	}
	for start := 0; start < len(regions); start += 6 {
		part := regions[start:min(start+6, len(regions))]
		t := &reports.Table{Number: b.number(), Title: fmt.Sprintf("Chiffres clés par région (%d/%d)", start/6+1, (len(regions)+5)/6),
			Sheet: fmt.Sprintf("Annexe %d", start/6+1), Source: sourceExtracts, Columns: []reports.Column{{Title: "Indicateur"}}}
		for _, reg := range part {
			t.Columns = append(t.Columns, reports.Column{Title: reg.name, Format: reports.Count})
		}
		t.Columns = append(t.Columns, reports.Column{Title: "France", Format: reports.Count})
		for _, id := range b.keyFigures() {
			row := []reports.Cell{reports.Str(b.d.docs[id].title)}
			for _, reg := range part {
				row = append(row, b.d.cell(id, "region", reg.code))
			}
			t.Rows = append(t.Rows, append(row, b.d.cell(id, "national", "FR")))
		}
		sec.Tables = append(sec.Tables, t)
	}
	return sec
}

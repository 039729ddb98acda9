package html

import (
	"fmt"
	"html/template"
	"io"
	"strings"

	"bilan/reports"
)

// catalogueView is the catalogue as its template reads it.
type catalogueView struct {
	DocTitle, Description, Author, Tagline, Footer, ISODate string
	Exercice                                                int
	SQLSHA256, Version                                      string
	Style                                                   template.CSS
	Families                                                []familyView
	Summary                                                 *tableView
}

type familyView struct {
	ID, Title  string
	Indicators []indicatorView
}

type indicatorView struct {
	ID, Anchor, Title, Definition, Source, Unit, Levels, File, SQL string
	National                                                       cellView
	Members                                                        *tableView
}

// WriteCatalogue renders the catalogue of indicators as one HTML file: a table of every
// indicator with its national value, then one section per family and, for each
// indicator, its header fields and its SQL as shipped.
func WriteCatalogue(w io.Writer, c *reports.Catalogue) error {
	css, err := style()
	if err != nil {
		return fmt.Errorf("html style: %w", err)
	}
	const title = "Catalogue des indicateurs du réseau des missions locales"
	v := &catalogueView{DocTitle: title, Author: "Délégation ministérielle aux missions locales (DMML)", Tagline: title,
		Description: "Définitions, requêtes SQL et valeurs nationales des indicateurs du bilan d'activité des missions locales",
		Exercice:    c.Exercice, SQLSHA256: c.SQLSHA256, Version: c.Version, Style: css,
		Footer: fmt.Sprintf("Source : programme bilan %s, fichiers sql/indicators (empreinte SHA-256 %s) – Délégation ministérielle aux missions locales (DMML).",
			c.Version, c.SQLSHA256)}
	column := fmt.Sprintf("France %d", c.Exercice)
	if c.Exercice == 0 {
		column = "France"
	}
	summary := &reports.Table{Title: "Les indicateurs et leur valeur nationale", Columns: []reports.Column{
		{Title: "Indicateur"}, {Title: "Titre"}, {Title: "Famille"}, {Title: "Unité"}, {Title: column, Format: reports.Count}}}
	for i, f := range c.Families {
		fv := familyView{ID: fmt.Sprintf("famille-%d", i+1), Title: f.Title}
		for _, x := range f.Indicators {
			iv := indicatorView{ID: x.ID, Anchor: anchor(x.ID), Title: x.Title, Definition: x.Definition, Source: x.Source,
				Unit: x.Unit, Levels: strings.Join(x.Levels, ", "), File: x.File, SQL: x.SQL, National: value(x.National)}
			if len(x.Members) > 0 {
				m := &reports.Table{Title: "Les indicateurs de " + x.ID, Columns: []reports.Column{
					{Title: "Indicateur"}, {Title: "Titre"}, {Title: column, Format: reports.Count}}}
				for _, id := range x.Members {
					m.Rows = append(m.Rows, []reports.Cell{reports.Str(id.ID), reports.Str(id.Title), id.National})
				}
				iv.Members = table(m, iv.Anchor+"-ids")
			} else {
				summary.Rows = append(summary.Rows, []reports.Cell{reports.Str(x.ID), reports.Str(x.Title), reports.Str(f.Title),
					reports.Str(x.Unit), x.National})
			}
			fv.Indicators = append(fv.Indicators, iv)
		}
		v.Families = append(v.Families, fv)
	}
	v.Summary = table(summary, "indicateurs")
	for _, t := range append([]*tableView{v.Summary}, members(v)...) {
		for _, r := range t.Rows {
			for i := range r {
				if r[i].Text == notPublished && !r[i].Head {
					r[i].Abbr = "valeur non publiée"
				}
			}
		}
	}
	if err := cataloguePage.Execute(w, v); err != nil {
		return fmt.Errorf("render catalogue: %w", err)
	}
	return nil
}

// notPublished is the value of a cell no publication printed (package catalogue).
const notPublished = "n.p."

func members(v *catalogueView) []*tableView {
	var out []*tableView
	for _, f := range v.Families {
		for _, x := range f.Indicators {
			if x.Members != nil {
				out = append(out, x.Members)
			}
		}
	}
	return out
}

// value is a cell as the template writes it.
func value(c reports.Cell) cellView {
	v := cellView{Text: reports.French(c), Num: c.Format != reports.Text, Masked: c.Format != reports.Text && c.Masked,
		Unavailable: c.Format != reports.Text && c.Empty && !c.Masked}
	if v.Text == notPublished {
		v.Abbr = "valeur non publiée"
	}
	return v
}

// anchor is the id of an indicator's section: its id in lower case, "*" spelt out.
func anchor(id string) string {
	return "indicateur-" + strings.ToLower(strings.ReplaceAll(id, "*", "famille"))
}

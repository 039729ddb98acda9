// Package html renders a report as one accessible HTML file, the twin of its PDF: the
// same sections in the same order under real headings, every table a <table> with its
// caption and header cells, every chart an inline SVG with a text alternative and its
// data in a table beside it, a table of contents with anchors, the DSFR's styles and
// fonts inside the file (it opens anywhere, mailed or served, and never asks for another
// file), lang="fr". Numbers read as in the PDF (reports.French) and masked cells as « s »,
// explained once at the top. All text goes through html/template, so a name coming from
// an input can never be markup. The output depends only on the report, so the same report
// gives the same bytes.
package html

import (
	"embed"
	"fmt"
	"html/template"
	"io"

	"bilan/reports"
)

//go:embed *.tmpl
var templates embed.FS

// Pages: a report, the catalogue; each with the top and bottom of layout.tmpl.
var (
	reportPage    = template.Must(template.ParseFS(templates, "report.tmpl", "layout.tmpl"))
	cataloguePage = template.Must(template.ParseFS(templates, "catalogue.tmpl", "layout.tmpl"))
)

// Titles of the parts of a report that are not sections of the model, as the PDF has them.
const (
	keyFiguresTitle = "L'essentiel"
	indexTitle      = "Index des tableaux"
)

// view is the report as the template reads it: every number already written in French.
type view struct {
	Title, DocTitle, Subtitle, Author, Date, ISODate string
	Description, Tagline                             string
	Exercice                                         int
	Restricted                                       bool
	Threshold, Below                                 int // secrecy threshold; the largest count it masks
	Footer                                           string
	Style                                            template.CSS
	Sections                                         []sectionView
}

type sectionView struct {
	ID, Title  string
	Paragraphs []string
	Tables     []*tableView
	Charts     []*chartView
	Index      []link
}

type link struct{ ID, Text string }

type tableView struct {
	ID, Caption, Source string
	Top                 []headView // when columns are grouped: the first header row
	Head                []cellView // the header row (under Top, the grouped columns' titles)
	Rows, Totals        [][]cellView
	Masked, NA          bool // the table holds an « s » or an « n.d. »
}

type cellView struct {
	Text, Abbr          string // Abbr: what an abbreviation in Text stands for
	Head, Num           bool   // a row header; a number (right-aligned)
	Masked, Unavailable bool
}

// Write renders r as HTML into w.
func Write(w io.Writer, r *reports.Report) error {
	css, err := style()
	if err != nil {
		return fmt.Errorf("html style: %w", err)
	}
	v := build(r)
	v.Style = css
	if err := reportPage.Execute(w, v); err != nil {
		return fmt.Errorf("render html: %w", err)
	}
	return nil
}

func build(r *reports.Report) *view {
	v := &view{Title: r.Title, Subtitle: r.Subtitle, Author: r.Author, Exercice: r.Exercice,
		Date: reports.FrenchDate(r.Date), ISODate: r.Date.Format("2006-01-02"), Restricted: r.Restricted, Threshold: r.Threshold, Below: r.Threshold - 1,
		DocTitle: fmt.Sprintf("%s %d", r.Title, r.Exercice), Description: r.Subtitle, Tagline: fmt.Sprintf("%s %d", r.Title, r.Exercice)}
	if r.Subtitle != "" {
		v.DocTitle += " – " + r.Subtitle
	}
	source := "Source : I-milo, traitement DMML"
	if r.Restricted {
		source = "Diffusion restreinte"
	}
	v.Footer = fmt.Sprintf("%s – %s – document établi le %s.", source, r.Author, v.Date)
	sections := 0
	section := func(title string) sectionView {
		sections++
		return sectionView{ID: fmt.Sprintf("section-%d", sections), Title: title}
	}
	unnumbered, charts := 0, 0
	tableID := func(t *reports.Table) string {
		if t.Number > 0 {
			return fmt.Sprintf("tableau-%d", t.Number)
		}
		unnumbered++
		return fmt.Sprintf("tableau-sans-numero-%d", unnumbered)
	}
	if len(r.KeyFigures) > 0 {
		s := section(keyFiguresTitle)
		t := reports.KeyFigureTable(r)
		s.Tables = []*tableView{table(t, tableID(t))}
		v.Sections = append(v.Sections, s)
	}
	for _, sec := range r.Sections {
		s := section(sec.Title)
		s.Paragraphs = sec.Paragraphs
		for _, t := range sec.Tables {
			s.Tables = append(s.Tables, table(t, tableID(t)))
		}
		for _, c := range sec.Charts {
			if len(c.Labels) == 0 || len(c.Series) == 0 {
				continue // as the PDF: an empty chart is not drawn
			}
			charts++
			s.Charts = append(s.Charts, chart(c, fmt.Sprintf("graphique-%d", charts)))
		}
		v.Sections = append(v.Sections, s)
	}
	index := section(indexTitle)
	for _, t := range r.Tables() {
		if t.Number > 0 {
			index.Index = append(index.Index, link{fmt.Sprintf("tableau-%d", t.Number), caption(t)})
		}
	}
	v.Sections = append(v.Sections, index)
	return v
}

// caption is the title of a table as the PDF prints it above the table.
func caption(t *reports.Table) string {
	if t.Number > 0 {
		return fmt.Sprintf("Tableau %d – %s", t.Number, t.Title)
	}
	return t.Title
}

func table(t *reports.Table, id string) *tableView {
	tv := &tableView{ID: id, Caption: caption(t), Source: t.Source}
	for _, c := range t.Columns {
		tv.Head = append(tv.Head, cellView{Text: c.Title, Num: c.Format != reports.Text})
	}
	groupHead(tv, t)
	line := func(cells []reports.Cell) []cellView {
		var out []cellView
		for i, c := range cells {
			cv := cellView{Text: reports.French(c), Num: c.Format != reports.Text || i < len(t.Columns) && t.Columns[i].Format != reports.Text,
				Head: i == 0 && c.Format == reports.Text && len(t.Columns) > 0 && t.Columns[0].Format == reports.Text}
			if c.Format != reports.Text {
				cv.Masked, cv.Unavailable = c.Masked, c.Empty && !c.Masked
			}
			tv.Masked = tv.Masked || cv.Masked
			tv.NA = tv.NA || cv.Unavailable
			out = append(out, cv)
		}
		return out
	}
	for _, r := range t.Rows {
		tv.Rows = append(tv.Rows, line(r))
	}
	for _, r := range t.Totals {
		tv.Totals = append(tv.Totals, line(r))
	}
	return tv
}

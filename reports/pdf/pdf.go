// Package pdf renders a report as a French PDF with fpdf: embedded DejaVu fonts, a cover,
// a table of contents with page numbers, running headers and "page n sur N" footers,
// numbered tables whose header row repeats across pages with a source line under each,
// charts, an index of tables, and metadata in fr-FR. The output depends only on the
// report (its date, never the clock), so the same report gives the same bytes.
package pdf

import (
	_ "embed"
	"fmt"
	"io"

	"github.com/go-pdf/fpdf"

	"bilan/reports"
)

//go:embed fonts/DejaVuSans.ttf
var regular []byte

//go:embed fonts/DejaVuSans-Bold.ttf
var bold []byte

const (
	font   = "DejaVu"
	margin = 15.0
	lineH  = 5.5
)

// Colours of the French State's brand (bleu France) for titles, table heads and charts.
var (
	blue   = [3]int{0, 0, 145}
	light  = [3]int{232, 237, 255}
	grey   = [3]int{90, 90, 90}
	red    = [3]int{225, 0, 15}
	series = [][3]int{{0, 0, 145}, {106, 106, 244}, {225, 0, 15}, {0, 150, 100}}
)

// pages records where things landed in a rendering, for the contents and the index.
type pages struct {
	sections map[string]int
	tables   map[int]int
}

// Write renders r as PDF into w. It renders twice: the first pass finds the page of each
// section and table, the second prints them in the contents and the index.
func Write(w io.Writer, r *reports.Report) error {
	first := &pages{sections: map[string]int{}, tables: map[int]int{}}
	if _, err := render(r, nil, first); err != nil {
		return err
	}
	p, err := render(r, first, &pages{sections: map[string]int{}, tables: map[int]int{}})
	if err != nil {
		return err
	}
	return p.Output(w)
}

// doc is one rendering in progress.
type doc struct {
	*fpdf.Fpdf
	r       *reports.Report
	known   *pages // from the previous pass (nil on the first)
	seen    *pages
	current string // section title, for the running header
}

func render(r *reports.Report, known, seen *pages) (*fpdf.Fpdf, error) {
	p := fpdf.New("P", "mm", "A4", "")
	d := &doc{Fpdf: p, r: r, known: known, seen: seen}
	p.SetMargins(margin, margin+4, margin)
	p.SetAutoPageBreak(true, margin+5)
	p.AddUTF8FontFromBytes(font, "", regular)
	p.AddUTF8FontFromBytes(font, "B", bold)
	title := fmt.Sprintf("%s %d", r.Title, r.Exercice)
	p.SetTitle(title, true)
	p.SetAuthor(r.Author, true)
	p.SetSubject(r.Subtitle, true)
	p.SetCreator("bilan", true)
	p.SetProducer("bilan (fpdf)", true)
	p.SetKeywords("missions locales, bilan d'activité, I-milo, DMML", true)
	p.SetLang("fr-FR")
	p.SetCreationDate(r.Date)
	p.SetModificationDate(r.Date)
	p.SetCatalogSort(true)
	p.AliasNbPages("{nb}")
	p.SetHeaderFunc(func() {
		if p.PageNo() <= 2 {
			return
		}
		p.SetFont(font, "", 7.5)
		p.SetTextColor(grey[0], grey[1], grey[2])
		p.SetXY(margin, 8)
		p.CellFormat(90, 4, title, "", 0, "L", false, 0, "")
		p.CellFormat(0, 4, d.current, "", 0, "R", false, 0, "")
		p.SetDrawColor(200, 200, 200)
		p.Line(margin, 13, 210-margin, 13)
		p.SetDrawColor(0, 0, 0)
		p.SetTextColor(0, 0, 0)
		p.SetY(margin + 4)
	})
	p.SetFooterFunc(func() {
		if p.PageNo() == 1 {
			return
		}
		p.SetY(-margin)
		p.SetFont(font, "", 8)
		p.SetTextColor(grey[0], grey[1], grey[2])
		left := "Source : I-milo, traitement DMML"
		if r.Restricted {
			left = "Diffusion restreinte"
		}
		p.CellFormat(90, 5, left, "", 0, "L", false, 0, "")
		p.CellFormat(0, 5, fmt.Sprintf("page %d sur {nb}", p.PageNo()), "", 0, "R", false, 0, "")
		p.SetTextColor(0, 0, 0)
	})
	d.cover()
	d.contents()
	d.keyFigures()
	for _, s := range r.Sections {
		d.section(s)
	}
	d.index()
	if err := p.Error(); err != nil {
		return nil, fmt.Errorf("render pdf: %w", err)
	}
	return p, nil
}

// Package pdf renders a report as a French PDF with fpdf: embedded DejaVu fonts, cover,
// key figures, numbered tables whose header row repeats across pages, a source line under
// every table, "page n sur N" footers, and metadata in fr-FR. The output depends only on
// the report (its date, never the clock), so the same report gives the same bytes.
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

// Colours of the French State's brand (bleu France) for titles and table heads.
var (
	blue  = [3]int{0, 0, 145}
	light = [3]int{232, 237, 255}
	grey  = [3]int{90, 90, 90}
)

// Write renders r as PDF into w.
func Write(w io.Writer, r *reports.Report) error {
	p := fpdf.New("P", "mm", "A4", "")
	p.SetMargins(margin, margin, margin)
	p.SetAutoPageBreak(true, margin+5)
	p.AddUTF8FontFromBytes(font, "", regular)
	p.AddUTF8FontFromBytes(font, "B", bold)
	p.SetTitle(r.Title+" "+fmt.Sprint(r.Exercice), true)
	p.SetAuthor(r.Author, true)
	p.SetSubject(r.Subtitle, true)
	p.SetCreator("bilan", true)
	p.SetProducer("bilan (fpdf)", true)
	p.SetLang("fr-FR")
	p.SetCreationDate(r.Date)
	p.SetModificationDate(r.Date)
	p.SetCatalogSort(true)
	p.AliasNbPages("{nb}")
	p.SetFooterFunc(func() {
		if p.PageNo() == 1 {
			return
		}
		p.SetY(-margin)
		p.SetFont(font, "", 8)
		p.SetTextColor(grey[0], grey[1], grey[2])
		p.CellFormat(0, 5, fmt.Sprintf("%s %d", r.Title, r.Exercice), "", 0, "L", false, 0, "")
		p.CellFormat(0, 5, fmt.Sprintf("page %d sur {nb}", p.PageNo()), "", 0, "R", false, 0, "")
	})
	cover(p, r)
	keyFigures(p, r)
	for _, s := range r.Sections {
		section(p, s)
	}
	if err := p.Error(); err != nil {
		return fmt.Errorf("render pdf: %w", err)
	}
	return p.Output(w)
}

func cover(p *fpdf.Fpdf, r *reports.Report) {
	p.AddPage()
	p.SetFillColor(blue[0], blue[1], blue[2])
	p.Rect(0, 0, 210, 8, "F")
	p.SetY(70)
	p.SetTextColor(blue[0], blue[1], blue[2])
	p.SetFont(font, "B", 26)
	p.MultiCell(0, 12, r.Title, "", "L", false)
	p.SetFont(font, "B", 40)
	p.CellFormat(0, 20, fmt.Sprint(r.Exercice), "", 1, "L", false, 0, "")
	p.SetTextColor(0, 0, 0)
	p.SetFont(font, "", 13)
	p.MultiCell(0, 7, r.Subtitle, "", "L", false)
	p.SetY(250)
	p.SetFont(font, "", 10)
	p.SetTextColor(grey[0], grey[1], grey[2])
	p.MultiCell(0, 5, r.Author+"\nDocument établi le "+reports.FrenchDate(r.Date), "", "L", false)
}

func heading(p *fpdf.Fpdf, text string) {
	p.SetFont(font, "B", 15)
	p.SetTextColor(blue[0], blue[1], blue[2])
	p.MultiCell(0, 8, text, "", "L", false)
	p.SetTextColor(0, 0, 0)
	p.Ln(2)
}

func keyFigures(p *fpdf.Fpdf, r *reports.Report) {
	if len(r.KeyFigures) == 0 {
		return
	}
	p.AddPage()
	heading(p, "L'essentiel")
	t := &reports.Table{Title: "Chiffres clés", Columns: []reports.Column{
		{Title: "Indicateur"}, {Title: fmt.Sprint(r.Exercice), Format: reports.Count},
		{Title: fmt.Sprint(r.Exercice - 1), Format: reports.Count}, {Title: "Évolution", Format: reports.Change}}}
	for _, k := range r.KeyFigures {
		t.Rows = append(t.Rows, []reports.Cell{reports.Str(k.Label), k.Value, k.Previous, k.Change})
	}
	table(p, t, []float64{95, 30, 30, 25})
}

func section(p *fpdf.Fpdf, s reports.Section) {
	p.AddPage()
	heading(p, s.Title)
	p.SetFont(font, "", 10)
	for _, para := range s.Paragraphs {
		p.MultiCell(0, lineH, para, "", "L", false)
		p.Ln(2)
	}
	for _, t := range s.Tables {
		if t.Number > 0 {
			p.SetFont(font, "B", 10)
			p.MultiCell(0, lineH, fmt.Sprintf("Tableau %d – %s", t.Number, t.Title), "", "L", false)
			p.Ln(1)
		}
		table(p, t, widths(t))
		p.Ln(4)
	}
}

// widths shares the page width among columns: the first (labels) and other text
// columns get more room than numbers.
func widths(t *reports.Table) []float64 {
	weights := make([]float64, len(t.Columns))
	total := 0.0
	for i, c := range t.Columns {
		switch {
		case i == 0:
			weights[i] = 2.2
		case c.Format == reports.Text:
			weights[i] = 3
		default:
			weights[i] = 1
		}
		total += weights[i]
	}
	avail := 210 - 2*margin
	w := make([]float64, len(weights))
	for i, x := range weights {
		w[i] = avail * x / total
	}
	return w
}

// table draws a table; its header row is drawn again at the top of each new page.
func table(p *fpdf.Fpdf, t *reports.Table, w []float64) {
	_, pageH := p.GetPageSize()
	_, _, _, bottom := p.GetMargins()
	header := func() {
		p.SetFont(font, "B", 7)
		p.SetFillColor(light[0], light[1], light[2])
		h := 0.0
		for i, c := range t.Columns {
			if n := float64(len(p.SplitText(c.Title, w[i]-2))); n*4 > h {
				h = n * 4
			}
		}
		x, y := p.GetXY()
		for i, c := range t.Columns {
			p.Rect(x, y, w[i], h+2, "F")
			p.SetXY(x+1, y+1)
			align := "R"
			if i == 0 {
				align = "L"
			}
			p.MultiCell(w[i]-2, 4, c.Title, "", align, false)
			x += w[i]
		}
		p.SetXY(margin, y+h+2)
	}
	// row draws a line of cells; text wraps within its column and the line takes the
	// height of its tallest cell.
	row := func(cells []reports.Cell, style string) {
		p.SetFont(font, style, 8)
		lines := 1
		for i, c := range cells {
			if n := len(p.SplitText(reports.French(c), w[i]-2)); n > lines {
				lines = n
			}
		}
		h := float64(lines)*4 + 1.5
		if p.GetY()+h > pageH-bottom-5 {
			p.AddPage()
			header()
			p.SetFont(font, style, 8)
		}
		x, y := p.GetXY()
		for i, c := range cells {
			align := "R"
			if c.Format == reports.Text {
				align = "L"
			}
			p.SetXY(x+1, y+0.75)
			p.MultiCell(w[i]-2, 4, reports.French(c), "", align, false)
			x += w[i]
		}
		p.Line(margin, y+h, x, y+h)
		p.SetXY(margin, y+h)
	}
	if p.GetY()+3*lineH+10 > pageH-bottom {
		p.AddPage()
	}
	header()
	for _, r := range t.Rows {
		row(r, "")
	}
	if t.Total != nil {
		row(t.Total, "B")
	}
	if t.Source != "" {
		p.SetFont(font, "", 7)
		p.SetTextColor(grey[0], grey[1], grey[2])
		p.MultiCell(0, 4, "Source : "+t.Source, "", "L", false)
		p.SetTextColor(0, 0, 0)
	}
}

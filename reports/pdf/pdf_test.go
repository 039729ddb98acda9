package pdf

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"bilan/reports"
	"bilan/reports/reporttest"
)

var sample = reporttest.Sample

// A table longer than a page repeats its header row on every page it spans, and the same
// report always gives the same bytes.
func TestLongTableRepeatsHeader(t *testing.T) {
	var a, b bytes.Buffer
	if err := Write(&a, sample(150)); err != nil {
		t.Fatal(err)
	}
	if err := Write(&b, sample(150)); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two renderings of one report differ")
	}
	p := filepath.Join(t.TempDir(), "r.pdf")
	os.WriteFile(p, a.Bytes(), 0o644)
	out, err := exec.Command("pdftotext", "-layout", p, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext (poppler-utils): %v", err)
	}
	pages := strings.Split(string(out), "\f")
	withTable := 0
	for _, page := range pages {
		if strings.Contains(page, "Mission locale n°") {
			withTable++
			if !strings.Contains(page, "Jeunes en contact") {
				t.Errorf("a page of the table has no header row:\n%s", page[:min(len(page), 400)])
			}
		}
	}
	if withTable < 3 {
		t.Fatalf("the table spans %d pages, want at least 3", withTable)
	}
	text := strings.NewReplacer("\u202f", " ", "\u00a0", " ").Replace(string(out))
	if !regexp.MustCompile(`France\s+1 370 000\s+s\n`).MatchString(text) {
		t.Error("the masked share of the total line does not read « s »")
	}
	for _, want := range []string{"1 370 000", "Cœur d’Armor", "Tableau 1 – Un long tableau", "Source : essai", "page 2 sur"} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF text lacks %q", want)
		}
	}
}

// In a table with many number columns, the headers wrap but no value does, the bold
// totals included: each value reads whole on its line of pdftotext.
func TestWideTableKeepsValuesWhole(t *testing.T) {
	cols := []reports.Column{{Title: "Mission locale"}, {Title: "Financement total", Format: reports.Euros}}
	for _, h := range []string{"État", "Région", "Départements", "Communes et EPCI", "FSE", "Autres"} {
		cols = append(cols, reports.Column{Title: h, Format: reports.Percent})
	}
	cols = append(cols, reports.Column{Title: "Par jeune reçu", Format: reports.Euros})
	line := func(label string, total float64) []reports.Cell {
		r := []reports.Cell{reports.Str(label), reports.Num(total, reports.Euros)}
		for _, v := range []float64{51.6, 17.1, 6.6, 13.3, 3.8, 7.6} {
			r = append(r, reports.Num(v, reports.Percent))
		}
		return append(r, reports.Num(1028, reports.Euros))
	}
	tb := &reports.Table{Number: 1, Title: "Financement", Source: "essai", Columns: cols,
		Rows: [][]reports.Cell{line("56-ML VANNES", 51055)}, Totals: [][]reports.Cell{line("France", 816359)}}
	r := sample(0)
	r.Sections[0].Tables = []*reports.Table{tb}
	var b bytes.Buffer
	if err := Write(&b, r); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "r.pdf")
	os.WriteFile(p, b.Bytes(), 0o644)
	out, err := exec.Command("pdftotext", "-layout", p, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext (poppler-utils): %v", err)
	}
	text := strings.NewReplacer("\u202f", " ", "\u00a0", " ").Replace(string(out))
	if !regexp.MustCompile(`France\s+816 359 €\s+51,6 %\s+17,1 %\s+6,6 %\s+13,3 %\s+3,8 %\s+7,6 %\s+1 028 €\n`).MatchString(text) {
		t.Errorf("a value of the bold total line wraps:\n%s", text)
	}
}

// Documents rendered at the same time (publish renders one per core) give the same bytes
// as one rendered alone: nothing in a rendering depends on another one or on map order.
func TestConcurrentRendersIdentical(t *testing.T) {
	var alone bytes.Buffer
	if err := Write(&alone, sample(40)); err != nil {
		t.Fatal(err)
	}
	outs := make([]bytes.Buffer, 6)
	errs := make(chan error, len(outs))
	for i := range outs {
		go func() { errs <- Write(&outs[i], sample(40)) }()
	}
	for range outs {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	for i := range outs {
		if !bytes.Equal(outs[i].Bytes(), alone.Bytes()) {
			t.Errorf("rendering %d of 6 concurrent ones differs from one rendered alone", i+1)
		}
	}
}

// A table of six indicators over 2016, 2015 and their change is printed in two parts, one
// under the other, each with the territories, its groups over their columns, the second
// titled « (suite, 2/2) »; values read whole; the source line comes once, after the last part.
func TestGroupedTableInParts(t *testing.T) {
	cols := []reports.Column{{Title: "Région"}}
	line := func(label string) []reports.Cell {
		r := []reports.Cell{reports.Str(label)}
		for k := 0; k < 6; k++ {
			r = append(r, reports.Num(1240+float64(k), reports.Count), reports.Num(1222, reports.Count), reports.Num(-13.3, reports.Change))
		}
		return r
	}
	for k := 0; k < 6; k++ {
		g := fmt.Sprintf("Indicateur %c", 'A'+k)
		cols = append(cols, reports.Column{Title: "2016", Format: reports.Count, Group: g}, reports.Column{Title: "2015", Format: reports.Count, Group: g},
			reports.Column{Title: "Évol. (%)", Format: reports.Change, Group: g})
	}
	tb := &reports.Table{Number: 1, Title: "Jeunes", Source: "essai", Columns: cols,
		Rows: [][]reports.Cell{line("Provence-Alpes-Côte d'Azur")}, Totals: [][]reports.Cell{line("France")}}
	r := sample(0)
	r.Sections[0].Tables = []*reports.Table{tb}
	var b bytes.Buffer
	if err := Write(&b, r); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "r.pdf")
	os.WriteFile(p, b.Bytes(), 0o644)
	out, err := exec.Command("pdftotext", "-layout", p, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext (poppler-utils): %v", err)
	}
	text := strings.NewReplacer("\u202f", " ", "\u00a0", " ").Replace(string(out))
	for _, re := range []string{
		`Tableau 1 – Jeunes\n`, `Région\s+Indicateur A\s+Indicateur B\s+Indicateur C\n\s+2016\s+2015\s+Évol. \(%\)\s+2016`,
		`France\s+1 240\s+1 222\s+−13,3 %\s+1 241\s+1 222\s+−13,3 %\s+1 242\s+1 222\s+−13,3 %\n`,
		`Tableau 1 – Jeunes \(suite, 2/2\)\n`, `Indicateur D\s+Indicateur E\s+Indicateur F\n`,
		`France\s+1 243\s+1 222\s+−13,3 %\s+1 244\s+1 222\s+−13,3 %\s+1 245\s+1 222\s+−13,3 %\n`,
	} {
		if !regexp.MustCompile(re).MatchString(text) {
			t.Errorf("PDF text lacks %s:\n%s", re, text)
		}
	}
	if n := strings.Count(text, "Source : essai"); n != 1 {
		t.Errorf("%d source lines, want 1", n)
	}
}

// A line of several series is drawn as panels, one per series with its name, each point
// with its value, and a gap (a masked point) drawn nowhere.
func TestPanels(t *testing.T) {
	c := &reports.Chart{Kind: reports.Line, Title: "Évolution", Labels: []string{"2014", "2015", "2016"}}
	for k := 0; k < 4; k++ {
		s := reports.Series{Name: fmt.Sprintf("Série %d", k), Values: []float64{100, 200 + float64(k), 300}}
		if k == 3 { // its 203 is masked: never printed
			s.Cells = []reports.Cell{reports.Num(100, reports.Count), reports.Secret(reports.Count), reports.Num(300, reports.Count)}
		}
		c.Series = append(c.Series, s)
	}
	r := sample(0)
	r.Sections[0].Charts = []*reports.Chart{c}
	var b bytes.Buffer
	if err := Write(&b, r); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "r.pdf")
	os.WriteFile(p, b.Bytes(), 0o644)
	out, err := exec.Command("pdftotext", "-layout", p, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext (poppler-utils): %v", err)
	}
	text := string(out)
	for _, want := range []string{"Série 0", "Série 3", "202", "Graphique – Évolution"} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF text lacks %q", want)
		}
	}
	if strings.Count(text, "300") < 4 || strings.Contains(text, "203") {
		t.Errorf("the panels' values: %s", text)
	}
}

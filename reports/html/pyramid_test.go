package html

import (
	"strings"
	"testing"

	xhtml "golang.org/x/net/html"

	"bilan/reports/reporttest"
)

// A table of grouped columns has two header rows: each group's heading spanning its
// columns (scope colgroup, a <colgroup> of as many), the columns of no group spanning
// both rows; then the grouped columns' own titles. The pyramid is an SVG image with its
// text alternative and the table of its data, « s » for the masked value and no total
// (its sides are two populations).
func TestGroupedColumnsAndPyramid(t *testing.T) {
	root := parse(t, render(t, reporttest.Profile()))
	tables := elements(root, "table")
	if len(tables) != 2 {
		t.Fatalf("%d tables, want the profile and the pyramid's data", len(tables))
	}
	profile := tables[0]
	var spans []string
	for _, g := range elements(profile, "colgroup") {
		s, _ := attr(g, "span")
		spans = append(spans, s)
	}
	if strings.Join(spans, ",") != ",2,2,," {
		t.Errorf("colgroups' spans %q, want the label, two groups of 2, two columns", spans)
	}
	rows := elements(elements(profile, "thead")[0], "tr")
	if len(rows) != 2 {
		t.Fatalf("%d header rows", len(rows))
	}
	var top []string
	for _, th := range elements(rows[0], "th") {
		scope, _ := attr(th, "scope")
		span, _ := attr(th, "colspan")
		rs, _ := attr(th, "rowspan")
		top = append(top, text(th)+"|"+scope+"|"+span+"|"+rs)
	}
	want := "Mission locale|col||2 Femmes|colgroup|2| Hommes|colgroup|2| Sexe inconnu|col||2 Ensemble|col||2"
	if got := strings.Join(top, " "); got != want {
		t.Errorf("first header row %q, want %q", got, want)
	}
	var under []string
	for _, th := range elements(rows[1], "th") {
		under = append(under, text(th))
	}
	if got := strings.Join(under, ","); got != "Moins de 18 ans,18-21 ans,Moins de 18 ans,18-21 ans" {
		t.Errorf("second header row %q", got)
	}
	svg := elements(root, "svg")
	if len(svg) != 1 {
		t.Fatalf("%d SVG", len(svg))
	}
	alt := text(elements(svg[0], "title")[0])
	if !strings.Contains(alt, "Pyramide des âges") || !strings.Contains(alt, "à gauche les hommes, à droite les femmes") {
		t.Errorf("text alternative %q", alt)
	}
	data := tables[1]
	var head []string
	for _, th := range elements(elements(data, "thead")[0], "th") {
		head = append(head, text(th))
	}
	if strings.Join(head, ",") != "Âge au 31/12,Hommes,Femmes" {
		t.Errorf("the pyramid's data has columns %q", head)
	}
	var cells []string
	for _, tr := range elements(elements(data, "tbody")[0], "tr") {
		for c := tr.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == xhtml.ElementNode {
				cells = append(cells, text(c))
			}
		}
	}
	if got := strings.Join(cells, "|"); got != "Moins de 18 ans|1\u202f414|1\u202f212|18-21 ans|s|3\u202f131" {
		t.Errorf("the pyramid's data %q", got)
	}
}

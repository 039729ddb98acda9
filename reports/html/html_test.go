package html

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	xhtml "golang.org/x/net/html"

	"bilan/internal/doctext"
	"bilan/reports"
	"bilan/reports/pdf"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/")

// sample is a report with every part the model has: key figures with France, tables
// with masked and unavailable cells and total lines, the three kinds of chart, a long
// table, and the names given (names come from the inputs).
func sample(name string) *reports.Report {
	if name == "" {
		name = "Cœur d’Armor"
	}
	n := reports.Num
	ml := &reports.Table{Number: 1, Title: "Jeunes par mission locale", Sheet: "Jeunes", Source: "I-milo, traitement DMML",
		Columns: []reports.Column{{Title: "Mission locale"}, {Title: "Jeunes en contact", Format: reports.Count},
			{Title: "Part des femmes", Format: reports.Percent}, {Title: "ETP", Format: reports.Decimal1},
			{Title: "Financement", Format: reports.Euros}, {Title: "Évolution", Format: reports.Change}}}
	for i := 0; i < 60; i++ {
		ml.Rows = append(ml.Rows, []reports.Cell{reports.Str(fmt.Sprintf("ML n° %02d – %s", i, name)), n(float64(1000+37*i), reports.Count),
			n(40+float64(i)/10, reports.Percent), n(3.5+float64(i), reports.Decimal1), n(384700+float64(i), reports.Euros), n(float64(i)-30.04, reports.Change)})
	}
	ml.Rows = append(ml.Rows, []reports.Cell{reports.Str(name), reports.Secret(reports.Count), reports.Secret(reports.Percent),
		reports.NA(reports.Decimal1), reports.Num(0, reports.Euros), reports.NA(reports.Change)})
	ml.Totals = [][]reports.Cell{{reports.Str("Bretagne"), n(1370000, reports.Count), n(12.5, reports.Percent), n(26.3, reports.Decimal1),
		n(638356, reports.Euros), n(1.5, reports.Change)},
		{reports.Str("France"), n(1370001, reports.Count), reports.Secret(reports.Percent), n(34.5, reports.Decimal1), n(816359, reports.Euros), n(-3.2, reports.Change)}}
	words := &reports.Table{Number: 2, Title: "Applications citées – " + name, Source: name,
		Columns: []reports.Column{{Title: "Application"}, {Title: "ARML le citant", Format: reports.Count}, {Title: "Régions"}},
		Rows:    [][]reports.Cell{{reports.Str(name), n(3, reports.Count), reports.Str("Bretagne, " + name)}}}
	bars := &reports.Chart{Kind: reports.Bars, Title: "Jeunes en contact par mission locale", Axis: "Mission locale", Source: "I-milo",
		Labels: []string{name, "2A-ML AJACCIO", "Une mission locale au nom très long qui ne tiendrait pas dans la marge"},
		Series: []reports.Series{{Name: "Jeunes en contact – " + name, Values: []float64{1240, 17, 0}}}}
	line := &reports.Chart{Kind: reports.Line, Title: "Immersions par exercice – " + name, Source: "I-milo",
		Labels: []string{"2014", "2015", "2016"}, Series: []reports.Series{{Name: "Immersions", Values: []float64{161, 182, 1370}}}}
	stacked := &reports.Chart{Kind: reports.Stacked, Title: "Avancement des actions", Axis: "Action", Source: "suivi du PNAE",
		Labels: []string{"Action 1", "Action 2"}, Series: []reports.Series{{Name: "Non démarrée", Values: []float64{1, 0}},
			{Name: "En cours", Values: []float64{2, 3}}, {Name: name, Values: []float64{4, 11}}}}
	fr := n(1222, reports.Count)
	return &reports.Report{Title: "Bilan d'activité des missions locales", Subtitle: "Exercice 2016 – " + name + ", ses missions locales et la France",
		Exercice: 2016, Date: time.Date(2017, 3, 31, 0, 0, 0, 0, time.UTC), Author: "Délégation ministérielle aux missions locales (DMML)", Threshold: 11,
		KeyFigures: []reports.KeyFigure{{Label: "Jeunes en contact", Value: n(1240, reports.Count), Previous: n(1222, reports.Count), Change: n(1.5, reports.Change), France: &fr},
			{Label: name, Value: reports.Secret(reports.Count), Previous: reports.NA(reports.Count), Change: reports.Secret(reports.Change), France: &fr}},
		Sections: []reports.Section{
			{Title: "Les jeunes", Paragraphs: []string{"Les jeunes de " + name + " sont comptés une fois : 1 240 jeunes."}, Tables: []*reports.Table{ml}, Charts: []*reports.Chart{bars, line}},
			{Title: "Stratégie numérique – " + name, Tables: []*reports.Table{words}},
			{Title: "Bilan du PNAE", Charts: []*reports.Chart{stacked, {Kind: reports.Bars, Title: "vide"}}},
		}}
}

func render(t *testing.T, r *reports.Report) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, r); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func parse(t *testing.T, doc []byte) *xhtml.Node {
	t.Helper()
	root, err := xhtml.Parse(bytes.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	return root
}

func walk(n *xhtml.Node, fn func(*xhtml.Node)) {
	fn(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, fn)
	}
}

func attr(n *xhtml.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func text(n *xhtml.Node) string {
	var b strings.Builder
	walk(n, func(c *xhtml.Node) {
		if c.Type == xhtml.TextNode {
			b.WriteString(c.Data)
		}
	})
	return strings.TrimSpace(asciiSpaces.ReplaceAllString(b.String(), " "))
}

// asciiSpaces are the spaces of the markup; the no-break spaces of French numbers stay.
var asciiSpaces = regexp.MustCompile(`[ \t\r\n]+`)

func elements(root *xhtml.Node, name string) []*xhtml.Node {
	var out []*xhtml.Node
	walk(root, func(n *xhtml.Node) {
		if n.Type == xhtml.ElementNode && n.Data == name {
			out = append(out, n)
		}
	})
	return out
}

// The document has the PDF's structure: lang="fr", one h1, the PDF's sections in its
// order as h2, a table of contents whose every link leads to an element of the page,
// tables with a caption and header cells with a scope, the charts as SVG images with a
// text alternative, each followed by the table of its data; and it asks for no other
// file.
func TestStructure(t *testing.T) {
	r := sample("")
	doc := render(t, r)
	root := parse(t, doc)
	if h := elements(root, "html")[0]; func() string { v, _ := attr(h, "lang"); return v }() != "fr" {
		t.Error(`<html> lacks lang="fr"`)
	}
	if got := text(elements(root, "title")[0]); got != "Bilan d'activité des missions locales 2016 – Exercice 2016 – Cœur d’Armor, ses missions locales et la France" {
		t.Errorf("title %q", got)
	}
	if h1 := elements(root, "h1"); len(h1) != 1 || text(h1[0]) != "Bilan d'activité des missions locales 2016" {
		t.Errorf("h1: %d, %q", len(h1), text(h1[0]))
	}
	var h2 []string
	for _, h := range elements(root, "h2") {
		h2 = append(h2, text(h))
	}
	want := []string{"Sommaire", "L'essentiel", "Les jeunes", "Stratégie numérique – Cœur d’Armor", "Bilan du PNAE", "Index des tableaux"}
	if diff := cmp.Diff(want, h2); diff != "" {
		t.Errorf("headings (-want +got):\n%s", diff)
	}
	ids := map[string]bool{}
	walk(root, func(n *xhtml.Node) {
		if id, ok := attr(n, "id"); ok {
			if ids[id] {
				t.Errorf("id %q twice", id)
			}
			ids[id] = true
		}
	})
	var contents []string
	for _, a := range elements(root, "a") {
		href, _ := attr(a, "href")
		if !strings.HasPrefix(href, "#") || !ids[href[1:]] {
			t.Errorf("link %q (%s) leads nowhere in the page", href, text(a))
		}
		if c, _ := attr(a, "class"); c == "fr-summary__link" {
			contents = append(contents, text(a))
		}
	}
	if diff := cmp.Diff(want[1:], contents); diff != "" {
		t.Errorf("table of contents (-want +got):\n%s", diff)
	}
	var captions []string
	for _, tb := range elements(root, "table") {
		c := elements(tb, "caption")
		if len(c) != 1 || text(c[0]) == "" {
			t.Errorf("a table without caption")
			continue
		}
		captions = append(captions, text(c[0]))
		for _, th := range elements(tb, "th") {
			scope, _ := attr(th, "scope")
			inHead := th.Parent.Parent.Data == "thead"
			if inHead && scope != "col" || !inHead && scope != "row" {
				t.Errorf("%s: header cell %q has scope %q", text(c[0]), text(th), scope)
			}
		}
		if n := len(elements(tb, "thead")); n != 1 {
			t.Errorf("%s: %d thead", text(c[0]), n)
		}
	}
	wantCaptions := []string{"Chiffres clés 2016", "Tableau 1 – Jeunes par mission locale",
		"Données du graphique « Jeunes en contact par mission locale »", "Données du graphique « Immersions par exercice – Cœur d’Armor »",
		"Tableau 2 – Applications citées – Cœur d’Armor", "Données du graphique « Avancement des actions »"}
	if diff := cmp.Diff(wantCaptions, captions); diff != "" {
		t.Errorf("captions (-want +got):\n%s", diff)
	}
	svgs := elements(root, "svg")
	if len(svgs) != 3 {
		t.Fatalf("%d charts, want 3 (the empty one is not drawn, as in the PDF)", len(svgs))
	}
	for _, svg := range svgs {
		role, _ := attr(svg, "role")
		by, _ := attr(svg, "aria-labelledby")
		titles := elements(svg, "title")
		if role != "img" || len(titles) != 1 || !ids[by] || func() string { v, _ := attr(titles[0], "id"); return v }() != by ||
			!strings.Contains(text(titles[0]), "Les valeurs sont dans le tableau qui suit") {
			t.Errorf("chart without a text alternative: role %q, aria-labelledby %q", role, by)
		}
		fig := svg.Parent
		next := fig.NextSibling
		for next != nil && next.Type != xhtml.ElementNode {
			next = next.NextSibling
		}
		if fig.Data != "figure" || next == nil || len(elements(next, "table")) != 1 {
			t.Error("a chart is not followed by the table of its data")
		}
	}
	if alt := text(elements(svgs[0], "title")[0]); alt != "Barres horizontales, une par mission locale (3) : la plus longue Cœur d’Armor (1\u202f240), "+
		"la plus courte Une mission locale au nom très long qui ne tiendrait pas dans la marge (0). Les valeurs sont dans le tableau qui suit." {
		t.Errorf("text alternative of the bars: %q", alt)
	}
	walk(root, func(n *xhtml.Node) {
		for _, a := range n.Attr {
			if a.Key == "src" || a.Key == "href" && !strings.HasPrefix(a.Val, "#") {
				t.Errorf("<%s %s=%q>: a report asks for no other file", n.Data, a.Key, a.Val)
			}
		}
	})
	style := text(elements(root, "style")[0])
	for _, u := range regexp.MustCompile(`url\([^)]{0,20}`).FindAllString(style, -1) {
		if !strings.HasPrefix(u, "url(data:") && !strings.HasPrefix(u, `url("data:`) {
			t.Errorf("the style sheet asks for a file: %s", u)
		}
	}
	if !strings.Contains(style, ".fr-table") || !strings.Contains(style, "font-family:Marianne") {
		t.Error("the style sheet lacks the DSFR")
	}
	if strings.Contains(style, "</") {
		t.Error("the style sheet holds </, which would end <style>")
	}
}

// The numbers read as in the PDF, right-aligned; masked cells read « s » (marked as
// statistical secrecy) and carry no number; a table with masked or unavailable cells
// says what the signs mean; the secrecy threshold is explained once.
func TestMasksAndNumbers(t *testing.T) {
	root := parse(t, render(t, sample("")))
	var ml *xhtml.Node
	for _, tb := range elements(root, "table") {
		if strings.HasPrefix(text(elements(tb, "caption")[0]), "Tableau 1 ") {
			ml = tb
		}
	}
	rows := elements(ml, "tr")
	cells := func(tr *xhtml.Node) []string {
		var out []string
		for c := tr.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == xhtml.ElementNode {
				out = append(out, text(c))
			}
		}
		return out
	}
	nb := "\u202f"
	if diff := cmp.Diff([]string{"ML n° 01 – Cœur d’Armor", "1" + nb + "037", "40,1\u00a0%", "4,5", "384" + nb + "701\u00a0€", "−29,0\u00a0%"}, cells(rows[2])); diff != "" {
		t.Errorf("a row (-want +got):\n%s", diff)
	}
	masked := rows[len(rows)-3]
	if diff := cmp.Diff([]string{"Cœur d’Armor", "s", "s", "n.d.", "0\u00a0€", "n.d."}, cells(masked)); diff != "" {
		t.Errorf("the masked row (-want +got):\n%s", diff)
	}
	for _, td := range elements(masked, "td")[:2] {
		abbr := elements(td, "abbr")
		if title, _ := attr(abbr[0], "title"); len(abbr) != 1 || title != "secret statistique" {
			t.Errorf("a masked cell is not marked as statistical secrecy")
		}
		if class, _ := attr(td, "class"); class != "bilan-num" {
			t.Errorf("a number cell has class %q", class)
		}
	}
	if tf := elements(ml, "tfoot"); len(tf) != 1 || len(elements(tf[0], "tr")) != 2 {
		t.Error("the total lines are not the table's foot")
	}
	note := text(ml.Parent.Parent.Parent.Parent)
	if !strings.Contains(note, "« s » : secret statistique ; « n.d. » : non disponible (voir les signes conventionnels).") {
		t.Errorf("the table does not say what s and n.d. mean: %q", note[len(note)-200:])
	}
	signs := text(elements(root, "dl")[0])
	if !strings.Contains(signs, "s secret statistique : effectif de 1 à 10 jeunes, événements, mesures ou parrains") {
		t.Errorf("signs: %q", signs)
	}
}

// Every text of the report comes from the model, names from the inputs among them: none
// becomes markup, in the text of an element or in an attribute.
func TestEscaping(t *testing.T) {
	evil := `<script>alert("x")</script><img src=x onerror=alert(1)>' " & </style></svg></title> --> ]]>`
	r := sample(evil)
	r.Title, r.Author = evil, evil
	r.Sections[0].Paragraphs = append(r.Sections[0].Paragraphs, evil)
	r.Sections[0].Tables[0].Columns[1].Title = evil
	r.Sections[0].Charts[1].Labels[0] = evil
	doc := render(t, r)
	root := parse(t, doc)
	for _, name := range []string{"script", "img", "iframe", "object"} {
		if n := len(elements(root, name)); n > 0 {
			t.Errorf("%d <%s> in the document", n, name)
		}
	}
	walk(root, func(n *xhtml.Node) {
		for _, a := range n.Attr {
			if strings.HasPrefix(a.Key, "on") {
				t.Errorf("<%s> has an attribute %s", n.Data, a.Key)
			}
		}
	})
	if n := len(elements(root, "style")); n != 1 {
		t.Errorf("%d <style>", n)
	}
	found := 0
	walk(root, func(n *xhtml.Node) {
		if n.Type == xhtml.TextNode && strings.Contains(n.Data, evil) {
			found++
		}
		for _, a := range n.Attr {
			if strings.Contains(a.Val, evil) {
				found++
			}
		}
	})
	if found < 15 {
		t.Errorf("the name reads back whole %d times, want it everywhere it was given", found)
	}
	if bytes.Contains(doc, []byte("<script")) || bytes.Contains(doc, []byte("<img")) {
		t.Error("raw markup of a name in the bytes")
	}
}

// The same report gives the same bytes, alone or rendered with others at the same time.
func TestDeterministic(t *testing.T) {
	alone := render(t, sample(""))
	outs := make([][]byte, 4)
	done := make(chan struct{})
	for i := range outs {
		go func() {
			defer func() { done <- struct{}{} }()
			var b bytes.Buffer
			if err := Write(&b, sample("")); err == nil {
				outs[i] = b.Bytes()
			}
		}()
	}
	for range outs {
		<-done
	}
	for i, o := range outs {
		if !bytes.Equal(o, alone) {
			t.Errorf("rendering %d differs from one rendered alone", i+1)
		}
	}
}

// The document, its style sheet left out, is testdata/sample.html (go test -update
// rewrites it; review the diff like code).
func TestGolden(t *testing.T) {
	doc := regexp.MustCompile(`(?s)<style>.*?</style>`).ReplaceAll(render(t, sample("")), []byte("<style>…</style>"))
	path := filepath.Join("testdata", "sample.html")
	if *update {
		if err := os.WriteFile(path, doc, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), string(doc)); diff != "" {
		t.Errorf("sample.html (-want +got):\n%s", diff)
	}
}

// Every number the PDF of a report prints (pdftotext), as often as it prints it, is in
// its HTML twin; page numbers and the header rows a table repeats on each page aside.
func TestSameNumbersAsPDF(t *testing.T) {
	r := sample("")
	var p bytes.Buffer
	if err := pdf.Write(&p, r); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "r.pdf")
	if err := os.WriteFile(path, p.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	pages, err := doctext.PDF(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) < 6 {
		t.Fatalf("the sample PDF has %d pages: too few to test paging", len(pages))
	}
	inPDF := doctext.Numbers(doctext.PDFFigures(pages, indexTitle))
	page, err := doctext.HTML(render(t, r))
	if err != nil {
		t.Fatal(err)
	}
	inHTML := doctext.Numbers(page)
	if missing := doctext.Missing(inPDF, inHTML); len(missing) > 0 {
		t.Errorf("numbers of the PDF missing in the HTML:\n%s", strings.Join(missing, "\n"))
	}
	for _, n := range []string{"1 370 000", "384 701€", "−29,0%", "1 575", "1 240"} { // 1 575: a grid value of the line
		if inPDF[n] == 0 {
			t.Errorf("the PDF's text lacks %q: the comparison reads it wrong", n)
		}
	}
	// The comparison can fail: a figure dropped from the HTML is seen.
	if missing := doctext.Missing(inPDF, doctext.Numbers(strings.Replace(page, "1\u202f370\u202f000", "", 1))); len(missing) != 1 {
		t.Errorf("a figure removed from the HTML is not missed: %v", missing)
	}
}

func sampleCatalogue(name string) *reports.Catalogue {
	sql := "-- id: JEU_CONTACT\nSELECT 'a' < 'b' AS x, '</code></pre><script>alert(1)</script>' AS y -- " + name + "\n"
	return &reports.Catalogue{Exercice: 2016, SQLSHA256: "abc123", Version: "0.1.0", Families: []reports.Family{
		{Title: "A. Le réseau", Indicators: []reports.Indicator{{ID: "RES_ML", Title: "Missions locales", Definition: "structures du référentiel",
			Source: "référentiel", Unit: "structures", Levels: []string{"mission locale", "France"}, File: "sql/indicators/res_ml.sql", SQL: sql,
			National: reports.Num(447, reports.Count)}}},
		{Title: "B. Les jeunes – " + name, Indicators: []reports.Indicator{
			{ID: "JEU_CONTACT", Title: "Jeunes en contact – " + name, Definition: name, Source: name, Unit: "jeunes", File: "sql/indicators/jeu_contact.sql",
				SQL: sql, National: reports.Secret(reports.Count)},
			{ID: "JEU_PA_FEMMES_PCT", Title: "Part des femmes", Unit: "%", SQL: sql, National: reports.Str("n.p.")}}},
		{Title: "H. Bilan du PNAE", Indicators: []reports.Indicator{{ID: "PNAE_*", Title: "Suivi des 13 actions du PNAE", Unit: "ARML", SQL: sql,
			National: reports.Str(""), Members: []reports.Member{{ID: "PNAE_A01_REFERENTE", Title: "Action 1 – " + name, National: reports.Num(3, reports.Count)},
				{ID: "PNAE_A01_CONCERNEE", Title: "Action 1 – ARML concernées", National: reports.Str("n.p.")}}}}},
	}}
}

// The catalogue: one h2 per family, one h3 per indicator file with its anchor, every
// indicator in the table of values (a family file's ids in a table of their own), the SQL
// exactly as shipped in a <pre>, the signs s and n.p. explained; no text becomes markup.
func TestCatalogue(t *testing.T) {
	evil := `<script>alert("x")</script><img src=x onerror=alert(1)>`
	c := sampleCatalogue(evil)
	var b bytes.Buffer
	if err := WriteCatalogue(&b, c); err != nil {
		t.Fatal(err)
	}
	root := parse(t, b.Bytes())
	if n := len(elements(root, "script")) + len(elements(root, "img")); n > 0 {
		t.Errorf("%d script or img elements", n)
	}
	if h1 := elements(root, "h1"); len(h1) != 1 || text(h1[0]) != "Catalogue des indicateurs du réseau des missions locales" {
		t.Error("h1")
	}
	var h2, h3 []string
	for _, h := range elements(root, "h2") {
		h2 = append(h2, text(h))
	}
	for _, h := range elements(root, "h3") {
		id, _ := attr(h, "id")
		h3 = append(h3, id+" "+text(h))
	}
	if diff := cmp.Diff([]string{"Sommaire", "Tous les indicateurs", "A. Le réseau", "B. Les jeunes – " + evil, "H. Bilan du PNAE"}, h2); diff != "" {
		t.Errorf("h2 (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"indicateur-res_ml RES_ML – Missions locales", "indicateur-jeu_contact JEU_CONTACT – Jeunes en contact – " + evil,
		"indicateur-jeu_pa_femmes_pct JEU_PA_FEMMES_PCT – Part des femmes", "indicateur-pnae_famille PNAE_* – Suivi des 13 actions du PNAE"}, h3); diff != "" {
		t.Errorf("h3 (-want +got):\n%s", diff)
	}
	pres := elements(root, "pre")
	if len(pres) != 4 {
		t.Fatalf("%d SQL blocks", len(pres))
	}
	var sqlText strings.Builder
	walk(pres[1], func(n *xhtml.Node) {
		if n.Type == xhtml.TextNode {
			sqlText.WriteString(n.Data)
		}
	})
	if sqlText.String() != c.Families[1].Indicators[0].SQL {
		t.Errorf("SQL reads back as %q", sqlText.String())
	}
	tables := elements(root, "table")
	if len(tables) != 2 {
		t.Fatalf("%d tables", len(tables))
	}
	var values []string
	for _, tr := range elements(elements(tables[0], "tbody")[0], "tr") {
		cells := elements(tr, "td")
		values = append(values, text(elements(tr, "th")[0])+" "+text(cells[len(cells)-1]))
	}
	if diff := cmp.Diff([]string{"RES_ML 447", "JEU_CONTACT s", "JEU_PA_FEMMES_PCT n.p."}, values); diff != "" {
		t.Errorf("values (-want +got):\n%s", diff)
	}
	if !strings.Contains(text(tables[1]), "PNAE_A01_REFERENTEAction 1 – "+evil+"3") {
		t.Errorf("the ids of the family file: %s", text(tables[1]))
	}
	signs := text(elements(root, "dl")[0])
	for _, want := range []string{"s secret statistique", "n.p. valeur non publiée"} {
		if !strings.Contains(signs, want) {
			t.Errorf("signs lack %q: %s", want, signs)
		}
	}
	for _, a := range elements(root, "a") {
		href, _ := attr(a, "href")
		if !strings.HasPrefix(href, "#") && href != "catalogue.csv" {
			t.Errorf("link %q: the catalogue links only its own sections and catalogue.csv beside it", href)
		}
	}
}

// groupedSample is a report with a table of four indicators over 2016, 2015 and their
// change, and a line of two series (one with a masked point) in panels.
func groupedSample() *reports.Report {
	n := reports.Num
	cols := []reports.Column{{Title: "Région"}, {Title: "Sans N−1", Format: reports.Count}}
	for k := 0; k < 4; k++ {
		g := fmt.Sprintf("Indicateur %c", 'A'+k)
		cols = append(cols, reports.Column{Title: "2016", Format: reports.Percent, Group: g}, reports.Column{Title: "2015", Format: reports.Percent, Group: g},
			reports.Column{Title: "Évol. (points)", Format: reports.Points, Group: g})
	}
	line := func(label string, v float64) []reports.Cell {
		r := []reports.Cell{reports.Str(label), n(v, reports.Count)}
		for k := 0; k < 4; k++ {
			r = append(r, n(50.7+float64(k), reports.Percent), n(47.1, reports.Percent), n(3.6+float64(k), reports.Points))
		}
		return r
	}
	tb := &reports.Table{Number: 1, Title: "Profil", Source: "essai", Columns: cols,
		Rows: [][]reports.Cell{line("Bretagne", 913)}, Totals: [][]reports.Cell{line("France", 1240)}}
	c := &reports.Chart{Kind: reports.Line, Title: "Indicateurs clés", Axis: "Exercice", Labels: []string{"2015", "2016"}, Series: []reports.Series{
		{Name: "Jeunes en contact", Values: []float64{1222, 1240}},
		{Name: "Jeunes parrainés", Values: []float64{100, 116}, Cells: []reports.Cell{n(100, reports.Count), reports.Secret(reports.Count)}}}}
	r := sample("")
	r.Sections = []reports.Section{{Title: "Les jeunes", Tables: []*reports.Table{tb}, Charts: []*reports.Chart{c}}}
	return r
}

// A grouped table is printed in the PDF's parts, the second « (suite, 2/2) »; its head has two
// rows: each group over its columns (scope colgroup), a column without a group over both
// rows; the numbers of the PDF are all in the HTML. A line of several series is drawn in
// panels; its data table has no total (the series count different things) and reads « s »
// at the masked point, which no shape draws.
func TestGroupedTable(t *testing.T) {
	r := groupedSample()
	doc := render(t, r)
	root := parse(t, doc)
	var captions []string
	for _, tb := range elements(root, "table") {
		captions = append(captions, text(elements(tb, "caption")[0]))
	}
	want := []string{"Chiffres clés 2016", "Tableau 1 – Profil", "Tableau 1 – Profil (suite, 2/2)", "Données du graphique « Indicateurs clés »"}
	if diff := cmp.Diff(want, captions); diff != "" {
		t.Fatalf("captions (-want +got):\n%s", diff)
	}
	first := elements(root, "table")[1]
	rows := elements(elements(first, "thead")[0], "tr")
	if len(rows) != 2 {
		t.Fatalf("%d header rows, want 2", len(rows))
	}
	var top, below []string
	for _, th := range elements(rows[0], "th") {
		scope, _ := attr(th, "scope")
		span, _ := attr(th, "colspan")
		rs, _ := attr(th, "rowspan")
		top = append(top, fmt.Sprintf("%s/%s/%s/%s", text(th), scope, span, rs))
	}
	for _, th := range elements(rows[1], "th") {
		scope, _ := attr(th, "scope")
		below = append(below, text(th)+"/"+scope)
	}
	if diff := cmp.Diff([]string{"Région/col//2", "Sans N−1/col//2", "Indicateur A/colgroup/3/", "Indicateur B/colgroup/3/"}, top); diff != "" {
		t.Errorf("top header row (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"2016/col", "2015/col", "Évol. (points)/col", "2016/col", "2015/col", "Évol. (points)/col"}, below); diff != "" {
		t.Errorf("second header row (-want +got):\n%s", diff)
	}
	if got := cells(elements(elements(first, "tfoot")[0], "tr")[0]); got != "France 1\u202f240 50,7\u00a0% 47,1\u00a0% +3,6\u00a0pt 51,7\u00a0% 47,1\u00a0% +4,6\u00a0pt" {
		t.Errorf("total line %q", got)
	}
	var p bytes.Buffer
	if err := pdf.Write(&p, r); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "r.pdf")
	if err := os.WriteFile(path, p.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	pages, err := doctext.PDF(path)
	if err != nil {
		t.Fatal(err)
	}
	page, err := doctext.HTML(doc)
	if err != nil {
		t.Fatal(err)
	}
	if missing := doctext.Missing(doctext.Numbers(doctext.PDFFigures(pages, indexTitle)), doctext.Numbers(page)); len(missing) > 0 {
		t.Errorf("numbers of the PDF missing in the HTML:\n%s", strings.Join(missing, "\n"))
	}
	data := elements(root, "table")[3]
	var head []string
	for _, th := range elements(data, "th") {
		head = append(head, text(th))
	}
	if diff := cmp.Diff([]string{"Exercice", "Jeunes en contact", "Jeunes parrainés", "2015", "2016"}, head); diff != "" {
		t.Errorf("chart data (-want +got):\n%s", diff)
	}
	if got := cells(elements(elements(data, "tbody")[0], "tr")[1]); got != "2016 1\u202f240 s" {
		t.Errorf("chart data, 2016: %q", got)
	}
	svg := elements(root, "svg")[0]
	if n := len(elements(svg, "polyline")); n != 2 { // a line of two points; one of a single point
		t.Errorf("%d polylines", n)
	}
	if n := len(elements(svg, "circle")); n != 3 {
		t.Errorf("%d points drawn, want 3", n)
	}
	if strings.Contains(text(svg), "116") {
		t.Error("the masked point is drawn")
	}
}

// cells is the text of a row's cells, one space between them.
func cells(tr *xhtml.Node) string {
	var out []string
	for c := tr.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == xhtml.ElementNode {
			out = append(out, text(c))
		}
	}
	return strings.Join(out, " ")
}

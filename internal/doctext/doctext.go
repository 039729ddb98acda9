// Package doctext reads back what a reader sees in the documents of the packs — the text
// of a PDF (poppler's pdftotext) and the text of an HTML file — and the numbers in it, so
// that tests can check that two renderings of one report print the same figures.
package doctext

import (
	"bytes"
	"fmt"
	"os/exec"
	"regexp"
	"slices"
	"sort"
	"strings"

	"golang.org/x/net/html"
)

// PDF is the text of a PDF laid out as printed, one string per page (pdftotext -layout,
// Debian package poppler-utils).
func PDF(path string) ([]string, error) {
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		return nil, fmt.Errorf("pdftotext %s (Debian package poppler-utils): %w", path, err)
	}
	pages := strings.Split(string(out), "\f")
	if len(pages) > 0 && strings.TrimSpace(pages[len(pages)-1]) == "" {
		pages = pages[:len(pages)-1]
	}
	return pages, nil
}

// HTML is the text of an HTML document, one line per text node (the text of inline SVG
// included, <style> and <script> left out).
func HTML(doc []byte) (string, error) {
	root, err := html.Parse(bytes.NewReader(doc))
	if err != nil {
		return "", err
	}
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && (n.Data == "style" || n.Data == "script") {
			return
		}
		if n.Type == html.TextNode {
			if s := strings.TrimSpace(n.Data); s != "" {
				b.WriteString(s)
				b.WriteByte('\n')
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	return b.String(), nil
}

// number is a figure as the reports write it: digits grouped by three with a space (the
// narrow no-break space, which pdftotext turns into a space), a decimal comma, a sign (+
// or the minus sign −, never the hyphen of "2018-2020", which a line may break after), a
// unit (%, €).
var number = regexp.MustCompile(`[+−]?\d+(?: \d{3})*(?:,\d+)?(?: ?[%€])?`)

// Numbers counts the figures of a text; every kind of space is read as a space first,
// and a unit is written without the space before it (pdftotext sometimes drops it).
func Numbers(text string) map[string]int {
	text = strings.NewReplacer("\u202f", " ", "\u00a0", " ").Replace(text)
	out := map[string]int{}
	for _, m := range number.FindAllString(text, -1) {
		out[strings.NewReplacer(" %", "%", " €", "€").Replace(m)]++
	}
	return out
}

// Missing lists the figures of want that got prints less often than want does, with the
// two counts, in order.
func Missing(want, got map[string]int) []string {
	var out []string
	for n, k := range want {
		if got[n] < k {
			out = append(out, fmt.Sprintf("%q (%d fois dans l'un, %d dans l'autre)", n, k, got[n]))
		}
	}
	sort.Strings(out)
	return out
}

// contentsLine is a line of the PDF's table of contents: "3. Les jeunes . . . . 6".
var contentsLine = regexp.MustCompile(`^\s*\d+\. .*?(?: \.)+\s+\d+\s*$`)

// indexLine is a line of the PDF's index of tables: number, title, page.
var indexLine = regexp.MustCompile(`^(\s*\d+\s+.*?)\s+\d+\s*$`)

// footer is the end of the footer of a PDF page: "page n sur N".
var footer = regexp.MustCompile(`page \d+ sur \d+\s*$`)

// PDFFigures is the text of a report's PDF without what only paging puts there: the
// running header of each page from the third, page numbers in footers, in the table of
// contents and in the index of tables (the pages whose running header ends with
// indexTitle), and the header rows a table repeats at the top of a page (a first block of
// lines already printed as a block on an earlier page).
func PDFFigures(pages []string, indexTitle string) string {
	var b strings.Builder
	var before []string // the lines kept so far, spaces collapsed
	for i, p := range pages {
		lines := strings.Split(p, "\n")
		index := false
		if i >= 2 { // the running header
			for k, l := range lines {
				if strings.TrimSpace(l) != "" {
					index = strings.HasSuffix(strings.TrimSpace(l), indexTitle)
					lines = lines[k+1:]
					break
				}
			}
			lines = dropRepeatedHead(lines, before)
		}
		for _, l := range lines {
			switch {
			case contentsLine.MatchString(l):
				continue
			case footer.MatchString(l):
				l = footer.ReplaceAllString(l, "")
			case index && indexLine.MatchString(l):
				l = indexLine.ReplaceAllString(l, "$1")
			}
			b.WriteString(l)
			b.WriteByte('\n')
			before = append(before, collapse(l))
		}
	}
	return b.String()
}

// dropRepeatedHead drops the first block of non-blank lines of a page when the same
// block was printed before: the header rows of a table continued from an earlier page.
func dropRepeatedHead(lines, before []string) []string {
	start := 0
	for start < len(lines) && strings.TrimSpace(lines[start]) == "" {
		start++
	}
	end := start
	for end < len(lines) && strings.TrimSpace(lines[end]) != "" {
		end++
	}
	if end == start {
		return lines
	}
	var block []string
	for _, l := range lines[start:end] {
		block = append(block, collapse(l))
	}
	for k := 0; k+len(block) <= len(before); k++ {
		if slices.Equal(before[k:k+len(block)], block) {
			return lines[end:]
		}
	}
	return lines
}

func collapse(l string) string { return strings.Join(strings.Fields(l), " ") }

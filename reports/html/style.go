package html

import (
	"embed"
	"encoding/base64"
	"html/template"
	"regexp"
	"strings"
	"sync"
)

// The parts of the State's design system (DSFR) a report uses, copied from npm by
// `make web` (never committed), and the report's own rules.
//
//go:embed dsfr/*.css dsfr/*.woff2 bilan.css
var styleFS embed.FS

// dsfrParts are the DSFR style sheets of a report, in the order the DSFR asks for.
var dsfrParts = []string{"core", "table", "summary", "logo", "callout", "skiplink"}

var (
	fontFace    = regexp.MustCompile(`@font-face\{[^}]*\}`)
	relativeURL = regexp.MustCompile(`url\(\.\./[^)]*\)`)
	style       = sync.OnceValues(buildStyle)
)

// buildStyle is the style sheet written into every report, so that a report is one
// self-contained file: the DSFR parts with Marianne regular and bold as data: URLs (the
// other faces dropped: the browser synthesises them), and every other relative URL
// (icons of external links, which a report has none of) removed, so that a report never
// asks for another file.
func buildStyle() (template.CSS, error) {
	var b strings.Builder
	for _, face := range []struct{ file, weight string }{{"Marianne-Regular", "400"}, {"Marianne-Bold", "700"}} {
		font, err := styleFS.ReadFile("dsfr/" + face.file + ".woff2")
		if err != nil {
			return "", err
		}
		b.WriteString("@font-face{font-display:swap;font-family:Marianne;font-style:normal;font-weight:" + face.weight +
			";src:url(data:font/woff2;base64," + base64.StdEncoding.EncodeToString(font) + ") format(\"woff2\")}\n")
	}
	for _, part := range dsfrParts {
		css, err := styleFS.ReadFile("dsfr/" + part + ".min.css")
		if err != nil {
			return "", err
		}
		s := fontFace.ReplaceAllString(string(css), "")
		b.WriteString(relativeURL.ReplaceAllString(s, "none"))
		b.WriteString("\n")
	}
	own, err := styleFS.ReadFile("bilan.css")
	if err != nil {
		return "", err
	}
	b.Write(own)
	// The sheet is fixed text of this program, never input: it may go into <style> as is.
	return template.CSS(b.String()), nil
}

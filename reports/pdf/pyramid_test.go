package pdf

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"bilan/reports/reporttest"
)

// Grouped columns read under their group's heading, which is printed once per table; the
// pyramid prints its two sides' names, the oldest band above the youngest, each value
// beside its bar and « s » for the masked one.
func TestGroupedColumnsAndPyramid(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, reporttest.Profile()); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "p.pdf")
	if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-layout", p, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext (poppler-utils): %v", err)
	}
	text := strings.NewReplacer("\u202f", " ", "\u00a0", " ").Replace(string(out))
	table := text[strings.Index(text, "Tableau 1"):strings.Index(text, "Graphique")]
	if strings.Count(table, "Femmes") != 1 || strings.Count(table, "Hommes") != 1 {
		t.Errorf("the groups' headings are not printed once each:\n%s", table)
	}
	if !regexp.MustCompile(`Femmes\s+Hommes\s+Sexe\s+Ensemble`).MatchString(table) {
		t.Errorf("the groups are not above the columns, the others beside them:\n%s", table)
	}
	if !regexp.MustCompile(`22-ML DINAN\s+12\s+31\s+s\s+27\s+s\s+81`).MatchString(table) {
		t.Errorf("a line of the table:\n%s", table)
	}
	chart := text[strings.Index(text, "Graphique"):]
	for _, re := range []string{`Hommes\s+Femmes`, `s\s+18-21 ans\s+3 131`, `1 414\s+Moins de 18 ans\s+1 212`} {
		if !regexp.MustCompile(re).MatchString(chart) {
			t.Errorf("the pyramid lacks %s:\n%s", re, chart)
		}
	}
	if strings.Index(chart, "18-21 ans") > strings.Index(chart, "Moins de 18 ans") {
		t.Errorf("the youngest band is not at the bottom:\n%s", chart)
	}
}

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
	"time"

	"bilan/reports"
)

func sample(rows int) *reports.Report {
	t := &reports.Table{Number: 1, Title: "Un long tableau", Source: "essai", Columns: []reports.Column{
		{Title: "Mission locale"}, {Title: "Jeunes en contact", Format: reports.Count}, {Title: "Part des femmes", Format: reports.Percent}}}
	for i := 0; i < rows; i++ {
		t.Rows = append(t.Rows, []reports.Cell{reports.Str(fmt.Sprintf("Mission locale n° %03d – Cœur d’Armor", i)),
			reports.Num(float64(1000+i), reports.Count), reports.Num(12.5, reports.Percent)})
	}
	t.Totals = [][]reports.Cell{{reports.Str("France"), reports.Num(1370000, reports.Count), reports.Secret(reports.Percent)}}
	return &reports.Report{Title: "Bilan d'activité des missions locales", Subtitle: "Essai", Exercice: 2016,
		Date: time.Date(2017, 3, 31, 0, 0, 0, 0, time.UTC), Author: "DMML", Threshold: 11,
		Sections: []reports.Section{{Title: "Les jeunes", Tables: []*reports.Table{t}}}}
}

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

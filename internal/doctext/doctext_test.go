package doctext

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestNumbers(t *testing.T) {
	for _, c := range []struct {
		text string
		want map[string]int
	}{
		{"1\u202f370\u202f000 jeunes, 12,5\u00a0% et 12,5 %", map[string]int{"1 370 000": 1, "12,5%": 2}},
		{"−3,2 % puis +1,5 % ; 384\u202f700\u00a0€ ; 0€", map[string]int{"−3,2%": 1, "+1,5%": 1, "384 700€": 1, "0€": 1}},
		{"PNAE 2018-2020, SHA-256, 31/12/2016", map[string]int{"2018": 1, "2020": 1, "256": 1, "31": 1, "12": 1, "2016": 1}},
		{"447    447", map[string]int{"447": 2}}, // two cells of a line laid out by pdftotext
	} {
		if diff := cmp.Diff(c.want, Numbers(c.text)); diff != "" {
			t.Errorf("Numbers(%q) (-want +got):\n%s", c.text, diff)
		}
	}
}

// What paging alone prints is left out: the running header from the third page, the
// page numbers of footers, of the table of contents and of the index, and the header
// rows a table repeats on a new page; the rest is kept.
func TestPDFFigures(t *testing.T) {
	pages := []string{
		"Bilan 2016\n",
		"Sommaire\n1. L'essentiel . . . . . . 3\n2. Le réseau . . . . . . 4\nSource : I-milo       page 2 sur 5\n",
		"Bilan 2016     L'essentiel\n\nTableau 1 – Jeunes\nRégion     Jeunes en\n           contact 2016\n\nBretagne     913\nSource : I-milo       page 3 sur 5\n",
		"Bilan 2016     L'essentiel\n\nRégion     Jeunes en\n           contact 2016\n\nCorse     227\nSource : I-milo       page 4 sur 5\n",
		"Bilan 2016     Index des tableaux\n\n   1   Jeunes     3\nSource : I-milo       page 5 sur 5\n",
	}
	got := Numbers(PDFFigures(pages, "Index des tableaux"))
	want := map[string]int{"2016": 2, "1": 2, "913": 1, "227": 1}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestMissing(t *testing.T) {
	got := Missing(map[string]int{"12": 2, "7": 1, "3": 1}, map[string]int{"12": 1, "7": 4})
	want := []string{`"12" (2 fois dans l'un, 1 dans l'autre)`, `"3" (1 fois dans l'un, 0 dans l'autre)`}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

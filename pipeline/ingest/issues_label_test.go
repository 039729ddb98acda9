package ingest

import (
	"os"
	"regexp"
	"testing"
)

// Every rule code of issues.go has a French label for the pages.
func TestEveryRuleHasALabel(t *testing.T) {
	b, err := os.ReadFile("issues.go")
	if err != nil {
		t.Fatal(err)
	}
	codes := regexp.MustCompile(`(?m)^\s+Rule\w+\s+= "(\w+)"`).FindAllStringSubmatch(string(b), -1)
	if len(codes) < 40 {
		t.Fatalf("%d rule codes found", len(codes))
	}
	for _, c := range codes {
		if RuleLabel(c[1]) == c[1] {
			t.Errorf("rule %s has no French label", c[1])
		}
	}
}

// File kinds are recognised whatever the case and the accents of their names.
func TestKindOf(t *testing.T) {
	for name, want := range map[string]Kind{
		"Evénements.csv": KindEvenements, "JEUNES_2016.CSV": KindJeunes, "événements-53.txt": KindEvenements,
		"Référentiel_Structures.csv": KindReferentiel, "MESURES.Csv": KindMesures, "ARML-53.XLSX": KindWorkbook,
		"jeunes.pdf": "", "notes.csv": "",
	} {
		if got := KindOf(name); got != want {
			t.Errorf("KindOf(%q) = %q, want %q", name, got, want)
		}
	}
}

// A file keeps each rule's first lines in memory and the rest in its spill: Each gives
// them all back (for the quarantine), in full; a count-only report keeps none of the rest.
func TestSpilledIssues(t *testing.T) {
	for _, countOnly := range []bool{false, true} {
		rep := &FileReport{Name: "jeunes.csv", CountOnly: countOnly}
		t.Cleanup(rep.release)
		for line := 2; line < 1002; line++ {
			rep.add(Issue{Severity: Reject, File: "jeunes.csv", Line: line, Column: "id_jeune", Detail: sqlDetail{Rule: RuleDuplicate, Values: []string{"1"}}})
		}
		rep.add(Issue{Severity: Refuse, File: "jeunes.csv", Detail: tooManyRejected{Rejected: 1000, Read: 1000, Threshold: 0.02}})
		if len(rep.Issues) != FirstLines+1 {
			t.Errorf("%d issues in memory, want %d", len(rep.Issues), FirstLines+1)
		}
		g := rep.ByRule()
		if g[0].Rule != RuleTooManyRejected || g[1].Count != 1000 || len(g[1].Issues) != FirstLines {
			t.Errorf("groups %+v", g)
		}
		var lines []int
		var last string
		if err := rep.Each(func(i Issue) error {
			if i.Rule == RuleDuplicate {
				lines = append(lines, i.Line)
				last = i.Message()
			}
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		want := 1000
		if countOnly {
			want = FirstLines
		}
		if len(lines) != want || !countOnly && (lines[999] != 1001 || last != "Fichier jeunes.csv, ligne 1001, colonne « id_jeune » : identifiant déjà présent ligne 1 (seule la première occurrence est gardée) ; ligne rejetée.") {
			t.Errorf("count only %v: %d issues given back, last %q", countOnly, len(lines), last)
		}
		rep.release()
	}
}

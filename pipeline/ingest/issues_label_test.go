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

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

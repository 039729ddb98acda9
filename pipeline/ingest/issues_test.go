package ingest

import "testing"

func TestByRule(t *testing.T) {
	f := &FileReport{Issues: []Issue{
		{Severity: Warning, Rule: RuleSIRET, Line: 2},
		{Severity: Reject, Rule: RuleDuplicate, Line: 3},
		{Severity: Reject, Rule: RuleAge, Line: 4},
		{Severity: Warning, Rule: RuleSIRET, Line: 5},
		{Severity: Refuse, Rule: RuleTooManyRejected},
	}}
	var got []string
	for _, g := range f.ByRule() {
		got = append(got, g.Severity.Label()+" "+g.Rule)
	}
	want := []string{"bloquant trop_de_rejets", "rejet age_hors_champ", "rejet doublon", "avertissement siret_invalide"}
	if len(got) != len(want) {
		t.Fatalf("groups %v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("group %d = %q, want %q", i, got[i], want[i])
		}
	}
	if g := f.ByRule()[3]; len(g.Issues) != 2 || g.Issues[0].Line != 2 || g.Issues[1].Line != 5 {
		t.Errorf("issues of a rule lose their reading order: %+v", g.Issues)
	}
}

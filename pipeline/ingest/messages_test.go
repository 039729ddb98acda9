package ingest

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/messages.txt")

// goSamples are issues of the rules Go checks, with their details, as the code writes them.
var goSamples = []Issue{
	{Severity: Reject, File: "jeunes.csv", Line: 7, Detail: fieldCount{Fields: 3, Header: 9}},
	{Severity: Reject, File: "jeunes.csv", Line: 7, Column: "nom", Detail: fieldTooLong{Limit: 4096}},
	{Severity: Refuse, File: "jeunes.csv", Line: 1, Rule: RuleSyntax},
	{Severity: Reject, File: "jeunes.csv", Line: 7, Rule: RuleSyntax},
	{Severity: Warning, File: "jeunes.csv", Line: 1, Column: "couleur", Rule: RuleUnknownColumn},
	{Severity: Warning, File: "jeunes.csv", Line: 1, Rule: RuleUnknownColumn},
	{Severity: Refuse, File: "jeunes.csv", Detail: noHeader{Columns: []string{"id_jeune", "code_structure"}}},
	{Severity: Warning, File: "jeunes.csv", Line: 1, Column: "qpv", Rule: RuleMissingOptional},
	{Severity: Refuse, File: "jeunes.csv", Line: 3, Detail: undecodable{Fault: faultNUL, Offset: 11}},
	{Severity: Refuse, File: "jeunes.csv", Column: "id_jeune", Rule: RuleMissingColumn},
	{Severity: Refuse, File: "jeunes.csv", Column: "id_jeune", Rule: RuleDuplicateColumn},
	{Severity: Refuse, File: "jeunes.csv", Detail: tooManyRejected{Rejected: 1, Read: 3, Threshold: 0.02}},
	{Severity: Refuse, File: "jeunes.csv", Detail: tooManyRejected{Rejected: 120, Read: 1000, Threshold: 0.025}},
	{Severity: Refuse, File: "notes.csv", Rule: RuleUnknownFile},
	{Severity: Refuse, File: "jeunes.csv", Rule: RuleEmptyFile},
	{Severity: Warning, File: "jeunes.csv", Rule: RuleNoData},
	{Severity: Warning, File: "jeunes.csv", Column: "code_structure", Value: "13201S00", Detail: yearChange{Current: 150, Previous: 100, Exercice: 2015}},
	{Severity: Warning, File: "jeunes.csv", Column: "code_structure", Value: "13201S00", Detail: yearChange{Current: 60, Previous: 100, Exercice: 2015}},
	{Severity: Refuse, File: "jeunes.csv", Line: 4, Rule: RuleOpenQuote},
	{Severity: Refuse, File: "a.xlsx", Rule: RuleWorkbookTooLarge},
	{Severity: Refuse, File: "a.xlsx", Rule: RuleNotWorkbook},
	{Severity: Refuse, File: "a.xlsx", Detail: noSheet{Sheet: "structures"}},
	{Severity: Refuse, File: "a.xlsx", Detail: mixedRegions{Regions: []string{"28", "53"}}},
	{Severity: Refuse, File: "a.xlsx", Sheet: "structures", Column: "code_structure", Rule: RuleNoML},
	{Severity: Refuse, File: "a.xlsx", Sheet: "structures", Line: 5, Column: "code_structure", Rule: RuleWorkbookTechnical, Value: "99999S00"},
	{Severity: Refuse, File: "a.xlsx", Sheet: "structures", Line: 5, Column: "code_structure", Value: "13201S00", Detail: workbookOtherRegion{Region: "93", Workbook: "53"}},
	{Severity: Refuse, File: "a.xlsx", Sheet: "structures", Line: 6, Column: "code_structure", Value: "13201S00", Detail: workbookDuplicate{First: 5}},
	{Severity: Refuse, File: "a.xlsx", Sheet: "pnae", Line: 6, Column: "nb", Rule: RuleNotCount, Value: "douze"},
	{Severity: Refuse, File: "a.xlsx", Sheet: "pnae", Line: 6, Column: "nb", Rule: RuleNotAmount, Value: "douze"},
	{Severity: Refuse, File: "a.xlsx", Sheet: "pnae", Line: 6, Column: "nb", Rule: RuleNegative, Value: "-3"},
	{Severity: Refuse, File: "a.xlsx", Sheet: "pnae", Line: 6, Column: "action", Value: "14", Detail: actionRange{Max: 13}},
	{Severity: Refuse, File: "a.xlsx", Sheet: "pnae", Line: 6, Column: "q1", Value: "peut-être", Detail: answer{Choices: []string{"oui", "non"}}},
	{Severity: Refuse, File: "a.xlsx", Sheet: "enquete_numerique", Line: 3, Rule: RuleSurveyRows},
	{Severity: Refuse, File: "a.xlsx", Sheet: "enquete_numerique", Line: 2, Column: "q6_cout_total", Value: "1000", Detail: costMismatch{Sum: 1234.5}},
	{Severity: Refuse, File: "b.xlsx", Detail: twoWorkbooks{Region: "53", First: "a.xlsx"}},
	{Severity: Refuse, File: "a.xlsx", Sheet: "structures", Column: "code_structure", Value: "13201S00", Detail: outOfScope{Region: "93", Scope: "53"}},
	{Severity: Refuse, File: "a.xlsx", Sheet: "structures", Line: 4, Column: "code_structure", Rule: RuleRequired},
	{Severity: Refuse, File: "a.xlsx", Sheet: "structures", Line: 4, Column: "code_structure", Rule: RuleUnknownStructure, Value: "13201S00"},
	{Severity: Refuse, File: "a.xlsx", Sheet: "pnae", Line: 4, Column: "x", Rule: RuleBool, Value: "peut-être"},
}

// ruleConstants are the rule codes of issues.go, by the name of their constant.
func ruleConstants(t *testing.T) map[string]string {
	t.Helper()
	b, err := os.ReadFile("issues.go")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, m := range regexp.MustCompile(`(?m)^\s+(Rule\w+)\s+= "(\w+)"`).FindAllStringSubmatch(string(b), -1) {
		out[m[1]] = m[2]
	}
	if len(out) < 40 {
		t.Fatalf("%d rule codes found", len(out))
	}
	return out
}

// Every rule's sentence, written with its details: Go's rules as the code writes their
// issues, every SQL rule with as many details as its « detail » header names, with and
// without a value to quote. testdata/messages.txt is the contract (go test -update
// rewrites it); a rule without a sample, a placeholder left or a rule's code written in
// place of its sentence fails.
func TestEveryRuleMessage(t *testing.T) {
	rules, err := loadRules()
	if err != nil {
		t.Fatal(err)
	}
	samples := slices.Clone(goSamples)
	for _, r := range rules.rules {
		var values []string
		for k := range r.Detail {
			values = append(values, fmt.Sprintf("d%d", k+1))
		}
		for _, v := range []string{"X1", ""} {
			i := Issue{Severity: severities[r.Severity], File: "f.csv", Line: 3, Column: "c", Rule: r.Code, Value: v}
			if len(values) > 0 {
				i.Detail = sqlDetail{Rule: r.Code, Values: values}
			}
			samples = append(samples, i)
		}
	}
	var got strings.Builder
	seen := map[string]bool{}
	for _, i := range samples {
		rep := &FileReport{Name: i.File}
		rep.add(i) // as the code adds issues: the rule is the detail's
		i = rep.Issues[0]
		seen[i.Rule] = true
		m := i.Message()
		if strings.ContainsAny(m, "{}") || strings.Contains(m, ": "+i.Rule+".") || strings.Contains(m, ": "+i.Rule+" ;") {
			t.Errorf("%s: %q", i.Rule, m)
		}
		fmt.Fprintf(&got, "%s\t%s\n", i.Rule, m)
	}
	for name, code := range ruleConstants(t) {
		if !seen[code] {
			t.Errorf("%s (%s) has no sample message", name, code)
		}
	}
	for _, d := range goDetails {
		if !slices.ContainsFunc(goSamples, func(i Issue) bool { return i.Detail != nil && i.Detail.rule() == d.rule() }) {
			t.Errorf("detail %T has no sample", d)
		}
	}
	golden := filepath.Join("testdata", "messages.txt")
	if *update {
		if err := os.WriteFile(golden, []byte(got.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	wantLines, gotLines := strings.Split(string(want), "\n"), strings.Split(got.String(), "\n")
	for k := 0; k < max(len(wantLines), len(gotLines)); k++ {
		w, g := "", ""
		if k < len(wantLines) {
			w = wantLines[k]
		}
		if k < len(gotLines) {
			g = gotLines[k]
		}
		if w != g {
			t.Errorf("line %d (-want +got):\n-%s\n+%s", k+1, w, g)
		}
	}
}

var placeholder = regexp.MustCompile(`\{[^}]*\}`)

// Each SQL rule's sentences use {valeur} and exactly the {1}, {2}… of its « detail »
// header, each of them; a detail Go gives a SQL rule has as many values as that header.
func TestTemplatePlaceholders(t *testing.T) {
	rules, err := loadRules()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rules.rules {
		for _, m := range []string{r.Message, r.MessageNoValue} {
			if m == "" {
				continue
			}
			used := map[int]bool{}
			for _, p := range placeholder.FindAllString(m, -1) {
				if p == "{valeur}" {
					continue
				}
				k, err := strconv.Atoi(strings.Trim(p, "{}"))
				if err != nil || k < 1 || k > len(r.Detail) {
					t.Errorf("%s: %s in « %s », detail header %q", r.Code, p, m, r.Detail)
					continue
				}
				used[k] = true
			}
			for k := 1; k <= len(r.Detail); k++ {
				if !used[k] {
					t.Errorf("%s: detail {%d} (%s) not in « %s »", r.Code, k, r.Detail[k-1], m)
				}
			}
		}
	}
	for _, d := range goDetails {
		tpl, ok := d.(templated)
		r := sqlRule(d.rule())
		switch {
		case ok && r == nil:
			t.Errorf("%T: rule %s is not a SQL rule", d, d.rule())
		case !ok && r != nil:
			t.Errorf("%T: rule %s is a SQL rule, its detail must give the template's values", d, d.rule())
		case ok && len(tpl.values()) != len(r.Detail):
			t.Errorf("%T gives %d values, the rule %s has %d details", d, len(tpl.values()), r.Code, len(r.Detail))
		}
	}
}

// A rule whose sentence needs a detail is written only through its detail type: its
// constant appears in no file but those that declare and render it, so no code can write
// its issue without the detail.
func TestDetailRulesOnlyThroughDetails(t *testing.T) {
	rules, err := loadRules()
	if err != nil {
		t.Fatal(err)
	}
	withDetail := map[string]bool{}
	for _, d := range goDetails {
		withDetail[d.rule()] = true
	}
	for _, r := range rules.rules {
		if len(r.Detail) > 0 {
			withDetail[r.Code] = true
		}
	}
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	consts := ruleConstants(t)
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") || f == "issues.go" || f == "details.go" || f == "messages.go" {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range regexp.MustCompile(`\bRule[A-Z]\w*`).FindAllString(string(b), -1) {
			if code, ok := consts[name]; ok && withDetail[code] {
				t.Errorf("%s names %s (%s), a rule with details: write its issue with its detail type", f, name, code)
			}
		}
	}
}

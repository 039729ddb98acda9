package sqlfiles

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// Rule is a row rule of extracts.md (sql/validate/<code>.sql): a macro rule_<code>(v, …)
// true when the field v of a row breaks it. Its other parameters name columns of the
// kind's rows (lignes_<kind>.sql): a parameter p binds to the column <column>_p when the
// rows have one (the field's typed value: date, booleen, code, siret), else to the column p.
type Rule struct {
	Code     string
	Severity string // "rejet" (only a row's first rejection counts), "avertissement" or "refus"
	Order    int    // among a column's rejections, the order they are tried in
	// Columns are the "kind.column" the rule applies to.
	Columns []string
	// Detail are SQL expressions over the row, the {1}, {2}… of the message.
	Detail []string
	// Value is the column whose value the message quotes (default the rule's column), when
	// that column may be quoted and the message has {valeur}.
	Value string
	// Message is the French sentence after « Fichier …, ligne …, colonne … : »;
	// MessageNoValue replaces it when the value may not be quoted.
	Message, MessageNoValue string
	Params                  []string // the macro's parameters after v
	SQL                     string
}

// KindRows is lignes_<kind>.sql: the SELECT giving a kind's staged rows with what its
// rules read, and Insert, the expressions of its raw table's columns after (exercice,
// scope, fichier, ligne).
type KindRows struct {
	Kind, SQL string
	ID        string   // the column whose later occurrences are duplicates
	IDs       []string // the columns pseudonymised (header "ids")
	Insert    []string
}

var macroParams = regexp.MustCompile(`MACRO rule_(\w+)\(([^)]*)\)`)

// Validation returns the SQL run before any rule (the reading macros and code lists, in
// file order), the rules sorted by code and the rows of each kind.
func Validation() (setup []string, rules []Rule, rows map[string]KindRows, err error) {
	rows = map[string]KindRows{}
	err = eachFile("validate", ".sql", func(name, text string) error {
		h := header(text)
		switch {
		case name[0] >= '0' && name[0] <= '9':
			setup = append(setup, text)
		case strings.HasPrefix(name, "lignes_"):
			k := KindRows{Kind: h["kind"], SQL: text, ID: h["id"], IDs: splitTop(h["ids"])}
			k.Insert = splitTop(h["insert"])
			if k.Kind != strings.TrimPrefix(name, "lignes_") || len(k.Insert) == 0 {
				return fmt.Errorf("validate/%s.sql: kind or insert missing", name)
			}
			rows[k.Kind] = k
		default:
			r := Rule{Code: h["rule"], Severity: h["severity"], Value: h["valeur"], Message: h["message"],
				MessageNoValue: h["message_sans_valeur"], SQL: text, Detail: splitTop(h["detail"])}
			if r.Code != name {
				return fmt.Errorf("validate/%s.sql: rule %q, want the file's name", name, r.Code)
			}
			if r.Severity != "rejet" && r.Severity != "avertissement" && r.Severity != "refus" || r.Message == "" {
				return fmt.Errorf("validate/%s.sql: severity or message missing", name)
			}
			if o := h["order"]; o != "" {
				if r.Order, err = strconv.Atoi(o); err != nil {
					return fmt.Errorf("validate/%s.sql: order %q", name, o)
				}
			}
			for _, c := range strings.Split(h["columns"], ",") {
				if c = strings.TrimSpace(c); c != "" {
					r.Columns = append(r.Columns, c)
				}
			}
			m := macroParams.FindStringSubmatch(text)
			if m == nil || m[1] != name {
				return fmt.Errorf("validate/%s.sql: no macro rule_%s(v, …)", name, name)
			}
			params := strings.Split(m[2], ",")
			if strings.TrimSpace(params[0]) != "v" {
				return fmt.Errorf("validate/%s.sql: the macro's first parameter must be v", name)
			}
			for _, p := range params[1:] {
				r.Params = append(r.Params, strings.TrimSpace(p))
			}
			rules = append(rules, r)
		}
		return nil
	})
	sort.Slice(rules, func(i, j int) bool { return rules[i].Code < rules[j].Code })
	return setup, rules, rows, err
}

// splitTop splits a comma-separated list of SQL expressions at the commas outside
// parentheses.
func splitTop(s string) []string {
	var out []string
	depth, start := 0, 0
	for i, c := range s {
		switch c {
		case '(':
			depth++
		case ')':
			depth--
		case ',':
			if depth == 0 {
				out = append(out, strings.TrimSpace(s[start:i]))
				start = i + 1
			}
		}
	}
	if t := strings.TrimSpace(s[start:]); t != "" {
		out = append(out, t)
	}
	return out
}

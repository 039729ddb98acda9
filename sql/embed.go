// Package sqlfiles holds the SQL of bilan: the warehouse schema, the reference tables, the
// normalised views and one file per indicator with its header, plus the .test files beside
// them.
package sqlfiles

import (
	"bufio"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
)

//go:embed schema/*.sql reference/*.sql normalise/*.sql normalise/*.test compute/*.sql compute/*.test indicators/*.sql indicators/*.test validate/*.sql validate/*.test
var FS embed.FS

// View is a SQL file whose name is the view it defines.
type View struct {
	Name string // file name without .sql
	SQL  string // one SELECT
	// Materialised is true for a normalised view whose header holds the line
	// "-- materialised: …": compute stores it once per run in a temporary table of the
	// same name, which every indicator then reads instead of the view.
	Materialised bool
	// Reads are the views of its header line "-- reads: a, b": those it reads where no
	// name after FROM or JOIN shows it (through a macro). See Reads and Order.
	Reads []string
}

// newView is the view of a file, with what its header says of it.
func newView(name, text string) View {
	h := header(text)
	v := View{Name: name, SQL: text, Materialised: h["materialised"] != ""}
	for _, r := range strings.Split(h["reads"], ",") {
		if r = strings.TrimSpace(r); r != "" {
			v.Reads = append(v.Reads, strings.ToLower(r))
		}
	}
	return v
}

// Indicator is an indicator file with its header.
type Indicator struct {
	View
	ID, Title, Definition, Source, Unit, Coverage string
	// Secret is how statistical secrecy treats the indicator (header "secret", default
	// from the unit): "effectif" (an additive count of people, events, measures or
	// mentors: masked when 1 ≤ n < threshold), "part" (a share of people: its numerator
	// and denominator are groups of people too), "rapport" (any other ratio of counts or
	// amounts), "montant" (an additive amount, never masked by itself but a source of
	// ratios), "aucun" (outside secrecy).
	Secret string
	// Numerator and Denominator are the exact sources of a share or a ratio (headers
	// "numerator" and "denominator", see ParseSources); Rounding is the step its
	// published value is rounded to (header "rounding"; default 0.1 for a percentage).
	Numerator, Denominator []Term
	Rounding               float64
	// Derive lists the indicators its numerator and denominator name.
	Derive []string
	// Levels are the levels it is defined at (header "levels", comma-separated; default
	// all four: ml, departement, region, national).
	Levels []string
	// Family is true for a file defining a family of ids (header id ending in "_*", e.g.
	// PNAE_*): its view returns the columns indicateur and titre besides the usual ones.
	Family bool
	// Section is the table of the reports the indicator is a column of, named by its
	// sheet, and Rank its place among the table's columns (header "section: Réseau, 2").
	// An indicator the reports' tables leave out says why (header "section: aucune,
	// <reason>"): Section is then empty and Unplaced holds the reason. The header is
	// required, so that a new indicator cannot miss the reports unnoticed.
	Section  string
	Rank     int
	Unplaced string
	// Short is the indicator's column title in the reports (header "short"; default the
	// title). Headline puts it in "L'essentiel" of the reports (header "headline: yes").
	Short    string
	Headline bool
	// Ventilated is true for a count of youths (unit "jeunes"): every one is broken down by
	// the dimensions of stg_jeunes.modalites, its view (macro jeunes_par_territoire)
	// returning the column ventilation besides valeur.
	Ventilated bool
}

// AllLevels are the levels of an indicator, from the finest.
var AllLevels = []string{"ml", "departement", "region", "national"}

// Secrecy classes of an indicator.
var Secrets = []string{"effectif", "part", "rapport", "montant", "aucun"}

// Term is one term of a numerator or a denominator. Kinds:
//   - "cell": the cell of indicator ID at the same territory (header "ID", or "ID[N-1]"
//     for the previous exercice); ID may be a breakdown cell of a youth count,
//     "ID@dimension=modalité" (its youths of that modalité, indicateurs_ventiles);
//   - "restricted": ID summed over a subset of whole missions locales, those where the
//     indicator itself has a value (header "ID restricted");
//   - "part": a sub-population of ID's cell at every territory, additive like it
//     (header "part of ID");
//   - "own": an additive count of its own, never published (header "own"); its values
//     are the indicator's numerateur or denominateur column.
//
// Terms are joined by " + " or " - " (Sign 1 or -1).
type Term struct {
	Sign     int
	Kind, ID string
	Previous bool
}

// ParseSources reads a numerator or denominator header.
func ParseSources(text string) ([]Term, error) {
	var out []Term
	for _, p := range splitTerms(text) {
		t := Term{Sign: p.sign, Kind: "cell"}
		body := strings.TrimSpace(p.text)
		switch {
		case body == "own":
			t.Kind = "own"
		case strings.HasPrefix(body, "part of "):
			t.Kind, t.ID = "part", strings.TrimSpace(strings.TrimPrefix(body, "part of "))
		case strings.HasSuffix(body, " restricted"):
			t.Kind, t.ID = "restricted", strings.TrimSpace(strings.TrimSuffix(body, " restricted"))
		default:
			t.ID, t.Previous = strings.CutSuffix(body, "[N-1]")
		}
		if t.Kind != "own" && (t.ID == "" || strings.ContainsAny(t.ID, " []")) {
			return nil, fmt.Errorf("source %q: unknown term %q", text, body)
		}
		out = append(out, t)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("empty source")
	}
	return out, nil
}

type signed struct {
	sign int
	text string
}

func splitTerms(text string) []signed {
	var out []signed
	sign, rest := 1, text
	for {
		iMinus, iPlus := strings.Index(rest, " - "), strings.Index(rest, " + ")
		i, next := iMinus, -1
		if iMinus < 0 || iPlus >= 0 && iPlus < iMinus {
			i, next = iPlus, 1
		}
		if i < 0 {
			return append(out, signed{sign, rest})
		}
		out = append(out, signed{sign, rest[:i]})
		sign, rest = next, rest[i+3:]
	}
}

// defaultSecret is the secrecy class of a unit when the header gives none.
func defaultSecret(unit string) string {
	switch unit {
	case "jeunes", "événements", "mesures", "parrains":
		return "effectif"
	case "%":
		return "part"
	}
	return "aucun"
}

// Schema returns the schema statements in file order.
func Schema() ([]string, error) {
	var out []string
	err := eachFile("schema", ".sql", func(name, text string) error {
		out = append(out, text)
		return nil
	})
	return out, err
}

// Views returns the normalised views and the views compute materialises, in file name
// order.
func Views() ([]View, error) {
	var out []View
	for _, dir := range []string{"normalise", "compute"} {
		err := eachFile(dir, ".sql", func(name, text string) error {
			out = append(out, newView(name, text))
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Indicators returns every indicator with its parsed header, sorted by id.
func Indicators() ([]Indicator, error) {
	var out []Indicator
	err := eachFile("indicators", ".sql", func(name, text string) error {
		ind, err := parseHeader(name, text)
		if err != nil {
			return err
		}
		out = append(out, ind)
		return nil
	})
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, err
}

// Units an indicator header may declare, and coverages (which inputs make it defined).
var (
	Units     = []string{"structures", "jeunes", "événements", "mesures", "entreprises", "parrains", "%", "ETP", "euros", "lieux", "salariés", "ARML"}
	Coverages = []string{"referentiel", "extraits", "classeurs"}
)

func parseHeader(name, text string) (Indicator, error) {
	ind := Indicator{View: newView(name, text)}
	var num, den, rounding, levels, section, headline string
	fields := map[string]*string{"id": &ind.ID, "title": &ind.Title, "definition": &ind.Definition,
		"source": &ind.Source, "unit": &ind.Unit, "coverage": &ind.Coverage, "secret": &ind.Secret,
		"numerator": &num, "denominator": &den, "rounding": &rounding, "levels": &levels,
		"section": &section, "short": &ind.Short, "headline": &headline}
	optional := map[string]bool{"secret": true, "numerator": true, "denominator": true, "rounding": true, "levels": true,
		"short": true, "headline": true}
	for key, value := range header(text) {
		if p, known := fields[key]; known {
			*p = value
		}
	}
	for key, p := range fields {
		if *p == "" && !optional[key] {
			return ind, fmt.Errorf("%s.sql: header field %q missing", name, key)
		}
	}
	if ind.Secret == "" {
		ind.Secret = defaultSecret(ind.Unit)
	}
	if !contains(Secrets, ind.Secret) {
		return ind, fmt.Errorf("%s.sql: unknown secret class %q", name, ind.Secret)
	}
	if (num == "") != (den == "") {
		return ind, fmt.Errorf("%s.sql: numerator and denominator go together", name)
	}
	if num != "" {
		var err error
		if ind.Numerator, err = ParseSources(num); err != nil {
			return ind, fmt.Errorf("%s.sql: numerator: %w", name, err)
		}
		if ind.Denominator, err = ParseSources(den); err != nil {
			return ind, fmt.Errorf("%s.sql: denominator: %w", name, err)
		}
		for _, t := range append(append([]Term{}, ind.Numerator...), ind.Denominator...) {
			id, _, _ := strings.Cut(t.ID, "@") // a breakdown cell derives from its count
			if id != "" && !contains(ind.Derive, id) {
				ind.Derive = append(ind.Derive, id)
			}
		}
	}
	if (ind.Secret == "part" || ind.Secret == "rapport") && num == "" {
		return ind, fmt.Errorf("%s.sql: a %s needs its numerator and denominator", name, ind.Secret)
	}
	if ind.Unit == "%" {
		ind.Rounding = 0.1
	}
	if rounding != "" {
		r, err := strconv.ParseFloat(rounding, 64)
		if err != nil || r <= 0 {
			return ind, fmt.Errorf("%s.sql: rounding %q", name, rounding)
		}
		ind.Rounding = r
	}
	ind.Levels = AllLevels
	if levels != "" {
		ind.Levels = nil
		for _, l := range strings.Split(levels, ",") {
			if l = strings.TrimSpace(l); !contains(AllLevels, l) {
				return ind, fmt.Errorf("%s.sql: unknown level %q", name, l)
			}
			ind.Levels = append(ind.Levels, l)
		}
	}
	if err := ind.parsePlacement(section, headline); err != nil {
		return ind, fmt.Errorf("%s.sql: %w", name, err)
	}
	id := ind.ID
	if prefix, ok := strings.CutSuffix(id, "_*"); ok {
		ind.Family, id = true, prefix
	}
	if strings.ToLower(id) != name {
		return ind, fmt.Errorf("%s.sql: id %s does not match the file name", name, ind.ID)
	}
	if !contains(Units, ind.Unit) {
		return ind, fmt.Errorf("%s.sql: unknown unit %q", name, ind.Unit)
	}
	ind.Ventilated = ind.Unit == "jeunes"
	if !contains(Coverages, ind.Coverage) {
		return ind, fmt.Errorf("%s.sql: unknown coverage %q", name, ind.Coverage)
	}
	return ind, nil
}

// Unplaced is the section header of an indicator the reports' tables leave out.
const Unplaced = "aucune"

// parsePlacement reads the headers "section" ("<sheet>, <rank>" or "aucune, <reason>")
// and "headline".
func (ind *Indicator) parsePlacement(section, headline string) error {
	where, after, ok := strings.Cut(section, ",")
	where, after = strings.TrimSpace(where), strings.TrimSpace(after)
	if !ok || where == "" || after == "" {
		return fmt.Errorf("section %q: want « <sheet>, <rank> » or « %s, <reason> »", section, Unplaced)
	}
	if where == Unplaced {
		ind.Unplaced = after
	} else {
		rank, err := strconv.Atoi(after)
		if err != nil || rank < 1 {
			return fmt.Errorf("section %q: rank %q is not a whole number from 1", section, after)
		}
		ind.Section, ind.Rank = where, rank
	}
	switch {
	case headline == "yes" && ind.Section == "":
		return fmt.Errorf("headline: an indicator left out of the reports' tables is no headline")
	case headline != "" && headline != "yes":
		return fmt.Errorf("headline %q: the only value is yes", headline)
	}
	ind.Headline = headline == "yes"
	return nil
}

// header returns the "-- key: value" lines of the comment block a file starts with.
func header(text string) map[string]string {
	out := map[string]string{}
	sc := bufio.NewScanner(strings.NewReader(text))
	for sc.Scan() {
		line, ok := strings.CutPrefix(sc.Text(), "-- ")
		if !ok {
			break
		}
		if key, value, ok := strings.Cut(line, ":"); ok && !strings.Contains(key, " ") {
			out[key] = strings.TrimSpace(value)
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Hash is the SHA-256 of every embedded file, names included, in a stable order: the
// version of the SQL set a run used.
func Hash() string {
	h := sha256.New()
	fs.WalkDir(FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, _ := FS.ReadFile(p)
		fmt.Fprintf(h, "%s\x00%d\x00", p, len(b))
		h.Write(b)
		return nil
	})
	return hex.EncodeToString(h.Sum(nil))
}

func eachFile(dir, ext string, fn func(name, text string) error) error {
	entries, err := FS.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range entries { // ReadDir sorts by name
		if !strings.HasSuffix(e.Name(), ext) {
			continue
		}
		b, err := FS.ReadFile(path.Join(dir, e.Name()))
		if err != nil {
			return err
		}
		if err := fn(strings.TrimSuffix(e.Name(), ext), string(b)); err != nil {
			return err
		}
	}
	return nil
}

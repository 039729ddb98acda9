package ingest

import (
	"errors"
	"fmt"
	"regexp"
	"time"

	"bilan/internal/parse"
	"bilan/internal/pseudo"
)

// structure is what the row rules need of a referential row.
type structure struct {
	region    string // Saint-Martin (10) already folded into Guadeloupe (01)
	technical bool
}

// checker applies the row rules of extracts.md §2-3 to the rows of one ingest call.
type checker struct {
	exercice     int
	scope        string
	structures   map[string]structure // the referential the rows of the call are checked against
	inForce      map[string]structure // the referential in force before the call
	youths       map[idKey]bool       // pseudonymised ids of the youths rows may point to
	rejected     map[idKey]bool       // pseudonymised ids of youths whose row was rejected
	rejectedIDs  []string             // the same pseudonyms, kept for later calls (jeunes_rejetes)
	pseudo       *pseudo.Pseudonymiser
	ids          *idSet // for duplicates within one kind
	rep          *FileReport
	rejectedRow  bool
	perStructure map[string]int // accepted youths per structure, for the year-over-year warning
}

// quotable are the columns whose values a message may quote (extracts.md §3): codes,
// dates of events and measures, SIRETs. A youth's attributes and dates never are.
var quotable = map[Kind]map[string]bool{
	KindReferentiel: {"code_structure": true, "code_departement": true, "code_region": true},
	KindJeunes:      {"code_structure": true},
	KindEvenements:  {"code_structure": true, "date_evenement": true, "type_evenement": true, "statut": true, "siret": true},
	KindMesures:     {"code_structure": true, "categorie": true, "date_debut": true, "date_fin": true, "siret": true},
}

// quote is the value a message may show for a column of the current file ("" when none).
func (c *checker) quote(column, value string) string {
	if quotable[c.rep.Kind][column] {
		return value
	}
	return ""
}

// markRejected notes a youth whose row was rejected: its events and measures are too.
func (c *checker) markRejected(id string) {
	if k := keyOf(id); !c.rejected[k] {
		c.rejected[k] = true
		if !c.rep.CountOnly { // kept for later calls: a validation keeps nothing
			c.rejectedIDs = append(c.rejectedIDs, id)
		}
	}
}

// reject records a rejection of the current row; only the first one counts.
func (c *checker) reject(r *row, column, rule, value string, args ...any) {
	if c.rejectedRow {
		return
	}
	c.rejectedRow = true
	c.rep.Rejected++
	c.rep.add(Issue{Severity: Reject, File: r.file, Line: r.line, Column: column, Rule: rule, Value: c.quote(column, value), Args: args})
}

func (c *checker) warn(r *row, column, rule, value string) {
	c.rep.add(Issue{Severity: Warning, File: r.file, Line: r.line, Column: column, Rule: rule, Value: c.quote(column, value)})
}

// required returns the field, rejecting the row when it is empty.
func (c *checker) required(r *row, column string) string {
	v := r.get(column)
	if v == "" {
		c.reject(r, column, RuleRequired, "")
	}
	return v
}

// date parses an optional date column.
func (c *checker) date(r *row, column string) any {
	v := r.get(column)
	if v == "" {
		return nil
	}
	t, err := parse.Date(v)
	if err != nil {
		rule := RuleDateFormat
		if errors.Is(err, parse.ErrDateImpossible) {
			rule = RuleDateImpossible
		}
		c.reject(r, column, rule, v)
		return nil
	}
	return t
}

func (c *checker) boolean(r *row, column string) any {
	v := r.get(column)
	if v == "" {
		return nil
	}
	b, err := parse.Bool(v)
	if err != nil {
		c.reject(r, column, RuleBool, v)
		return nil
	}
	return b
}

// code returns the canonical code, warning when unknown (the raw value is kept and
// counts in no indicator).
func (c *checker) code(r *row, column string, known codes) any {
	v := r.get(column)
	if v == "" {
		return nil
	}
	canon, ok := known.lookup(v)
	if !ok {
		c.warn(r, column, RuleUnknownCode, v)
	}
	return canon
}

// structure checks a code_structure against the referential of the call.
func (c *checker) structure(r *row, column string) (string, structure) {
	code := c.required(r, column)
	if code == "" {
		return "", structure{}
	}
	s, ok := c.structures[code]
	if !ok {
		c.reject(r, column, RuleUnknownStructure, code)
	}
	return code, s
}

// unique rejects a later occurrence of an id within the kind; it returns true for the
// first.
func (c *checker) unique(r *row, column, id string) bool {
	if id == "" {
		return false
	}
	if first := c.ids.add(id, r.line); first != 0 {
		c.reject(r, column, RuleDuplicate, "", first)
		return false
	}
	return true
}

// youth pseudonymises id_jeune and checks it links to a youth of the batch.
func (c *checker) youth(r *row) string {
	raw := c.required(r, "id_jeune")
	if raw == "" {
		return ""
	}
	id := c.pseudo.ID(raw)
	switch {
	case c.rejected[keyOf(id)]:
		c.reject(r, "id_jeune", RuleRejectedYouth, "")
	case !c.youths[keyOf(id)]:
		c.reject(r, "id_jeune", RuleUnknownYouth, "")
	}
	return id
}

func (c *checker) siret(r *row) any {
	v := r.get("siret")
	if v == "" {
		return nil
	}
	s, ok := validSIRET(v)
	if !ok {
		c.warn(r, "siret", RuleSIRET, v)
		return nil
	}
	return s
}

// ageOn is the age in whole years on day d.
func ageOn(birth, d time.Time) int {
	age := d.Year() - birth.Year()
	if d.Month() < birth.Month() || d.Month() == birth.Month() && d.Day() < birth.Day() {
		age--
	}
	return age
}

// departementCode is a département (extracts.md §2.1): 01 to 95 but 20, 2A and 2B for
// Corsica, 971 to 976 and 978 (Saint-Martin) overseas.
var departementCode = regexp.MustCompile(`^(0[1-9]|1[0-9]|[3-8][0-9]|9[0-5]|2[1-9]|2A|2B|97[1-6]|978)$`)

var structureCode = regexp.MustCompile(`^([0-9]{2}|2[AB])[0-9]{3}S00$`)

func (c *checker) referentielRow(r *row) []any {
	code := c.required(r, "code_structure")
	if code != "" && !structureCode.MatchString(code) {
		c.reject(r, "code_structure", RuleStructureCode, code)
	}
	c.unique(r, "code_structure", code)
	nom := c.required(r, "nom_officiel")
	dep := c.required(r, "code_departement")
	if dep != "" && !departementCode.MatchString(dep) {
		c.reject(r, "code_departement", RuleDepartementCode, dep)
	}
	region := r.get("code_region")
	if region != "" {
		if _, ok := regionCodes.lookup(region); !ok {
			c.warn(r, "code_region", RuleUnknownCode, region)
		}
	}
	if c.rejectedRow {
		return nil
	}
	folded := region
	if folded == "10" {
		folded = "01"
	}
	if c.scope != "national" { // a regional batch carries its own region's referential, nothing else
		if before, ok := c.inForce[code]; folded != c.scope {
			c.rep.add(Issue{Severity: Refuse, File: r.file, Line: r.line, Column: "code_region", Rule: RuleReferentialOtherRegion,
				Value: code, Args: []any{region, c.scope}})
		} else if ok && before.region != "" && before.region != c.scope {
			c.rep.add(Issue{Severity: Refuse, File: r.file, Line: r.line, Column: "code_region", Rule: RuleReferentialMove,
				Value: code, Args: []any{before.region, c.scope}})
		}
	}
	technical := len(code) >= 3 && code[:3] == "999" || region == ""
	if technical {
		c.warn(r, "code_structure", RuleTechnical, code)
	}
	c.structures[code] = structure{region: folded, technical: technical}
	return []any{code, nom, nullable(r.get("nom_usuel")), nullable(dep), nullable(region)}
}

func (c *checker) jeunesRow(r *row) []any {
	raw := c.required(r, "id_jeune")
	id, first := "", false
	if raw != "" {
		id = c.pseudo.ID(raw)
		first = c.unique(r, "id_jeune", id)
	}
	code, s := c.structure(r, "code_structure")
	var birth any
	if c.required(r, "date_naissance") != "" {
		birth = c.date(r, "date_naissance")
	}
	if t, ok := birth.(time.Time); ok {
		if age := ageOn(t, time.Date(c.exercice, 12, 31, 0, 0, 0, 0, time.UTC)); age < 14 || age > 30 {
			c.reject(r, "date_naissance", RuleAge, "", c.exercice)
		}
	}
	sexe := c.code(r, "sexe", sexes)
	niveau := c.code(r, "niveau_formation", niveaux)
	diplome := c.boolean(r, "diplome_obtenu")
	qpv := c.boolean(r, "qpv")
	zrr := c.boolean(r, "zrr")
	accueil := c.date(r, "date_premier_accueil")
	if c.rejectedRow {
		if first { // later occurrences point to this one
			c.markRejected(id)
		}
		return nil
	}
	if s.technical {
		c.warn(r, "code_structure", RuleTechnical, code)
	} else if c.scope != "national" && s.region != c.scope {
		c.rep.add(Issue{Severity: Refuse, File: r.file, Line: r.line, Column: "code_structure", Rule: RuleOtherRegion,
			Value: code, Args: []any{s.region, c.scope}})
	}
	c.youths[keyOf(id)] = true
	c.perStructure[code]++
	return []any{id, code, birth, sexe, niveau, diplome, qpv, zrr, accueil}
}

func (c *checker) evenementsRow(r *row) []any {
	idEv := c.required(r, "id_evenement")
	c.unique(r, "id_evenement", idEv)
	id := c.youth(r)
	code, _ := c.structure(r, "code_structure")
	var when any
	if c.required(r, "date_evenement") != "" {
		when = c.date(r, "date_evenement")
	}
	if t, ok := when.(time.Time); ok && (t.Before(time.Date(2005, 1, 1, 0, 0, 0, 0, time.UTC)) || t.After(time.Date(c.exercice+1, 12, 31, 0, 0, 0, 0, time.UTC))) {
		c.reject(r, "date_evenement", RuleDateOutOfPeriod, r.get("date_evenement"), c.exercice+1)
	}
	var typ any
	if c.required(r, "type_evenement") != "" {
		typ = c.code(r, "type_evenement", types)
	}
	statut := c.code(r, "statut", statuts)
	siret := c.siret(r)
	if c.rejectedRow {
		return nil
	}
	return []any{idEv, id, code, when, typ, statut, siret}
}

func (c *checker) mesuresRow(r *row) []any {
	idM := c.required(r, "id_mesure")
	c.unique(r, "id_mesure", idM)
	id := c.youth(r)
	code, _ := c.structure(r, "code_structure")
	var cat any
	if c.required(r, "categorie") != "" {
		cat = c.code(r, "categorie", categories)
	}
	var debut any
	if c.required(r, "date_debut") != "" {
		debut = c.date(r, "date_debut")
	}
	fin := c.date(r, "date_fin")
	if d, ok := debut.(time.Time); ok {
		if f, ok := fin.(time.Time); ok && f.Before(d) {
			c.reject(r, "date_fin", RuleEndBeforeStart, r.get("date_fin"), r.get("date_debut"))
		}
	}
	siret := c.siret(r)
	var parrain any
	if v := r.get("id_parrain"); v != "" {
		parrain = c.pseudo.ID(v)
	}
	if c.rejectedRow {
		return nil
	}
	return []any{idM, id, code, cat, debut, fin, siret, parrain}
}

func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// rowFunc returns the rule set of a kind.
func (c *checker) rowFunc(k Kind) (func(*row) []any, error) {
	switch k {
	case KindReferentiel:
		return c.referentielRow, nil
	case KindJeunes:
		return c.jeunesRow, nil
	case KindEvenements:
		return c.evenementsRow, nil
	case KindMesures:
		return c.mesuresRow, nil
	}
	return nil, fmt.Errorf("no rules for kind %q", k)
}

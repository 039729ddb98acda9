package ingest

import (
	"fmt"
	"sort"
)

// Severity tells what an issue does to its row or file.
type Severity int

// Severities, from mild to blocking.
const (
	Warning Severity = iota // row kept (avertissement)
	Reject                  // row left out, kept in quarantine (rejet)
	Refuse                  // whole file refused (bloquant)
)

// Issue is one finding of validation. Value is only set for non-personal columns (codes,
// dates of events and measures, SIRETs); it never holds an id or a PII value.
type Issue struct {
	Severity Severity
	File     string
	Sheet    string // the sheet of an ARML workbook, "" for a CSV file
	Line     int    // 0 when the issue is about the whole file (in a workbook: the Excel row)
	Column   string // "" when about no column
	Rule     string
	Value    string
	Args     []any // rule-specific details for the message (counts, lines, limits)
}

// Message is the issue as one French sentence; see messages.go.
func (i Issue) Message() string { return message(i) }

func (i Issue) String() string { return fmt.Sprintf("%s:%d:%s: %s", i.File, i.Line, i.Column, i.Rule) }

// The rules, as codes stored in the warehouse and shown in reports.
const (
	RuleRequired         = "champ_obligatoire"
	RuleDateFormat       = "date_invalide"
	RuleDateImpossible   = "date_impossible"
	RuleAge              = "age_hors_champ"
	RuleUnknownStructure = "structure_inconnue"
	RuleUnknownYouth     = "jeune_inconnu"
	RuleRejectedYouth    = "jeune_rejete"
	RuleDuplicate        = "doublon"
	RuleDateOutOfPeriod  = "date_hors_periode"
	RuleEndBeforeStart   = "fin_avant_debut"
	RuleBool             = "booleen_invalide"
	RuleFieldCount       = "nb_champs"
	RuleSyntax           = "syntaxe_csv"
	RuleStructureCode    = "code_structure_invalide"

	RuleUnknownColumn   = "colonne_inconnue"
	RuleMissingOptional = "colonne_absente"
	RuleTechnical       = "structure_technique"
	RuleSIRET           = "siret_invalide"
	RuleUnknownCode     = "code_inconnu"
	RuleNoData          = "fichier_sans_donnees"
	RuleYearChange      = "variation_annuelle"

	RuleDecode          = "encodage"
	RuleMissingColumn   = "colonne_manquante"
	RuleDuplicateColumn = "colonne_dupliquee"
	RuleTooManyRejected = "trop_de_rejets"
	RuleOtherRegion     = "hors_region"
	RuleUnknownFile     = "fichier_inconnu"
	RuleEmptyFile       = "fichier_vide"
	RuleOpenQuote       = "guillemet_non_ferme"
	RuleNotWorkbook     = "classeur_illisible"
	RuleNoSheet         = "feuille_manquante"
	RuleMixedRegions    = "classeur_plusieurs_regions"
	RuleTwoWorkbooks    = "deux_classeurs"

	// ARML workbooks: any of these refuses the workbook (extracts.md §4).
	RuleNoML                = "classeur_sans_mission_locale"
	RuleWorkbookTechnical   = "classeur_structure_technique"
	RuleWorkbookOtherRegion = "classeur_autre_region"
	RuleWorkbookDuplicate   = "classeur_doublon"
	RuleNotCount            = "entier_invalide"
	RuleNotAmount           = "nombre_invalide"
	RuleNegative            = "valeur_negative"
	RuleAction              = "action_inconnue"
	RuleAnswer              = "reponse_invalide"
	RuleSurveyRows          = "enquete_plusieurs_lignes"
	RuleCostMismatch        = "cout_incoherent"
)

// Label is the severity as the reports name it.
func (s Severity) Label() string {
	return map[Severity]string{Refuse: "bloquant", Reject: "rejet", Warning: "avertissement"}[s]
}

// FirstLines is how many messages of each rule the validation reports quote.
const FirstLines = 5

// RuleGroup is the issues of one rule in one file.
type RuleGroup struct {
	Rule     string
	Severity Severity
	Issues   []Issue
}

// ByRule groups a file's issues by rule: blocking rules first, then rejections, then
// warnings, each in rule order; issues keep their reading order.
func (f *FileReport) ByRule() []RuleGroup {
	index := map[string]int{}
	var groups []RuleGroup
	for _, i := range f.Issues {
		k, ok := index[i.Rule]
		if !ok {
			k = len(groups)
			index[i.Rule] = k
			groups = append(groups, RuleGroup{Rule: i.Rule, Severity: i.Severity})
		}
		groups[k].Issues = append(groups[k].Issues, i)
	}
	sort.SliceStable(groups, func(a, b int) bool {
		if groups[a].Severity != groups[b].Severity {
			return groups[a].Severity > groups[b].Severity
		}
		return groups[a].Rule < groups[b].Rule
	})
	return groups
}

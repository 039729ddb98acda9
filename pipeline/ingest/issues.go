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
	Rule     string // its Detail's rule when it has one
	Value    string
	Detail   Detail // what the rule's sentence needs beyond the place and value; see details.go
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
	RuleLongField        = "champ_trop_long"
	RuleSyntax           = "syntaxe_csv"
	RuleStructureCode    = "code_structure_invalide"
	RuleDepartementCode  = "code_departement_invalide"

	RuleUnknownColumn   = "colonne_inconnue"
	RuleMissingOptional = "colonne_absente"
	RuleTechnical       = "structure_technique"
	RuleSIRET           = "siret_invalide"
	RuleUnknownCode     = "code_inconnu"
	RuleNoData          = "fichier_sans_donnees"
	RuleYearChange      = "variation_annuelle"

	RuleDecode                 = "encodage"
	RuleMissingColumn          = "colonne_manquante"
	RuleDuplicateColumn        = "colonne_dupliquee"
	RuleTooManyRejected        = "trop_de_rejets"
	RuleOtherRegion            = "hors_region"
	RuleReferentialOtherRegion = "referentiel_autre_region"
	RuleReferentialMove        = "referentiel_changement_de_region"
	RuleUnknownFile            = "fichier_inconnu"
	RuleEmptyFile              = "fichier_vide"
	RuleOpenQuote              = "guillemet_non_ferme"
	RuleNotWorkbook            = "classeur_illisible"
	RuleNoSheet                = "feuille_manquante"
	RuleMixedRegions           = "classeur_plusieurs_regions"
	RuleTwoWorkbooks           = "deux_classeurs"
	RuleNoHeader               = "pas_d_entete"
	RuleWorkbookTooLarge       = "classeur_trop_volumineux"

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

// ruleLabels name the rules in plain French for the pages read by the ARMLs.
var ruleLabels = map[string]string{
	RuleRequired: "champ obligatoire vide", RuleDateFormat: "date illisible", RuleDateImpossible: "date impossible",
	RuleAge: "âge hors du champ des missions locales", RuleUnknownStructure: "structure inconnue", RuleUnknownYouth: "jeune inconnu",
	RuleRejectedYouth: "jeune dont la ligne est rejetée", RuleDuplicate: "ligne en double", RuleDateOutOfPeriod: "date hors de l'exercice",
	RuleEndBeforeStart: "fin avant le début", RuleBool: "oui/non illisible", RuleFieldCount: "nombre de champs incorrect", RuleLongField: "champ trop long",
	RuleSyntax: "ligne CSV illisible", RuleStructureCode: "code de structure invalide", RuleDepartementCode: "code de département invalide",
	RuleUnknownColumn: "colonne inconnue", RuleMissingOptional: "colonne facultative absente", RuleTechnical: "structure technique",
	RuleSIRET: "SIRET invalide", RuleUnknownCode: "code inconnu", RuleNoData: "fichier sans données", RuleYearChange: "forte variation sur un an",
	RuleDecode: "encodage illisible", RuleMissingColumn: "colonne obligatoire absente", RuleDuplicateColumn: "colonne en double",
	RuleTooManyRejected: "trop de lignes rejetées", RuleOtherRegion: "ligne d'une autre région", RuleReferentialOtherRegion: "structure d'une autre région dans le référentiel",
	RuleReferentialMove: "structure d'une autre région reprise", RuleUnknownFile: "fichier non reconnu",
	RuleEmptyFile: "fichier vide", RuleOpenQuote: "guillemet non fermé", RuleNotWorkbook: "classeur illisible", RuleNoSheet: "feuille absente",
	RuleMixedRegions: "classeur de plusieurs régions", RuleTwoWorkbooks: "deux classeurs dans un dépôt", RuleNoHeader: "pas de ligne d'en-tête", RuleWorkbookTooLarge: "classeur trop volumineux",
	RuleNoML: "classeur sans mission locale", RuleWorkbookTechnical: "structure technique dans le classeur",
	RuleWorkbookOtherRegion: "mission locale d'une autre région", RuleWorkbookDuplicate: "mission locale en double",
	RuleNotCount: "nombre entier attendu", RuleNotAmount: "nombre attendu", RuleNegative: "valeur négative", RuleAction: "action du PNAE inconnue",
	RuleAnswer: "réponse non prévue", RuleSurveyRows: "plusieurs réponses à l'enquête", RuleCostMismatch: "coûts incohérents",
}

// RuleLabel is a rule in plain French (its code when it has no label).
func RuleLabel(rule string) string {
	if l, ok := ruleLabels[rule]; ok {
		return l
	}
	return rule
}

// kindNames are the kinds of file in French.
var kindNames = map[Kind]string{KindReferentiel: "référentiel", KindJeunes: "jeunes", KindEvenements: "événements",
	KindMesures: "mesures", KindWorkbook: "classeur ARML"}

// French is the kind in French.
func (k Kind) French() string {
	if n, ok := kindNames[k]; ok {
		return n
	}
	return string(k)
}

// Label is the severity as the reports name it.
func (s Severity) Label() string {
	return map[Severity]string{Refuse: "bloquant", Reject: "rejet", Warning: "avertissement"}[s]
}

// FirstLines is how many messages of each rule the validation reports quote.
const FirstLines = 5

// RuleGroup is the issues of one rule in one file: Count of them, the first ones in Issues.
type RuleGroup struct {
	Rule     string
	Severity Severity
	Count    int
	Issues   []Issue
}

// ByRule groups a file's issues by rule: blocking rules first, then rejections, then
// warnings, each in rule order, with their count; the issues kept keep their reading order.
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
	for k := range groups {
		groups[k].Count = max(f.Count(groups[k].Rule), len(groups[k].Issues))
	}
	sort.SliceStable(groups, func(a, b int) bool {
		if groups[a].Severity != groups[b].Severity {
			return groups[a].Severity > groups[b].Severity
		}
		return groups[a].Rule < groups[b].Rule
	})
	return groups
}

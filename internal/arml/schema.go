// Package arml describes the ARML workbook of extracts.md §4 — its four sheets, their
// columns, types and French explanations — once, for the reader that validates it, the
// template writer (package armlxlsx) and the generator that fills it. The titles of the PNAE actions its
// sheet suivi_pnae lists are SQL reference data (sqlfiles.Actions).
package arml

import "bilan/internal/textio"

// Type is how a cell is read.
type Type int

// Column types.
const (
	Text   Type = iota // free text
	Code               // a mission locale of the region (code_structure)
	Count              // integer ≥ 0
	Amount             // decimal ≥ 0 (euros or FTE)
	Bool               // OUI / NON
	Answer             // a survey yes/no: OUI / NON, or NC / NON_CONCERNE (not answered)
	Tender             // q3: OUI / NON / EN_COURS, or NC / NON_CONCERNE
	Action             // 1..13
	Role               // REFERENTE / CONCERNEE / NON_CONCERNEE
	Status             // NON_DEMARREE / EN_COURS / REALISEE
	Label              // informative column written by the template, never read
)

// Column is one column of a sheet.
type Column struct {
	Name     string
	Type     Type
	Required bool   // the column must be in the header
	Help     string // French input message of the template
}

// Sheet is one sheet of the workbook.
type Sheet struct {
	Name     string
	Title    string // French title written above the header by the template
	Required bool
	Columns  []Column
}

// Choices are the values a drop-down list offers for a coded type.
func (t Type) Choices() []string {
	switch t {
	case Bool:
		return []string{"OUI", "NON"}
	case Answer:
		return []string{"OUI", "NON", "NC", "NON_CONCERNE"}
	case Tender:
		return []string{"OUI", "NON", "EN_COURS", "NC", "NON_CONCERNE"}
	case Role:
		return []string{"REFERENTE", "CONCERNEE", "NON_CONCERNEE"}
	case Status:
		return []string{"NON_DEMARREE", "EN_COURS", "REALISEE"}
	}
	return nil
}

// NotAnswered tells whether a survey answer means "not answered": empty, NC, « Non concerné ».
func NotAnswered(v string) bool {
	switch textio.FoldCode(v) {
	case "", "NC", "NON_CONCERNE", "NONCONCERNE":
		return true
	}
	return false
}

const amountHelp = "Montant en euros, nombre positif ou nul ; laisser vide si non connu."

// Sheets is the workbook, in the order of the template.
var Sheets = []Sheet{
	{Name: "structures", Title: "Données des missions locales au 31/12 (type ICARE)", Required: true, Columns: []Column{
		{Name: "code_structure", Type: Code, Required: true, Help: "Code I-milo de la mission locale (pré-rempli, ne pas modifier)."},
		{Name: "nom_structure", Type: Label, Help: "Nom de la mission locale (pour information)."},
		{Name: "nb_lieux_accueil", Type: Count, Help: "Nombre de lieux où les jeunes sont reçus (sites permanents et permanences)."},
		{Name: "nb_salaries", Type: Count, Help: "Nombre de salariés au 31/12."},
		{Name: "etp", Type: Amount, Help: "Équivalents temps plein au 31/12 (décimal, par exemple 12,5)."},
		{Name: "nb_referents_entreprise", Type: Count, Help: "Salariés chargés des relations avec les entreprises."},
		{Name: "reseau_parrainage", Type: Bool, Help: "OUI si la mission locale anime un réseau de parrainage."},
		{Name: "nb_parrains", Type: Count, Help: "Parrains actifs dans l'année (salariés et bénévoles retraités)."},
		{Name: "fin_etat", Type: Amount, Help: "Financement de fonctionnement de l'État. " + amountHelp},
		{Name: "fin_region", Type: Amount, Help: "Financement du conseil régional. " + amountHelp},
		{Name: "fin_departements", Type: Amount, Help: "Financement des départements. " + amountHelp},
		{Name: "fin_communes", Type: Amount, Help: "Financement des communes et intercommunalités. " + amountHelp},
		{Name: "fin_fse", Type: Amount, Help: "Financement du Fonds social européen. " + amountHelp},
		{Name: "fin_autres", Type: Amount, Help: "Autres financements (Pôle emploi compris). " + amountHelp},
	}},
	{Name: "enquete_numerique", Title: "Enquête sur la stratégie numérique (une seule ligne)", Columns: []Column{
		{Name: "q1_plan_action", Type: Answer, Required: true, Help: "Avez-vous un plan d'action numérique dans votre région ? OUI, NON, NC ou NON_CONCERNE."},
		{Name: "q1_description", Type: Text, Help: "Présentation du plan d'action, 20 lignes au plus."},
		{Name: "q2_prestataires", Type: Answer, Help: "Avez-vous sollicité des prestataires ou cabinets ?"},
		{Name: "q2_liste", Type: Text, Help: "Lesquels : noms des organismes séparés par « | » (pas de nom de personne, de téléphone ni d'adresse électronique)."},
		{Name: "q3_appel_offres", Type: Tender, Help: "Y a-t-il eu un appel d'offres ? OUI, NON ou EN_COURS."},
		{Name: "q4_applications", Type: Text, Help: "Applications numériques utilisées (outils et cibles), séparées par « | »."},
		{Name: "q5_interop_imilo", Type: Answer, Help: "Avez-vous besoin d'une interopérabilité avec I-milo ?"},
		{Name: "q5_donnees", Type: Text, Help: "Sur quelles données ?"},
		{Name: "q6_cout_total", Type: Amount, Help: "Coût total de la prestation en euros ; vide si non chiffré."},
		{Name: "q6_cout_compte_60", Type: Amount, Help: "Part du coût sur le compte 60 (achats), en euros, si connue."},
		{Name: "q6_cout_compte_61", Type: Amount, Help: "Part du coût sur le compte 61 (services extérieurs), en euros, si connue."},
		{Name: "q6_cout_compte_62", Type: Amount, Help: "Part du coût sur le compte 62 (autres services extérieurs), en euros, si connue. Les trois comptes doivent faire le total (à 1 € près)."},
		{Name: "q7_etp", Type: Amount, Help: "Moyens humains nécessaires, en équivalents temps plein."},
		{Name: "q7_materiels", Type: Text, Help: "Moyens matériels nécessaires."},
	}},
	{Name: "ml_strategie_numerique", Title: "Question 8 : missions locales dotées d'une stratégie numérique", Columns: []Column{
		{Name: "code_structure", Type: Code, Required: true, Help: "Code I-milo de la mission locale (pré-rempli)."},
		{Name: "nom_structure", Type: Label, Help: "Nom de la mission locale (pour information)."},
		{Name: "strategie_numerique", Type: Answer, Required: true, Help: "OUI si la mission locale a mis en place une stratégie numérique, NON sinon ; NC ou NON_CONCERNE : pas de réponse."},
		{Name: "description", Type: Text, Help: "Description courte (facultatif)."},
	}},
	{Name: "suivi_pnae", Title: "Suivi des 13 actions du PNAE", Columns: []Column{
		{Name: "action", Type: Action, Required: true, Help: "Numéro de l'action du PNAE, de 1 à 13 (pré-rempli ; une ligne par action)."},
		{Name: "intitule", Type: Label, Help: "Intitulé de l'action (pour information)."},
		{Name: "role", Type: Role, Required: true, Help: "Rôle de l'ARML : REFERENTE, CONCERNEE ou NON_CONCERNEE."},
		{Name: "statut", Type: Status, Help: "Avancement : NON_DEMARREE, EN_COURS ou REALISEE."},
		{Name: "commentaire", Type: Text, Help: "Commentaire (facultatif)."},
	}},
}

// SheetNamed returns the sheet whose name folds to name.
func SheetNamed(name string) (Sheet, bool) {
	for _, s := range Sheets {
		if s.Name == textio.Fold(name) {
			return s, true
		}
	}
	return Sheet{}, false
}

// ML is a mission locale listed in a template.
type ML struct{ Code, Name string }

// Answers are values written into a template, by column name: the generator and the
// round-trip tests fill workbooks with them; a blank template has none. Numbers are
// written as numbers, strings as text cells.
type Answers struct {
	Structures map[string]map[string]any // code_structure → column → value
	Survey     map[string]any            // the one row of enquete_numerique
	Strategies map[string]map[string]any // code_structure → column → value
	Actions    map[int]map[string]any    // action → column → value (role, statut, commentaire)
}

// Template describes a region's workbook, which package armlxlsx writes.
type Template struct {
	Year       int
	Region     string
	RegionName string
	MLs        []ML
	Fill       *Answers // nil for a blank template
	Date       string   // document date, RFC 3339 (stable bytes)
}

// Referents are the ARMLs the seed names referent of an action: action → regions.
var Referents = map[int][]string{
	10: {"94", "84", "11"}, // Corse, Auvergne-Rhône-Alpes, Île-de-France
	11: {"04"},             // La Réunion
}

package ingest

import (
	"path/filepath"
	"strings"

	"bilan/internal/textio"
)

// Kind is a kind of extract file.
type Kind string

// The kinds of extract, in the order a batch is read (links point backwards).
const (
	KindReferentiel Kind = "referentiel"
	KindJeunes      Kind = "jeunes"
	KindEvenements  Kind = "evenements"
	KindMesures     Kind = "mesures"
	KindWorkbook    Kind = "classeur"
)

// Kinds lists the extract kinds in reading order.
var Kinds = []Kind{KindReferentiel, KindJeunes, KindEvenements, KindMesures}

// KindOf recognises a file by its name (extracts.md §3), ignoring case and accents
// (« Evénements.csv », « JEUNES_2016.CSV »); "" when unknown.
func KindOf(path string) Kind {
	name := textio.Fold(filepath.Base(path))
	ext := filepath.Ext(name)
	if ext == ".xlsx" {
		return KindWorkbook
	}
	if ext != ".csv" && ext != ".txt" {
		return ""
	}
	for _, k := range []struct {
		prefix string
		kind   Kind
	}{{"referentiel_structures", KindReferentiel}, {"jeunes", KindJeunes}, {"evenements", KindEvenements}, {"mesures", KindMesures}} {
		if strings.HasPrefix(name, k.prefix) {
			return k.kind
		}
	}
	return ""
}

type column struct {
	name     string
	required bool
	pii      bool // dropped at ingest, never read
}

type spec struct {
	table   string
	columns []column
}

var pii = []column{{name: "nom", pii: true}, {name: "prenom", pii: true}, {name: "nom_usage", pii: true},
	{name: "mail", pii: true}, {name: "telephone", pii: true}, {name: "nir", pii: true},
	{name: "adresse", pii: true}, {name: "code_postal", pii: true}, {name: "commune", pii: true}}

var specs = map[Kind]spec{
	KindReferentiel: {table: "raw_structures", columns: []column{
		{name: "code_structure", required: true}, {name: "nom_officiel", required: true}, {name: "nom_usuel"},
		{name: "code_departement", required: true}, {name: "code_region", required: true}}},
	KindJeunes: {table: "raw_jeunes", columns: append([]column{
		{name: "id_jeune", required: true}, {name: "code_structure", required: true}, {name: "date_naissance", required: true},
		{name: "sexe"}, {name: "niveau_formation"}, {name: "diplome_obtenu"}, {name: "qpv"}, {name: "zrr"},
		{name: "date_premier_accueil"}}, pii...)},
	KindEvenements: {table: "raw_evenements", columns: []column{
		{name: "id_evenement", required: true}, {name: "id_jeune", required: true}, {name: "code_structure", required: true},
		{name: "date_evenement", required: true}, {name: "type_evenement", required: true}, {name: "statut"}, {name: "siret"},
		{name: "objet", pii: true}, {name: "commentaire", pii: true}}},
	KindMesures: {table: "raw_mesures", columns: []column{
		{name: "id_mesure", required: true}, {name: "id_jeune", required: true}, {name: "code_structure", required: true},
		{name: "categorie", required: true}, {name: "date_debut", required: true}, {name: "date_fin"}, {name: "siret"},
		{name: "id_parrain"}, {name: "objectif", pii: true}}},
}

// codes maps the folded spelling of each accepted coded value to its canonical form;
// exact holds the spellings listed, so the usual case is found without folding.
type codes struct{ folded, exact map[string]string }

func newCodes(canonical ...string) codes {
	c := codes{folded: map[string]string{}, exact: map[string]string{}}
	for _, s := range canonical {
		from, to, ok := strings.Cut(s, "=")
		if !ok {
			to = from
		}
		c.folded[textio.FoldCode(from)] = to
		c.exact[from] = to
	}
	return c
}

// lookup returns the canonical code, or the value upper-cased and false when unknown.
func (c codes) lookup(v string) (string, bool) {
	if canon, ok := c.exact[v]; ok {
		return canon, true
	}
	if canon, ok := c.folded[textio.FoldCode(v)]; ok {
		return canon, true
	}
	return strings.ToUpper(strings.TrimSpace(v)), false
}

var (
	sexes   = newCodes("F", "H", "M=H", "1=H", "2=F")
	niveaux = newCodes("VI", "VBIS", "V", "IV", "III", "II", "I", "1", "2", "3", "4", "5", "6", "7", "8")
	types   = newCodes("ENTRETIEN_INDIVIDUEL", "INFORMATION_COLLECTIVE", "ATELIER", "TELEPHONE", "EMAIL", "SMS",
		"COURRIER", "ENTRETIEN_PARTENAIRE", "VISITE", "MISE_EN_RELATION")
	statuts    = newCodes("REALISE", "PRESENT=REALISE", "ABSENT", "ANNULE", "PREVU", "REPORTE")
	categories = newCodes("PACEA", "GARANTIE_JEUNES", "CEJ", "PARRAINAGE", "PMSMP", "APPRENTISSAGE", "CONTRAT_PRO",
		"EMPLOI_CDI", "EMPLOI_CDD", "FORMATION", "SCOLARITE", "CEP", "CPF", "REPERAGE_ILLETTRISME", "JUSTICE")
	regionCodes = newCodes("01", "02", "03", "04", "06", "10", "11", "24", "27", "28", "32", "44", "52", "53", "75", "76", "84", "93", "94")
)

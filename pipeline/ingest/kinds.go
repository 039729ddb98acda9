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
	// quotable: a message may quote its value (extracts.md §3): codes, dates of events and
	// measures, SIRETs. A youth's attributes and dates never are, nor any id.
	quotable bool
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
		{name: "code_structure", required: true, quotable: true}, {name: "nom_officiel", required: true}, {name: "nom_usuel"},
		{name: "code_departement", required: true, quotable: true}, {name: "code_region", required: true, quotable: true}}},
	KindJeunes: {table: "raw_jeunes", columns: append([]column{
		{name: "id_jeune", required: true}, {name: "code_structure", required: true, quotable: true}, {name: "date_naissance", required: true},
		{name: "sexe"}, {name: "niveau_formation"}, {name: "diplome_obtenu"}, {name: "qpv"}, {name: "zrr"},
		{name: "date_premier_accueil"}}, pii...)},
	KindEvenements: {table: "raw_evenements", columns: []column{
		{name: "id_evenement", required: true}, {name: "id_jeune", required: true}, {name: "code_structure", required: true, quotable: true},
		{name: "date_evenement", required: true, quotable: true}, {name: "type_evenement", required: true, quotable: true},
		{name: "statut", quotable: true}, {name: "siret", quotable: true},
		{name: "objet", pii: true}, {name: "commentaire", pii: true}}},
	KindMesures: {table: "raw_mesures", columns: []column{
		{name: "id_mesure", required: true}, {name: "id_jeune", required: true}, {name: "code_structure", required: true, quotable: true},
		{name: "categorie", required: true, quotable: true}, {name: "date_debut", required: true, quotable: true},
		{name: "date_fin", quotable: true}, {name: "siret", quotable: true},
		{name: "id_parrain"}, {name: "objectif", pii: true}}},
}

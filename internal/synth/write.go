package synth

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"golang.org/x/text/encoding/charmap"
)

// format is one way an ARML or I-milo export writes a CSV file.
type format struct {
	encoding string // "utf8", "utf8bom", "cp1252"
	delim    rune
	date     string // Go layout
	crlf     bool
	header   func(string) string
	yes, no  string
}

var pretty = map[string]string{
	"id_jeune": "Id jeune", "code_structure": "Code structure", "date_naissance": "Date naissance",
	"sexe": "Sexe", "niveau_formation": "Niveau formation", "diplome_obtenu": "Diplôme obtenu", "qpv": "QPV",
	"zrr": "ZRR", "date_premier_accueil": "Date premier accueil", "nom": "Nom", "prenom": "Prénom",
	"mail": "Mail", "telephone": "Téléphone", "nir": "NIR", "adresse": "Adresse", "code_postal": "Code postal",
	"commune": "Commune", "id_evenement": "Id événement", "date_evenement": "Date événement",
	"type_evenement": "Type événement", "statut": "Statut", "siret": "SIRET", "commentaire": "Commentaire",
	"id_mesure": "Id mesure", "categorie": "Catégorie", "date_debut": "Date début", "date_fin": "Date fin",
	"id_parrain": "Id parrain", "objectif": "Objectif",
}

func asIs(s string) string  { return s }
func upper(s string) string { return strings.ToUpper(strings.ReplaceAll(s, "_", " ")) }
func title(s string) string { return pretty[s] }
func dashed(s string) string {
	return " " + strings.ReplaceAll(pretty[s], " ", "-") + " "
}

// formats gives, per region and kind, the variant its files are written in, so the demo
// covers every convention of extracts.md §1.
var formats = map[string]map[string]format{
	"53": {
		"jeunes":     {encoding: "cp1252", delim: ';', date: "02/01/2006", crlf: true, header: upper, yes: "O", no: "N"},
		"evenements": {encoding: "utf8bom", delim: ',', date: "2006-01-02T15:04:05", header: asIs, yes: "oui", no: "non"},
		"mesures":    {encoding: "utf8", delim: '\t', date: "2/1/2006", header: title, yes: "1", no: "0"},
	},
	"94": {
		"jeunes":     {encoding: "utf8", delim: ',', date: "2006-01-02", header: dashed, yes: "oui", no: "non"},
		"evenements": {encoding: "cp1252", delim: ';', date: "02/01/2006 15:04", crlf: true, header: title, yes: "O", no: "N"},
		"mesures":    {encoding: "utf8bom", delim: ';', date: "02/01/2006", header: asIs, yes: "O", no: "N"},
	},
	"01": {
		"jeunes":     {encoding: "utf8bom", delim: '\t', date: "02/01/2006", crlf: true, header: title, yes: "Vrai", no: "Faux"},
		"evenements": {encoding: "utf8", delim: ';', date: "2006-01-02", header: upper, yes: "1", no: "0"},
		"mesures":    {encoding: "cp1252", delim: ',', date: "2006-01-02", header: title, yes: "true", no: "false"},
	},
}

func writeBatch(dir string, b batch) error {
	f := formats[b.region]
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	jf := f["jeunes"]
	jeunes := [][]string{header(jf, "id_jeune", "code_structure", "date_naissance", "sexe", "niveau_formation",
		"diplome_obtenu", "qpv", "zrr", "date_premier_accueil", "nom", "prenom", "mail", "telephone", "nir",
		"adresse", "code_postal", "commune")}
	for i, y := range b.youths {
		birth := y.birth.Format(jf.date)
		if strings.HasPrefix(y.birthText, "31/02") { // planted impossible date
			birth = y.birthText
		}
		n := fmt.Sprintf("%s%05d", PIIMarker, i)
		jeunes = append(jeunes, []string{
			y.id, y.ml, birth, spellSexe(b.region, y.sexe, i), spellNiveau(y.niveau, i), spellBool(jf, y.diplome),
			spellBool(jf, y.qpv), spellBool(jf, y.zrr), spellDate(jf, y.premierAccueil),
			"Nom" + n, "Prénom-é" + n, "jeune." + n + "@exemple.invalid", "06" + n, "1" + n + "123",
			fmt.Sprintf("%d%s rue des Fictifs,\nbâtiment « B »", i, n), "35" + n, "Commune" + n,
		})
	}
	ef := formats[b.region]["evenements"]
	events := [][]string{header(ef, "id_evenement", "id_jeune", "code_structure", "date_evenement", "type_evenement",
		"statut", "siret", "commentaire")}
	for i, e := range b.events {
		date := e.date.Format(ef.date)
		if e.dateText != e.date.Format("2006-01-02") {
			date = e.dateText
		}
		typ := e.typ
		if i%3 == 0 {
			typ = strings.ToLower(strings.ReplaceAll(typ, "_", " "))
		}
		events = append(events, []string{e.id, e.youth, e.ml, date, typ, e.statut, e.siret,
			fmt.Sprintf("Entretien avec %s%06d; suite à voir", PIIMarker, i)})
	}
	mf := formats[b.region]["mesures"]
	measures := [][]string{header(mf, "id_mesure", "id_jeune", "code_structure", "categorie", "date_debut", "date_fin",
		"siret", "id_parrain", "objectif")}
	for i, m := range b.measures {
		measures = append(measures, []string{m.id, m.youth, m.ml, m.categorie, m.debut.Format(mf.date),
			spellDate(mf, m.fin), m.siret, m.parrain, fmt.Sprintf("Découvrir le métier %s%06d", PIIMarker, i)})
	}
	for _, out := range []struct {
		name string
		f    format
		rows [][]string
	}{{"jeunes.csv", jf, jeunes}, {"evenements.csv", ef, events}, {"mesures.csv", mf, measures}} {
		if err := writeCSV(filepath.Join(dir, out.name), out.f, out.rows); err != nil {
			return err
		}
	}
	return nil
}

func header(f format, names ...string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = f.header(n)
	}
	return out
}

func spellDate(f format, t *time.Time) string {
	if t == nil {
		return ""
	}
	return t.Format(f.date)
}

func spellBool(f format, b *bool) string {
	switch {
	case b == nil:
		return ""
	case *b:
		return f.yes
	}
	return f.no
}

func spellSexe(region, s string, i int) string {
	if region == "01" && s != "" {
		return map[string]string{"F": "2", "H": "1"}[s]
	}
	if s == "H" && i%4 == 0 {
		return "M"
	}
	return s
}

func spellNiveau(n string, i int) string {
	if n == "VBIS" && i%2 == 0 {
		return "V bis"
	}
	return n
}

func writeCSV(path string, f format, rows [][]string) error {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Comma = f.delim
	w.UseCRLF = f.crlf
	if err := w.WriteAll(rows); err != nil {
		return err
	}
	data := buf.Bytes()
	switch f.encoding {
	case "utf8bom":
		data = append([]byte{0xEF, 0xBB, 0xBF}, data...)
	case "cp1252":
		var err error
		data, err = charmap.Windows1252.NewEncoder().Bytes(data)
		if err != nil {
			return fmt.Errorf("encode %s: %w", path, err)
		}
	}
	return os.WriteFile(path, data, 0o644)
}

package publish

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"bilan/internal/version"
	sqlfiles "bilan/sql"
)

// manifest is manifest.json (reports.md): what went in, with which software and
// parameters, and what came out, each file with its SHA-256.
type manifest struct {
	Exercice   int             `json:"exercice"`
	Logiciel   software        `json:"logiciel"`
	SQLSHA256  string          `json:"sql_sha256"`
	Parametres parameters      `json:"parametres"`
	Secret     secrecy         `json:"secret_statistique"`
	Calculs    []computation   `json:"exercices_calcules"`
	Entrees    []manifestInput `json:"entrees"`
	Sorties    []manifestFile  `json:"sorties"`
}

type software struct {
	Nom     string `json:"nom"`
	Version string `json:"version"`
	Commit  string `json:"commit"`
}

type parameters struct {
	SeuilSecret   int    `json:"seuil_secret"`
	JDIMois       int    `json:"jdi_mois"`
	DateReference string `json:"date_reference"`
	DateDocument  string `json:"date_document"`
}

// computation is an exercice whose indicators the packs show, and the SQL set it was
// computed with (current: the one of this program).
type computation struct {
	Exercice  int    `json:"exercice"`
	SQLSHA256 string `json:"sql_sha256"`
	AJour     bool   `json:"sql_actuel"`
}

// secrecy is what statistical secrecy did and what the attacker found.
type secrecy struct {
	CellulesPubliees int    `json:"cellules_du_systeme"`
	Primaires        int    `json:"masquees_primaires"`
	Secondaires      int    `json:"masquees_secondaires"`
	DejaRevelees     int    `json:"deja_revelees_par_une_publication_anterieure"`
	Attaquant        string `json:"attaquant"`
}

type manifestInput struct {
	Perimetre      string   `json:"perimetre"`
	Type           string   `json:"type"`
	Fichiers       []string `json:"fichiers"`
	SHA256         []string `json:"sha256"`
	LignesLues     int      `json:"lignes_lues"`
	LignesChargees int      `json:"lignes_chargees"`
	LignesRejetees int      `json:"lignes_rejetees"`
}

type manifestFile struct {
	Fichier string `json:"fichier"`
	SHA256  string `json:"sha256"`
}

// manifestName is the manifest's name in a pack.
const manifestName = "manifest.json"

// writeManifest writes the manifest of the pack in dir, whose files are listed relative to it.
func writeManifest(dir string, y int, d *data, date time.Time, files []string) error {
	m := manifest{
		Exercice:  y,
		Logiciel:  software{Nom: "bilan", Version: version.Version, Commit: version.Commit},
		SQLSHA256: sqlfiles.Hash(),
		Parametres: parameters{SeuilSecret: d.threshold, JDIMois: d.jdiMois, DateReference: d.dateReference.Format("2006-01-02"),
			DateDocument: date.Format("2006-01-02")},
		Calculs: d.computed,
		Secret: secrecy{CellulesPubliees: d.cost.Considered, Primaires: d.cost.Primary, Secondaires: d.cost.Secondary,
			DejaRevelees: d.cost.Revealed, Attaquant: d.attackSummary},
	}
	for _, in := range d.inputs {
		m.Entrees = append(m.Entrees, manifestInput{Perimetre: in.scope, Type: in.kind,
			Fichiers: strings.Split(in.files, "|"), SHA256: strings.Split(in.hashes, "|"),
			LignesLues: in.read, LignesChargees: in.loaded, LignesRejetees: in.rejected})
	}
	for _, rel := range files {
		sum, err := fileSHA256(filepath.Join(dir, rel))
		if err != nil {
			return err
		}
		m.Sorties = append(m.Sorties, manifestFile{Fichier: filepath.ToSlash(rel), SHA256: sum})
	}
	return writeAtomic(filepath.Join(dir, manifestName), func(w io.Writer) error {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(m)
	})
}

func fileSHA256(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

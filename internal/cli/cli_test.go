package cli

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"bilan/internal/synth"
	sqlfiles "bilan/sql"
)

// truthRows returns the rows of a verite-Y.csv file, keyed by indicateur;niveau;code.
func csvRows(t *testing.T, path string) map[string]string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
	if lines[0] != "exercice;indicateur;niveau;code;valeur" {
		t.Fatalf("%s: header %q", path, lines[0])
	}
	rows := map[string]string{}
	for _, l := range lines[1:] {
		f := strings.Split(l, ";")
		if len(f) != 5 {
			t.Fatalf("%s: line %q", path, l)
		}
		rows[strings.Join(f[1:4], ";")] = f[4]
	}
	return rows
}

// TestDemoMatchesPlantedTruth: the engine finds, for every planted indicator at all four
// levels, exactly the value the generator planted; for both exercices.
func TestDemoMatchesPlantedTruth(t *testing.T) {
	t.Parallel()
	wh, out := demoRun(t)
	out2015 := filepath.Join(t.TempDir(), "out2015")
	mustRun(t, "publish", "--warehouse", wh, "--year", "2015", "--out", out2015)
	for year, dir := range map[int]string{2016: out, 2015: out2015} {
		truth := csvRows(t, filepath.Join(demo, fmt.Sprintf("verite-%d.csv", year)))
		got := csvRows(t, filepath.Join(dir, "analystes", "indicateurs.csv"))
		levels := map[string]int{}
		for k, want := range truth {
			if got[k] != want {
				t.Errorf("%d %s: engine %q, planted %q", year, k, got[k], want)
			}
			levels[strings.Split(k, ";")[1]]++
		}
		if len(levels) != 4 || len(truth) < 7000 {
			t.Errorf("%d: truth covers %v (%d rows): expected the four levels", year, levels, len(truth))
		}
	}
	// Every indicator the engine computes is planted, so none escapes this comparison.
	inds, err := sqlfiles.Indicators()
	if err != nil {
		t.Fatal(err)
	}
	for _, ind := range inds {
		if !contains(synth.TruthIDs, ind.ID) { // a family (PNAE_*) by its pattern
			t.Errorf("%s is computed but the generator does not know its truth", ind.ID)
		}
	}
}

// TestIndicateursCSVFormat checks the machine-readable contract: header, sort order,
// LF, no BOM, decimals.
func TestIndicateursCSVFormat(t *testing.T) {
	t.Parallel()
	_, out := demoRun(t)
	b, err := os.ReadFile(filepath.Join(out, "analystes", "indicateurs.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}) || bytes.Contains(b, []byte("\r")) {
		t.Error("indicateurs.csv must be UTF-8 without BOM, LF line ends")
	}
	lines := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
	order := map[string]int{"national": 0, "region": 1, "departement": 2, "ml": 3}
	for i := 2; i < len(lines); i++ {
		a, c := strings.Split(lines[i-1], ";"), strings.Split(lines[i], ";")
		if a[1] > c[1] || a[1] == c[1] && (order[a[2]] > order[c[2]] || order[a[2]] == order[c[2]] && a[3] >= c[3]) {
			t.Fatalf("line %d out of order: %q then %q", i+1, lines[i-1], lines[i])
		}
	}
	inds, err := sqlfiles.Indicators()
	if err != nil {
		t.Fatal(err)
	}
	for _, ind := range inds {
		id := strings.Replace(ind.ID, "*", "A13_REALISEE", 1) // a family: its last id
		for _, lv := range []string{";national;FR;", ";region;53;", ";departement;2A;", ";ml;97801S00;"} {
			defined := contains(ind.Levels, strings.Split(lv, ";")[1])
			if strings.Contains(string(b), "\n2016;"+id+lv) != defined {
				t.Errorf("indicateurs.csv: %s row at %s: want %v (levels %v)", id, lv, defined, ind.Levels)
			}
		}
	}
	for _, want := range []string{"2016;RES_ML;national;FR;447", "2016;RES_ML;region;01;2", "2016;JEU_CONTACT;region;11;"} {
		if !strings.Contains(string(b), want+"\n") {
			t.Errorf("indicateurs.csv lacks %q", want)
		}
	}
	for _, l := range lines {
		if strings.Contains(l, "_PCT;") {
			v := l[strings.LastIndex(l, ";")+1:]
			if v != "" && (len(v) < 3 || v[len(v)-2] != '.') {
				t.Errorf("percentage without exactly one decimal: %q", l)
			}
		}
	}
}

// TestNationalPDF reads the PDF back with poppler: French accents, numbers grouped with a
// (narrow) no-break space, metadata in fr-FR.
func TestNationalPDF(t *testing.T) {
	t.Parallel()
	_, out := demoRun(t)
	pdf := filepath.Join(out, "national", "bilan-national-2016.pdf")
	text := pdftotext(t, pdf)
	truth := csvRows(t, filepath.Join(demo, "verite-2016.csv"))
	contact := truth["JEU_CONTACT;national;FR"]
	if len(contact) < 4 {
		t.Fatalf("demo too small to check thousands grouping: %s", contact)
	}
	// pdftotext renders the narrow no-break space between thousands as a space.
	text = strings.NewReplacer("\u202f", " ", "\u00a0", " ").Replace(text)
	grouped := contact[:len(contact)-3] + " " + contact[len(contact)-3:]
	for _, want := range []string{"Bilan d'activité des missions", "L'essentiel", "Jeunes en contact", grouped,
		"Île-de-France", "Provence-Alpes-Côte", "Délégation ministérielle", "Source : I-milo, traitement DMML",
		"Méthodologie et qualité des données", "page 3 sur", "Sommaire", "Le réseau", "Les jeunes",
		"Accès et maintien dans l'emploi", "Dispositifs d'accompagnement", "Orientation, formation et qualification (PIC)",
		"Autonomie et insertion sociale", "Outre-mer", "Stratégie numérique", "Bilan du PNAE",
		"Annexe : chiffres clés nationaux et régionaux", "Index des tableaux", "Tableau 1 – ", "Graphique – ",
		"Contrôles de cohérence", "cohérent"} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF text lacks %q", want)
		}
	}
	info, err := exec.Command("pdfinfo", pdf).Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	for _, want := range []string{"Title:           Bilan d'activité des missions locales 2016", "Author:          Délégation ministérielle"} {
		if !strings.Contains(string(info), want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, info)
		}
	}
	raw, _ := os.ReadFile(pdf)
	if !bytes.Contains(raw, []byte("/Lang (fr-FR)")) {
		t.Error("PDF catalog lacks /Lang (fr-FR)")
	}
	if strings.Contains(text, "ÉCART") {
		t.Error("a consistency check failed on the demo")
	}
	regional := pdftotext(t, filepath.Join(out, "regions", "94-corse", "bilan-corse-2016.pdf"))
	for _, want := range []string{"Corse, ses missions locales et la France", "2A-ML AJACCIO", "Mission locale", "France", "Les jeunes"} {
		if !strings.Contains(regional, want) {
			t.Errorf("regional PDF lacks %q", want)
		}
	}
}

func pdftotext(t *testing.T, path string) string {
	t.Helper()
	b, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext (poppler-utils, installed by .ci/run): %v", err)
	}
	return string(b)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestNoPersonalData: no byte of a fake PII value, nor a raw youth id, reaches the
// warehouse file, its tables, or any output file.
func TestNoPersonalData(t *testing.T) {
	t.Parallel()
	wh, out := demoRun(t)
	markers := []string{synth.PIIMarker, "exemple.invalid", "J53-2016-", "J94-2015-", "P53-"}
	// What the program prints, for a whole run with another key.
	otherKey := func(name string) string {
		if name == "BILAN_CLE_PSEUDO" {
			return "une-autre-cle-de-test-de-plus-de-32-octets"
		}
		return ""
	}
	other := filepath.Join(t.TempDir(), "autre.duckdb")
	code, stdout, stderr := runEnv(t, otherKey, "run", "--warehouse", other, "--year", "2016", "--in", filepath.Join(demo, "2016"),
		"--out", filepath.Join(t.TempDir(), "out"))
	if code != 0 {
		t.Fatalf("run with another key: exit %d\n%s", code, stderr)
	}
	for _, m := range markers {
		if strings.Contains(stdout+stderr, m) {
			t.Errorf("the program printed %q", m)
		}
	}
	// The same youths get other pseudonyms under another key.
	ids := func(path string) map[string]bool {
		db := openDB(t, path)
		defer db.Close()
		rows, err := db.Query("SELECT id_jeune FROM raw_jeunes WHERE exercice = 2016")
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		set := map[string]bool{}
		for rows.Next() {
			var id string
			rows.Scan(&id)
			set[id] = true
		}
		return set
	}
	a, b := ids(wh), ids(other)
	if len(a) < 1000 || len(a) != len(b) {
		t.Fatalf("%d and %d youths loaded", len(a), len(b))
	}
	for id := range a {
		if b[id] {
			t.Fatalf("pseudonym %s is the same under two keys", id)
		}
	}
	for _, dir := range []string{filepath.Dir(wh), out} {
		filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, _ := os.ReadFile(p)
			for _, m := range markers {
				if bytes.Contains(b, []byte(m)) {
					t.Errorf("%s contains %q", p, m)
				}
			}
			return nil
		})
	}
	noMarkerInTables(t, wh, markers)
}

// TestNoPersonalDataHostileShapes: the shapes that once pushed personal values into
// messages — personal columns first, a row one field short, free text with « ; » and line
// breaks, a file without its header, a personal date or attribute that does not parse —
// leave no marker in what the program prints nor in any table of the warehouse.
func TestNoPersonalDataHostileShapes(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	m := "zqxPII"
	files := map[string]string{
		"jeunes.csv": "nom;prenom;nir;id_jeune;code_structure;date_naissance;sexe;qpv;date_premier_accueil\n" +
			"Dupont" + m + ";Jean" + m + ";1980175" + m + ";J1;35238S00;15/06/1998;F;N;02/03/2016\n" +
			"Durand" + m + ";J2;35238S00;15/06/1998;F;N;02/03/2016\n" + // one field short
			"\"Martin;" + m + "\nsuite\";Luc;1;J3;35238S00;15/06/1998;F;N;02/03/2016\n" +
			"Petit;Lea;2;J4;35238S00;15/06/1998;" + m + ";" + m + ";31/02/" + m + "\n",
		"evenements.csv": "id_evenement;id_jeune;code_structure;date_evenement;type_evenement;statut;siret;commentaire\n" +
			"E1;J1;35238S00;14/03/2016;ENTRETIEN_INDIVIDUEL;REALISE;;\"rappeler; " + m + "\n0612345678\"\n" +
			"E2;J1;35238S00;14/03/2016;ENTRETIEN_INDIVIDUEL;REALISE;appelle " + m + "\n",
		"mesures.csv": "M1;J1;35238S00;PACEA;01/02/2016;;" + m + "@exemple.fr\n",
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	wh := filepath.Join(t.TempDir(), "w.duckdb")
	_, stdout, stderr := run(t, "ingest", "--warehouse", wh, "--year", "2016", "--scope", "53",
		filepath.Join(dir, "jeunes.csv"), filepath.Join(dir, "evenements.csv"), filepath.Join(dir, "mesures.csv"))
	if strings.Contains(stdout+stderr, m) {
		t.Errorf("the program printed a personal value:\n%s%s", stdout, stderr)
	}
	if !strings.Contains(stdout, "la ligne compte 7 champs alors que l'en-tête en compte 9") ||
		!strings.Contains(stdout, "la première ligne ne ressemble pas à un en-tête") {
		t.Errorf("the report does not name the short row and the headerless file:\n%s", stdout)
	}
	noMarkerInTables(t, wh, []string{m})
}

// noMarkerInTables looks at every text value of every table (the DuckDB file compresses
// strings, so its bytes are not enough).
func noMarkerInTables(t *testing.T, wh string, markers []string) {
	t.Helper()
	db := openDB(t, wh)
	defer db.Close()
	rows, err := db.Query(
		"SELECT table_name, column_name FROM information_schema.columns WHERE data_type = 'VARCHAR' AND table_schema = 'main' AND table_name IN (SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE')")
	if err != nil {
		t.Fatal(err)
	}
	var cols [][2]string
	for rows.Next() {
		var c [2]string
		rows.Scan(&c[0], &c[1])
		cols = append(cols, c)
	}
	rows.Close()
	if len(cols) < 20 {
		t.Fatalf("only %d text columns found", len(cols))
	}
	for _, c := range cols {
		for _, m := range markers {
			var n int
			q := fmt.Sprintf("SELECT count(*) FROM %s WHERE contains(%s, ?)", c[0], c[1])
			if err := db.QueryRow(q, m).Scan(&n); err != nil {
				t.Fatal(err)
			}
			if n > 0 {
				t.Errorf("%s.%s holds %q in %d rows", c[0], c[1], m, n)
			}
		}
	}
}

// TestSameFilesTwiceChangeNothing: ingesting the same batch again leaves the warehouse's
// data identical.
func TestSameFilesTwiceChangeNothing(t *testing.T) {
	t.Parallel()
	wh := filepath.Join(t.TempDir(), "bilan.duckdb")
	args := []string{"ingest", "--warehouse", wh, "--year", "2016", "--scope", "94", filepath.Join(demo, "2016", "94")}
	mustRun(t, args...)
	before := snapshot(t, wh)
	mustRun(t, args...)
	if diff := cmp.Diff(before, snapshot(t, wh)); diff != "" {
		t.Errorf("second ingest changed the warehouse (-before +after):\n%s", diff)
	}
}

func fileSHA(path string) (string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:]), nil
}

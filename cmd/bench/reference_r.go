package main

import (
	"bufio"
	"bytes"
	"database/sql"
	_ "embed"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"bilan/internal/referentiel"
)

//go:embed reference_d.R
var referenceD string

// rReference runs reference (d), reference (b)'s indicators in R with data.table, on the
// batch in dir when Rscript and data.table are installed (Debian: r-base-core,
// r-cran-data.table). It returns the script's own seconds and peak RSS, and its national
// values by indicator; absent tells why it did not run.
func rReference(dir string) (st stage, national map[string]int64, absent string) {
	if _, err := exec.LookPath("Rscript"); err != nil {
		return st, nil, "Rscript absent (paquets Debian r-base-core et r-cran-data.table)"
	}
	tmp, err := os.MkdirTemp("", "bench-r")
	must(err)
	defer os.RemoveAll(tmp)
	script, ref := filepath.Join(tmp, "reference_d.R"), filepath.Join(tmp, "referentiel.csv")
	must(os.WriteFile(script, []byte(referenceD), 0o600))
	must(os.WriteFile(ref, []byte(referentiel.CSV()), 0o600))
	var stderr bytes.Buffer
	st, out, err := execute(&stderr, "Rscript", script, dir, ref, fmt.Sprint(year))
	if err != nil {
		return st, nil, "échec de Rscript (" + strings.TrimSpace(lastLine(stderr.String())) + ")"
	}
	lines := bufio.NewScanner(bytes.NewReader(out))
	lines.Scan() // the seconds, in st.inner
	national = map[string]int64{}
	for lines.Scan() {
		var id string
		var n int64
		if _, err := fmt.Sscan(lines.Text(), &id, &n); err == nil {
			national[id] = n
		}
	}
	return st, national, ""
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return lines[len(lines)-1]
}

// sameAsBilan compares reference (d)'s national values with the indicators bilan stored
// in the warehouse wh; it returns the differences, in French.
func sameAsBilan(wh string, national map[string]int64) []string {
	db, err := sql.Open("duckdb", wh+"?access_mode=READ_ONLY")
	must(err)
	defer db.Close()
	var diffs []string
	for _, id := range baselineIDs {
		var v float64
		err := db.QueryRow("SELECT valeur FROM indicateurs WHERE exercice = ? AND indicateur = ? AND niveau = 'national'", year, id).Scan(&v)
		if err != nil {
			diffs = append(diffs, fmt.Sprintf("%s : %v", id, err))
			continue
		}
		switch r, ok := national[id]; {
		case !ok:
			diffs = append(diffs, fmt.Sprintf("%s : absent de R, bilan %.0f", id, v))
		case float64(r) != v:
			diffs = append(diffs, fmt.Sprintf("%s : R %d, bilan %.0f", id, r, v))
		}
	}
	return diffs
}

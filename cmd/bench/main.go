// Command bench times the yearly batch at national scale, stage by stage, beside three
// references measured in the same run on the same files: DuckDB alone scanning every
// input once (a), DuckDB alone storing them in tables (c), and the headline youth
// indicators computed by a straightforward Go program (encoding/csv and maps) (b). It runs the bilan binary as a child process for each stage, so
// each stage's peak RSS is its own. `make bench` runs it.
package main

import (
	"database/sql"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"time"

	_ "github.com/duckdb/duckdb-go/v2"

	"bilan/internal/synth"
)

const year = 2016

type stage struct {
	name    string
	seconds float64
	rssMB   float64
	inner   float64 // what the child printed, for the references: its own measure in seconds
}

func main() {
	data := flag.String("data", "var/bench", "folder of the generated fixtures (kept between runs)")
	bin := flag.String("bin", "bin/bilan", "bilan binary")
	scanDir := flag.String("scan", "", "internal: run reference (a) on this folder and print its seconds")
	loadDir := flag.String("load", "", "internal: run reference (c) on this folder and print its seconds")
	baseDir := flag.String("baseline", "", "internal: run reference (b) on this folder and print its seconds")
	sizes := flag.String("sizes", "national,demi,regional", "the fixtures to run, comma-separated")
	onlyWH := flag.String("only", "", "internal: compute reference (b)'s indicators with bilan's engine in this warehouse and print its seconds")
	flag.Parse()
	// The references run in child processes too: the bench process stays small, so the
	// peak RSS a child reports (Linux starts it from the parent's at exec) is its own.
	switch {
	case *scanDir != "":
		fmt.Println(duckdbScan(*scanDir))
		return
	case *loadDir != "":
		fmt.Println(duckdbLoad(*loadDir))
		return
	case *baseDir != "":
		fmt.Println(baselineIndicators(*baseDir))
		return
	case *onlyWH != "":
		fmt.Println(engineIndicators(*onlyWH))
		return
	}
	os.Setenv("BILAN_CLE_PSEUDO", "cle-de-banc-d-essai-non-secrete-0123456789")
	fmt.Printf("Banc d'essai bilan — %d cœurs, Go %s\n", runtime.NumCPU(), runtime.Version())
	var totals [3]float64
	for k, size := range []struct {
		name     string
		fraction float64
		maxScan  float64 // the target of the whole run / (a) (issue 17)
	}{{"national", 1, 8}, {"demi", 0.5, 8}, {"regional", 0.1, 5}} {
		if !slices.Contains(strings.Split(*sizes, ","), size.name) {
			continue
		}
		dir := filepath.Join(*data, size.name)
		if _, err := os.Stat(filepath.Join(dir, fmt.Sprint(year), "national", fmt.Sprintf("arml-53-%d.xlsx", year))); err != nil {
			fmt.Printf("Génération du jeu %s (une fois, dans %s)…\n", size.name, dir)
			must(synth.GenerateNational(year, dir, size.fraction))
		}
		in := filepath.Join(dir, fmt.Sprint(year), "national")
		rows, bytes := inputSize(in)
		wh := filepath.Join(*data, size.name+".duckdb")
		os.Remove(wh)
		os.Remove(wh + ".wal")
		// Y−1 first, untimed: evolutions read it from the warehouse.
		run(*bin, "ingest", "--warehouse", wh, "--year", fmt.Sprint(year-1), "--scope", "national", filepath.Join(dir, fmt.Sprint(year-1), "national"))
		run(*bin, "compute", "--warehouse", wh, "--year", fmt.Sprint(year-1))
		stages := []stage{
			run(*bin, "validate", "--warehouse", wh, "--year", fmt.Sprint(year), "--scope", "national", in),
			run(*bin, "ingest", "--warehouse", wh, "--year", fmt.Sprint(year), "--scope", "national", in),
			run(*bin, "compute", "--warehouse", wh, "--year", fmt.Sprint(year)),
			run(*bin, "publish", "--warehouse", wh, "--year", fmt.Sprint(year), "--out", filepath.Join(*data, "out-"+size.name)),
		}
		stages[0].name = "décoder, valider, pseudonymiser (validate)"
		stages[1].name = "charger : validate + écriture (ingest)"
		stages[2].name = "calculer les indicateurs (compute)"
		stages[3].name = "secret, PDF, XLSX, CSV (publish)"
		scanStage, loadStage, baseStage := run(os.Args[0], "-scan", in), run(os.Args[0], "-load", in), run(os.Args[0], "-baseline", in)
		scan, baseline, same := scanStage.inner, baseStage.inner, run(os.Args[0], "-only", wh).inner
		whole := stages[1].seconds + stages[2].seconds + stages[3].seconds
		totals[k] = whole
		fmt.Printf("\nJeu %s : %s lignes, %.0f Mo (exercice %d)\n", size.name, group(rows), bytes/1e6, year)
		fmt.Printf("%-46s %10s %14s %12s\n", "étape", "secondes", "lignes/s", "RSS max (Mo)")
		for _, s := range stages {
			fmt.Printf("%-46s %10.2f %14s %12.0f\n", s.name, s.seconds, group(int(float64(rows)/s.seconds)), s.rssMB)
		}
		fmt.Printf("%-46s %10.2f\n", "  dont écriture (ingest − validate)", stages[1].seconds-stages[0].seconds)
		fmt.Printf("%-46s %10.2f %14s\n", "traitement complet (ingest+compute+publish)", whole, group(int(float64(rows)/whole)))
		fmt.Printf("%-46s %10.2f %14s %12.0f\n", "(a) DuckDB seul : lire chaque champ", scan, group(int(float64(rows)/scan)), scanStage.rssMB)
		fmt.Printf("%-46s %10.2f %14s %12.0f\n", "(c) DuckDB seul : les fichiers en tables", loadStage.inner, group(int(float64(rows)/loadStage.inner)), loadStage.rssMB)
		fmt.Printf("%-46s %10.2f %14s %12.0f\n", "(b) Go simple (encoding/csv + maps), 4 indic.", baseline, "", baseStage.rssMB)
		fmt.Printf("%-46s %10.2f\n", "    bilan, calcul des mêmes 4 indicateurs", same)
		fmt.Printf("ratio traitement complet / (a) : %.1f (cible ≤ %g) ; / (c) : %.1f (cible ≤ 2) ; ingest / (c) : %.1f (cible ≤ 1,5) ; (c) / (a) : %.1f\n",
			whole/scan, size.maxScan, whole/loadStage.inner, stages[1].seconds/loadStage.inner, loadStage.inner/scan)
		fmt.Printf("ratio (b) / bilan sur les mêmes indicateurs : %.1f (cible ≥ 10) ; (b) / calcul de tous les indicateurs : %.1f\n",
			baseline/same, baseline/stages[2].seconds)
	}
	fmt.Printf("\nLinéarité : régional (0,1) %.1f s, demi %.1f s, national %.1f s ; national / demi %.2f (≈ 2 attendu), national / régional %.1f (≈ 10)\n",
		totals[2], totals[1], totals[0], totals[0]/totals[1], totals[0]/totals[2])
}

// run runs one bilan command and returns its wall time and peak RSS.
func run(bin string, args ...string) stage {
	cmd := exec.Command(bin, args...)
	cmd.Stderr = os.Stderr
	start := time.Now()
	out, err := cmd.Output()
	elapsed := time.Since(start).Seconds()
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s %s: %v\n%s", bin, strings.Join(args, " "), err, out)
		os.Exit(1)
	}
	ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	var inner float64
	fmt.Sscan(string(out), &inner)
	return stage{name: args[0], seconds: elapsed, rssMB: float64(ru.Maxrss) / 1024, inner: inner}
}

// inputSize counts the data rows and bytes of the inputs, streaming: the bench process
// must stay small, since on Linux a child's peak RSS starts from its parent's at exec.
func inputSize(dir string) (rows int, bytes float64) {
	buf := make([]byte, 1<<20)
	for _, name := range []string{"jeunes.csv", "evenements.csv", "mesures.csv"} {
		f, err := os.Open(filepath.Join(dir, name))
		must(err)
		rows--
		for {
			n, err := f.Read(buf)
			rows += bytesCount(buf[:n])
			bytes += float64(n)
			if err != nil {
				break
			}
		}
		f.Close()
	}
	return rows, bytes
}

func bytesCount(b []byte) int {
	n := 0
	for _, c := range b {
		if c == '\n' {
			n++
		}
	}
	return n
}

// duckdbScan is reference (a): DuckDB reading every field of every input file once.
func duckdbScan(dir string) float64 {
	db, err := sql.Open("duckdb", "")
	must(err)
	defer db.Close()
	start := time.Now()
	for _, f := range []string{"jeunes.csv", "evenements.csv", "mesures.csv"} {
		var n int
		// count(*) alone lets DuckDB skip parsing the fields: every column is read.
		var length int64
		q := fmt.Sprintf("SELECT count(*), sum(length(concat_ws('|', *COLUMNS(*)))) FROM read_csv('%s', delim=';', header=true, all_varchar=true)",
			filepath.Join(dir, f))
		must(db.QueryRow(q).Scan(&n, &length))
	}
	return time.Since(start).Seconds()
}

// duckdbLoad is reference (c), a floor for any batch that keeps the rows: DuckDB alone
// storing every input file, columns typed by its own detection, in a new database file
// (CREATE TABLE AS SELECT * FROM read_csv, then the checkpoint of closing it).
func duckdbLoad(dir string) float64 {
	tmp, err := os.MkdirTemp("", "bench-load")
	must(err)
	defer os.RemoveAll(tmp)
	db, err := sql.Open("duckdb", filepath.Join(tmp, "load.duckdb"))
	must(err)
	start := time.Now()
	for _, f := range []string{"jeunes.csv", "evenements.csv", "mesures.csv"} {
		q := fmt.Sprintf("CREATE TABLE %s AS SELECT * FROM read_csv('%s', delim=';', header=true)",
			strings.TrimSuffix(f, ".csv"), filepath.Join(dir, f))
		_, err := db.Exec(q)
		must(err)
	}
	must(db.Close())
	return time.Since(start).Seconds()
}

func group(n int) string {
	s := fmt.Sprint(n)
	out := ""
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			out += " "
		}
		out += string(r)
	}
	return out
}

func must(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

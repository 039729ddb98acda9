// Command bench times the yearly batch at national scale, stage by stage, beside
// references measured in the same run on the same files: DuckDB alone scanning every
// input once (a), DuckDB alone storing them in tables (c), and the headline youth
// indicators computed by a straightforward Go program (encoding/csv and maps) (b), and the
// same indicators in R with data.table (d), when R is installed. It runs the bilan binary
// as a child process for each stage, so each stage's peak RSS is its own. `make bench`
// runs it.
package main

import (
	"database/sql"
	"flag"
	"fmt"
	"io"
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
	runs := flag.Int("runs", 1, "runs of each fixture (medians printed when more than one)")
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
	if *runs > 1 {
		fmt.Printf("%d passages par jeu : médianes (min–max) ; chaque ratio est pris passage par passage.\n", *runs)
	}
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
		// Y−1 first, untimed, once: evolutions read it from the warehouse, which each run
		// starts from (a copy).
		prev := filepath.Join(*data, size.name+"-precedent.duckdb")
		removeWarehouse(prev)
		run(*bin, "ingest", "--warehouse", prev, "--year", fmt.Sprint(year-1), "--scope", "national", filepath.Join(dir, fmt.Sprint(year-1), "national"))
		run(*bin, "compute", "--warehouse", prev, "--year", fmt.Sprint(year-1))
		names := []string{
			"décoder, valider, pseudonymiser (validate)",
			"charger : validate + écriture (ingest)",
			"calculer les indicateurs (compute)",
			"secret, PDF, XLSX, CSV (publish)",
		}
		var stages, stagesToLoad [4]figures // each stage's seconds, and its ratio to (c) run by run
		var write, whole, scan, load, toScan, toLoad, ingestToLoad, loadToScan figures
		for r := 0; r < *runs; r++ {
			removeWarehouse(wh)
			must(copyFile(prev, wh))
			st := []stage{
				run(*bin, "validate", "--warehouse", wh, "--year", fmt.Sprint(year), "--scope", "national", in),
				run(*bin, "ingest", "--warehouse", wh, "--year", fmt.Sprint(year), "--scope", "national", in),
				run(*bin, "compute", "--warehouse", wh, "--year", fmt.Sprint(year)),
				run(*bin, "publish", "--warehouse", wh, "--year", fmt.Sprint(year), "--out", filepath.Join(*data, "out-"+size.name)),
			}
			a, c := run(os.Args[0], "-scan", in), run(os.Args[0], "-load", in)
			for i, x := range st {
				stages[i].add(x.seconds, x.rssMB)
				stagesToLoad[i].add(x.seconds/c.inner, 0)
			}
			w := st[1].seconds + st[2].seconds + st[3].seconds
			write.add(st[1].seconds-st[0].seconds, 0)
			whole.add(w, 0)
			scan.add(a.inner, a.rssMB)
			load.add(c.inner, c.rssMB)
			toScan.add(w/a.inner, 0)
			toLoad.add(w/c.inner, 0)
			ingestToLoad.add(st[1].seconds/c.inner, 0)
			loadToScan.add(c.inner/a.inner, 0)
		}
		removeWarehouse(prev)
		baseStage := run(os.Args[0], "-baseline", in)
		baseline, same := baseStage.inner, run(os.Args[0], "-only", wh).inner
		totals[k] = whole.median()
		rangeHead := ""
		if *runs > 1 {
			rangeHead = "  (min–max s)"
		}
		fmt.Printf("\nJeu %s : %s lignes, %.0f Mo (exercice %d)\n", size.name, group(rows), bytes/1e6, year)
		fmt.Printf("%-46s %10s %14s %12s %8s%s\n", "étape", "secondes", "lignes/s", "RSS max (Mo)", "/ (c)", rangeHead)
		for i, s := range stages {
			fmt.Printf("%-46s %10.2f %14s %12.0f %8.2f%s\n", names[i], s.median(), group(int(float64(rows)/s.median())), s.maxRSS, stagesToLoad[i].median(), s.interval())
		}
		fmt.Printf("%-46s %10.2f %14s %12s %8s%s\n", "  dont écriture (ingest − validate)", write.median(), "", "", "", write.interval())
		fmt.Printf("%-46s %10.2f %14s %12s %8.2f%s\n", "traitement complet (ingest+compute+publish)", whole.median(), group(int(float64(rows)/whole.median())), "", toLoad.median(), whole.interval())
		fmt.Printf("%-46s %10.2f %14s %12.0f %8.2f%s\n", "(a) DuckDB seul : lire chaque champ", scan.median(), group(int(float64(rows)/scan.median())), scan.maxRSS, 1/loadToScan.median(), scan.interval())
		fmt.Printf("%-46s %10.2f %14s %12.0f %8.2f%s\n", "(c) DuckDB seul : les fichiers en tables", load.median(), group(int(float64(rows)/load.median())), load.maxRSS, 1.0, load.interval())
		fmt.Printf("%-46s %10.2f %14s %12.0f\n", "(b) Go simple (encoding/csv + maps), 4 indic.", baseline, "", baseStage.rssMB)
		fmt.Printf("%-46s %10.2f\n", "    bilan, calcul des mêmes 4 indicateurs", same)
		rStage, rNational, rAbsent := rReference(in)
		if rAbsent == "" {
			check := "mêmes valeurs nationales que bilan"
			if diffs := sameAsBilan(wh, rNational); diffs != nil {
				check = "VALEURS DIFFÉRENTES : " + strings.Join(diffs, " ; ")
			}
			fmt.Printf("%-46s %10.2f %14s %12.0f   %s\n", "(d) R data.table, mêmes 4 indicateurs", rStage.inner, "", rStage.rssMB, check)
		} else {
			fmt.Printf("%-46s %10s   %s\n", "(d) R data.table, mêmes 4 indicateurs", "—", rAbsent)
		}
		fmt.Printf("ratio traitement complet / (a) : %.1f%s (cible ≤ %g) ; / (c) : %.1f%s (cible ≤ 2) ; ingest / (c) : %.1f%s (cible ≤ 1,5) ; (c) / (a) : %.1f\n",
			toScan.median(), toScan.ratios(), size.maxScan, toLoad.median(), toLoad.ratios(),
			ingestToLoad.median(), ingestToLoad.ratios(), loadToScan.median())
		// The target on (a) in units of (c): below 1,5, it leaves the whole run less than
		// the ingest target alone.
		fmt.Printf("cible ≤ %g × (a) = %.2f × (c) pour le traitement complet\n", size.maxScan, size.maxScan/loadToScan.median())
		fmt.Printf("ratio (b) / bilan sur les mêmes indicateurs : %.1f (cible ≥ 10) ; (b) / calcul de tous les indicateurs : %.1f\n",
			baseline/same, baseline/stages[2].median())
		if rAbsent == "" {
			fmt.Printf("ratio (d) / bilan sur les mêmes indicateurs : %.1f ; (d) / calcul de tous les indicateurs : %.2f\n",
				rStage.inner/same, rStage.inner/stages[2].median())
		}
	}
	if slices.Contains(totals[:], 0) { // not every size ran: no ratio to print
		return
	}
	fmt.Printf("\nLinéarité : régional (0,1) %.1f s, demi %.1f s, national %.1f s ; national / demi %.2f (≈ 2 attendu), national / régional %.1f (≈ 10)\n",
		totals[2], totals[1], totals[0], totals[0]/totals[1], totals[0]/totals[2])
}

// figures are one measure over the runs: its values and the largest peak RSS.
type figures struct {
	values []float64
	maxRSS float64
}

func (f *figures) add(v, rssMB float64) {
	f.values = append(f.values, v)
	f.maxRSS = max(f.maxRSS, rssMB)
}

// median is the middle value (the mean of the two middle ones for an even count).
func (f *figures) median() float64 {
	v := slices.Sorted(slices.Values(f.values))
	if len(v) == 0 {
		return 0
	}
	if n := len(v); n%2 == 0 {
		return (v[n/2-1] + v[n/2]) / 2
	}
	return v[len(v)/2]
}

// interval is the figures' range, or nothing for one run.
func (f *figures) interval() string { return f.spread("  (%.2f–%.2f)") }

// ratios is the range of ratios, or nothing for one run.
func (f *figures) ratios() string { return f.spread(" (%.1f–%.1f)") }

func (f *figures) spread(format string) string {
	if len(f.values) < 2 {
		return ""
	}
	return fmt.Sprintf(format, slices.Min(f.values), slices.Max(f.values))
}

func removeWarehouse(path string) {
	os.Remove(path)
	os.Remove(path + ".wal")
}

// copyFile copies a warehouse (and its WAL, when there is one) for a run to start from.
func copyFile(from, to string) error {
	for _, suffix := range []string{"", ".wal"} {
		in, err := os.Open(from + suffix)
		if suffix != "" && os.IsNotExist(err) {
			continue
		}
		if err != nil {
			return err
		}
		out, err := os.Create(to + suffix)
		if err == nil {
			_, err = io.Copy(out, in)
			if cerr := out.Close(); err == nil {
				err = cerr
			}
		}
		in.Close()
		if err != nil {
			return err
		}
	}
	return nil
}

// run runs one bilan command and returns its wall time and peak RSS.
func run(bin string, args ...string) stage {
	st, out, err := execute(os.Stderr, bin, args...)
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s %s: %v\n%s", bin, strings.Join(args, " "), err, out)
		os.Exit(1)
	}
	return st
}

// execute runs a child process, its standard error to stderr: its wall time, its peak
// RSS, the first number it printed (inner) and its whole output.
func execute(stderr io.Writer, bin string, args ...string) (stage, []byte, error) {
	cmd := exec.Command(bin, args...)
	cmd.Stderr = stderr
	start := time.Now()
	out, err := cmd.Output()
	st := stage{seconds: time.Since(start).Seconds()}
	if err != nil {
		return st, out, err
	}
	st.rssMB = float64(cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss) / 1024
	fmt.Sscan(string(out), &st.inner)
	return st, out, nil
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

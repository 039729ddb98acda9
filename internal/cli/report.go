package cli

import (
	"fmt"
	"io"
	"os"

	"bilan/internal/french"
	"bilan/pipeline/ingest"
)

// issueIndent starts the lines of validation messages in the report, and only them (the
// tests of fixtures/bad read them back by it).
const issueIndent = "    "

// printReport writes the French validation report of an ingest call: per file, rows
// read, loaded and rejected, then the first messages of each rule.
func printReport(w io.Writer, res *ingest.Result) {
	for _, f := range res.Files {
		status := "accepté"
		if f.Refused {
			status = "REFUSÉ"
		}
		fmt.Fprintf(w, "\n%s — %s", f.Name, status)
		if f.Encoding != "" {
			fmt.Fprintf(w, " (%s, séparateur %s)", f.Encoding, f.Delimiter)
		}
		loaded := "chargées"
		if res.Refused { // nothing is loaded: the rows were only found valid
			loaded = "valides"
		}
		fmt.Fprintf(w, "\n  %s lues, %s %s, %s rejetées\n", n(f.Read), n(f.Loaded), loaded, n(f.Rejected))
		if f.Detail != "" {
			fmt.Fprintf(w, "  %s\n", f.Detail)
		}
		for _, g := range f.ByRule() {
			fmt.Fprintf(w, "  [%s] %s : %s\n", g.Severity.Label(), g.Rule, n(g.Count))
			for j, i := range g.Issues {
				if j == ingest.FirstLines {
					break
				}
				fmt.Fprintf(w, "%s%s\n", issueIndent, i.Message())
			}
			if g.Count > ingest.FirstLines {
				fmt.Fprintf(w, "%s… et %s autres\n", issueIndent, n(g.Count-ingest.FirstLines))
			}
		}
	}
}

// n writes a count the French way (1 234).
func n(v int) string { return french.Count(v) }

// progress shows the rows read per file on a terminal, and nothing when stderr is not
// one (CI, pipes).
func progress(e *env) func(string, int, bool) {
	f, ok := e.stderr.(*os.File)
	if !ok {
		return nil
	}
	if fi, err := f.Stat(); err != nil || fi.Mode()&os.ModeCharDevice == 0 {
		return nil
	}
	return func(file string, rows int, done bool) {
		end := ""
		if done {
			end = "\n"
		}
		fmt.Fprintf(f, "\r%s : %s lignes lues%s", file, n(rows), end)
	}
}

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
		status := msgFileAccepted
		if f.Refused {
			status = msgFileRefused
		}
		fmt.Fprintf(w, msgFileHeading, f.Name, status)
		if f.Encoding != "" {
			fmt.Fprintf(w, msgEncoding, f.Encoding, f.Delimiter)
		}
		loaded := nounLoaded
		if res.Refused { // nothing is loaded: the rows were only found valid
			loaded = nounValid
		}
		fmt.Fprintf(w, msgRowCounts, count(f.Read, nounRead), count(f.Loaded, loaded), count(f.Rejected, nounRejected))
		if f.Detail != "" {
			fmt.Fprintf(w, "  %s\n", f.Detail)
		}
		for _, g := range f.ByRule() {
			fmt.Fprintf(w, msgRuleHeading, g.Severity.Label(), g.Rule, n(g.Count))
			for j, i := range g.Issues {
				if j == ingest.FirstLines {
					break
				}
				fmt.Fprintf(w, "%s%s\n", issueIndent, i.Message())
			}
			if g.Count > ingest.FirstLines {
				fmt.Fprintf(w, "%s"+msgOthers+"\n", issueIndent, count(g.Count-ingest.FirstLines, nounOther))
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
		fmt.Fprintf(f, msgProgress, file, count(rows, nounLinesRead), end)
	}
}

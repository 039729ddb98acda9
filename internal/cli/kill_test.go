package cli

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestKilledIngestChangesNothing kills (SIGKILL) the program in the middle of a large
// ingest — its youths written, its events not yet — : the warehouse must then answer
// exactly as before, and accept the next ingest.
func TestKilledIngestChangesNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("large ingest")
	}
	t.Parallel()
	dir := t.TempDir()
	wh := filepath.Join(dir, "w.duckdb")
	mustRun(t, "ingest", "--warehouse", wh, "--year", "2016", "--scope", "53", filepath.Join(demo, "2016", "53"))
	before := snapshot(t, wh)

	// 300 000 youths and 1 500 000 events of Rennes: many seconds of work.
	in := filepath.Join(dir, "gros")
	os.MkdirAll(in, 0o755)
	write := func(name, header string, n int, line func(int) string) {
		f, err := os.Create(filepath.Join(in, name))
		if err != nil {
			t.Fatal(err)
		}
		w := bufio.NewWriterSize(f, 1<<20)
		w.WriteString(header)
		for i := 0; i < n; i++ {
			w.WriteString(line(i))
		}
		w.Flush()
		f.Close()
	}
	write("jeunes.csv", "id_jeune;code_structure;date_naissance;sexe\n", 300_000, func(i int) string {
		return fmt.Sprintf("K%d;35238S00;15/06/1998;F\n", i)
	})
	write("evenements.csv", "id_evenement;id_jeune;code_structure;date_evenement;type_evenement;statut\n", 1_500_000, func(i int) string {
		return fmt.Sprintf("F%d;K%d;35238S00;14/03/2016;ATELIER;REALISE\n", i, i%300_000)
	})
	// BILAN_TRACE makes the child say when each statement ends: it is killed as soon as
	// the youths are written, inside the transaction, before the events are.
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "BILAN_TRACE=1", "BILAN_CLE_PSEUDO="+testKey,
		"BILAN_TEST_CHILD="+strings.Join([]string{"ingest", "--warehouse", wh, "--year", "2016", "--scope", "53", in}, "\x1f"))
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(stderr)
	for sc.Scan() && !strings.Contains(sc.Text(), "INSERT jeunes") {
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatalf("the ingest ended before it could be killed: %v", err)
	}
	io.Copy(io.Discard, stderr) // the pipe ends with the process
	err = cmd.Wait()
	if status, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !status.Signaled() {
		t.Fatalf("the ingest was not killed in the middle (it ended: %v); make the input larger", err)
	}
	if after := snapshot(t, wh); after != before {
		t.Errorf("a killed ingest changed the warehouse:\n%s\n---\n%s", before, after)
	}
	// The warehouse still works: the same demo batch loads again.
	mustRun(t, "ingest", "--warehouse", wh, "--year", "2016", "--scope", "53", filepath.Join(demo, "2016", "53"))
	if after := snapshot(t, wh); after != before {
		t.Errorf("re-loading the same batch after the crash changed the data")
	}
}

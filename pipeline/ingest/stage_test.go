package ingest

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// A cancelled call (an upload abandoned, a stopped service) stops staging within
// progressEvery rows rather than reading the whole file.
func TestStagingStopsWhenCancelled(t *testing.T) {
	p := filepath.Join(t.TempDir(), "evenements.csv")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	w.WriteString("id_evenement;id_jeune;code_structure;date_evenement;type_evenement\n")
	for i := 0; i < 3*progressEvery; i++ {
		fmt.Fprintf(w, "E%d;J%d;35238S00;01/03/2016;ATELIER\n", i, i%1000)
	}
	w.Flush()
	f.Close()
	rules, err := loadRules()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	sk := stageKind(ctx, KindEvenements, []string{p}, filepath.Base, Options{Key: make([]byte, 32)}, rules.rows[string(KindEvenements)])
	defer os.Remove(sk.path)
	if !errors.Is(sk.err, context.Canceled) {
		t.Fatalf("staging a cancelled call: %v", sk.err)
	}
	if read := sk.reps[0].Read; read != progressEvery {
		t.Errorf("%d rows read after the cancel, want %d", read, progressEvery)
	}
}

package ingest

import (
	"context"
	"crypto/sha256"
	"maps"
	"os"
	"path/filepath"
	"testing"

	"bilan/internal/warehouse"
)

// Validating a batch (bilan validate) reads the warehouse read-only: the report is the one
// a read-write warehouse gives (links checked against the youths loaded before), and the
// warehouse's file is the same byte for byte.
func TestValidateReadOnly(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "bilan.duckdb")
	dir := "../../fixtures/demo/2015/53"
	key := make([]byte, 32)
	w, err := warehouse.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Run(ctx, w, Options{Exercice: 2015, Scope: "53", Key: key, Files: []string{filepath.Join(dir, "jeunes.csv")}}); err != nil {
		t.Fatal(err)
	}
	validate := Options{Exercice: 2015, Scope: "53", Key: key, DryRun: true,
		Files: []string{filepath.Join(dir, "evenements.csv"), filepath.Join(dir, "mesures.csv"), filepath.Join(dir, "arml-53-2015.xlsx")}}
	report := func(res *Result) map[string]int {
		out := map[string]int{}
		for _, f := range res.Files {
			out[f.Name+" lues"] = f.Read
			for _, g := range f.ByRule() {
				out[f.Name+" "+g.Rule] = g.Count
			}
		}
		return out
	}
	res, err := Run(ctx, w, validate)
	if err != nil {
		t.Fatal(err)
	}
	want := report(res)
	if want["evenements.csv jeune_inconnu"]*10 > want["evenements.csv lues"] {
		t.Fatalf("validating read-write: %v", want)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	sum := func() [32]byte {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		return sha256.Sum256(b)
	}
	before := sum()
	w, err = warehouse.OpenReadOnly(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	res, err = Run(ctx, w, validate)
	if err != nil {
		t.Fatal(err)
	}
	if got := report(res); !maps.Equal(got, want) {
		t.Errorf("validating read-only: %v\nread-write: %v", got, want)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if sum() != before {
		t.Error("validating changed the warehouse's file")
	}
}

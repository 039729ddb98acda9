package synth

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// TestFixturesUpToDate: the generator is deterministic and the committed demo fixtures are
// exactly its output (regenerate with `make fixtures`).
func TestFixturesUpToDate(t *testing.T) {
	dir := t.TempDir()
	if err := Generate("demo", 2016, dir); err != nil {
		t.Fatal(err)
	}
	committed := "../../fixtures/demo"
	n := 0
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		got, _ := os.ReadFile(p)
		want, err := os.ReadFile(filepath.Join(committed, rel))
		if err != nil {
			t.Errorf("%s: not committed (run make fixtures)", rel)
			return nil
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from the generator's output (run make fixtures)", rel)
		}
		n++
		return nil
	})
	if err != nil || n != 2+2*3*4+len(Survey2018) { // truths, 2 exercices × 3 regions × (3 extracts + 1 workbook), the survey
		t.Fatalf("%d files compared, %v", n, err)
	}
}

func TestPctText(t *testing.T) {
	for _, c := range []struct {
		num, den int
		want     string
	}{{1, 3, "33.3"}, {2, 3, "66.7"}, {1, 8, "12.5"}, {1, 16, "6.3"}, {0, 5, "0.0"}, {3, 0, ""}} {
		if got := pctText(c.num, c.den); got != c.want {
			t.Errorf("pctText(%d, %d) = %q, want %q", c.num, c.den, got, c.want)
		}
	}
}

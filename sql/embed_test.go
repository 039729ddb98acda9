package sqlfiles_test

import (
	"context"
	"io/fs"
	"strings"
	"testing"

	"bilan/internal/sqltest"
	sqlfiles "bilan/sql"
)

// TestIndicatorFiles runs every .test file beside the SQL files.
func TestIndicatorFiles(t *testing.T) {
	files, err := fs.Glob(sqlfiles.FS, "*/*.test")
	if err != nil || len(files) == 0 {
		t.Fatalf("no .test files: %v", err)
	}
	for _, f := range files {
		t.Run(strings.TrimSuffix(f, ".test"), func(t *testing.T) {
			b, _ := sqlfiles.FS.ReadFile(f)
			blocks, err := sqltest.Parse(string(b))
			if err != nil {
				t.Fatal(err)
			}
			failures, err := sqltest.Run(context.Background(), blocks)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range failures {
				t.Error(e)
			}
		})
	}
}

// TestEveryIndicatorHasHeaderAndTest checks the header of every indicator file and that
// a .test file stands beside it.
func TestEveryIndicatorHasHeaderAndTest(t *testing.T) {
	inds, err := sqlfiles.Indicators()
	if err != nil {
		t.Fatal(err)
	}
	if len(inds) == 0 {
		t.Fatal("no indicator")
	}
	for _, ind := range inds {
		if _, err := fs.Stat(sqlfiles.FS, "indicators/"+ind.Name+".test"); err != nil {
			t.Errorf("%s: no %s.test beside it", ind.ID, ind.Name)
		}
	}
}

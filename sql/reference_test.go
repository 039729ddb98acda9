package sqlfiles_test

import (
	"context"
	"fmt"
	"testing"

	"bilan/internal/sqltest"
	sqlfiles "bilan/sql"
)

// The titles Go reads from reference/actions_pnae.sql are the rows DuckDB stores from it in
// the table actions_pnae: one list of the PNAE actions.
func TestActionsAreTheTable(t *testing.T) {
	titles := sqlfiles.Actions()
	if len(titles) != 13 {
		t.Fatalf("%d actions, want the PNAE's 13", len(titles))
	}
	want := make([]string, len(titles))
	for i, title := range titles {
		want[i] = fmt.Sprintf("%d\t%s", i+1, title)
	}
	failures, err := sqltest.Run(context.Background(), []sqltest.Block{{Line: 1, Kind: "query",
		SQL: "SELECT action, intitule FROM actions_pnae ORDER BY action", Expected: want}})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range failures {
		t.Error(e)
	}
}

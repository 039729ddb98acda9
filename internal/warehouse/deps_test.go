package warehouse

import (
	"os/exec"
	"strings"
	"testing"
)

// The warehouse, and the ARML schema that the stages reading it share, do not pull in
// excelize: only the writers and the workbook reader do.
func TestNoSpreadsheetDependency(t *testing.T) {
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command:", err)
	}
	for _, pkg := range []string{"bilan/internal/warehouse", "bilan/internal/arml"} {
		out, err := exec.Command(goBin, "list", "-deps", pkg).CombinedOutput()
		if err != nil {
			t.Fatalf("go list -deps %s: %v\n%s", pkg, err, out)
		}
		for _, dep := range strings.Fields(string(out)) {
			if strings.Contains(dep, "excelize") || dep == "bilan/reports/xlsx" {
				t.Errorf("%s depends on %s", pkg, dep)
			}
		}
	}
}

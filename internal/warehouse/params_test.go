package warehouse

import (
	"context"
	"database/sql"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// SetParams sets every parameter: those a stage does not give are reset, never left by the
// stage before.
func TestSetParamsResetsWhatItIsNotGiven(t *testing.T) {
	ctx := context.Background()
	w := mustOpen(t, "", false)
	defer w.Close()
	get := func() [4]string {
		var v [4]sql.NullString
		if err := w.Conn().QueryRowContext(ctx, `SELECT CAST(getvariable('exercice') AS VARCHAR), CAST(getvariable('jdi_mois') AS VARCHAR),
			CAST(getvariable('date_reference') AS VARCHAR), getvariable('perimetre')`).Scan(&v[0], &v[1], &v[2], &v[3]); err != nil {
			t.Fatal(err)
		}
		var out [4]string
		for i, x := range v {
			out[i] = x.String
			if !x.Valid {
				out[i] = "NULL"
			}
		}
		return out
	}
	for _, c := range []struct {
		p    Params
		want [4]string
	}{
		{Params{Exercice: 2016, JDIMois: 3, DateReference: time.Date(2016, 11, 30, 0, 0, 0, 0, time.UTC), Scope: "53"}, [4]string{"2016", "3", "2016-11-30", "53"}},
		{Params{Exercice: 2015}, [4]string{"2015", "NULL", "NULL", "NULL"}},
		{Params{Exercice: 2016, Scope: "national"}, [4]string{"2016", "NULL", "NULL", "national"}},
	} {
		if err := w.SetParams(ctx, c.p); err != nil {
			t.Fatal(err)
		}
		if got := get(); got != c.want {
			t.Errorf("after SetParams(%+v): %v, want %v", c.p, got, c.want)
		}
	}
}

// paramsSetters are the functions that may call SetParams: each stage, at its start.
var paramsSetters = map[string]bool{
	"pipeline/ingest.Run":              true, // ingest and validate
	"pipeline/compute.run":             true, // each exercice compute computes
	"pipeline/publish.Run":             true,
	"pipeline/publish.WriteValidation": true,
	"pipeline/publish.Attack":          true,
	"pipeline.RegionTemplate":          true,
	"pipeline/export.Run":              true,
}

// Only the stages set the run parameters, through SetParams: no other Go sets or resets a
// session variable.
func TestOnlyStagesSetParams(t *testing.T) {
	root := filepath.Join("..", "..")
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") && path != root || d.Name() == "node_modules" || d.Name() == "testdata") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		rel, _ := filepath.Rel(root, path)
		pkg := filepath.ToSlash(filepath.Dir(rel))
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if pkg != "internal/warehouse" && (strings.Contains(string(src), "SET VARIABLE") || strings.Contains(string(src), "RESET VARIABLE")) {
			t.Errorf("%s sets a session variable: the run parameters go through SetParams", rel)
		}
		f, err := parser.ParseFile(fset, path, src, 0)
		if err != nil {
			return err
		}
		for _, decl := range f.Decls {
			fn, ok := decl.(*ast.FuncDecl)
			if !ok {
				continue
			}
			ast.Inspect(fn, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				if sel, ok := call.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "SetParams" && !paramsSetters[pkg+"."+fn.Name.Name] {
					t.Errorf("%s: %s calls SetParams; only the stages do, at their start (%v)", fset.Position(call.Pos()), fn.Name.Name, paramsSetters)
				}
				return true
			})
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

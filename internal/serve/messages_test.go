package serve

import (
	"bytes"
	"encoding/json"
	"go/ast"
	"go/parser"
	gotoken "go/token"
	"net/http"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
)

// logBuffer keeps the service's log records (JSON lines) for a test to read.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *logBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *logBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// records are the log records of an event.
func (b *logBuffer) records(t *testing.T, event string) []map[string]any {
	t.Helper()
	var out []map[string]any
	for _, line := range strings.Split(strings.TrimSpace(b.String()), "\n") {
		var r map[string]any
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("log line %q: %v", line, err)
		}
		if r["event"] == event {
			out = append(out, r)
		}
	}
	return out
}

// The service logs its events as structured records: who (account), where (region), which
// exercice, what (event and outcome); a refused sign-in names no identifier typed.
func TestLogRecords(t *testing.T) {
	f := newFixture(t, 10<<20)
	c := f.client().signIn("arml53")
	c.upload("53", 2016, c.csrf("/region/53"), demoFiles(t))
	c.upload("53", 2016, c.csrf("/region/53"), map[string][]byte{"arml-53.bad.xlsx": mustRead(t, bad)})
	visitor := f.client()
	visitor.post("/connexion", url.Values{"csrf": {visitor.csrf("/connexion")}, "identifiant": {"quelqu-un"}, "mot_de_passe": {"secret-tape"}})
	d := f.client().signIn("dmml")
	if resp, _ := d.post("/dmml/publier", url.Values{"csrf": {d.csrf("/dmml?exercice=2016")}, "exercice": {"2016"}}); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("publish: %d", resp.StatusCode)
	}
	uploads := f.logs.records(t, "upload")
	if len(uploads) != 2 {
		t.Fatalf("%d upload records:\n%s", len(uploads), f.logs.String())
	}
	for i, status := range []string{"charge", "refuse"} {
		r := uploads[i]
		if r["account"] != "arml53" || r["region"] != "53" || r["exercice"] != 2016.0 || r["status"] != status || r["depot"] != float64(i+1) || r["level"] != "INFO" {
			t.Errorf("upload record %d: %v", i+1, r)
		}
	}
	if p := f.logs.records(t, "publish"); len(p) != 1 || p[0]["account"] != "dmml" || p[0]["exercice"] != 2016.0 {
		t.Errorf("publish records: %v", p)
	}
	if r := f.logs.records(t, "sign_in_refused"); len(r) != 1 {
		t.Errorf("refused sign-ins: %v", r)
	}
	if strings.Contains(f.logs.String(), "quelqu-un") || strings.Contains(f.logs.String(), "secret-tape") {
		t.Error("the log holds what was typed in the sign-in form")
	}
}

// The French of the service lives in messages.go and the templates: no other file has a
// string literal with a non-ASCII character, and no error page, page title or form error
// is written in place (a literal, or a fmt call).
func TestFrenchOnlyInMessages(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := gotoken.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") || name == "messages.go" {
			continue
		}
		file, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		inPlace := func(e ast.Expr) bool {
			switch e := e.(type) {
			case *ast.BasicLit:
				return e.Kind == gotoken.STRING
			case *ast.BinaryExpr:
				return true
			case *ast.CallExpr:
				if sel, ok := e.Fun.(*ast.SelectorExpr); ok {
					if pkg, ok := sel.X.(*ast.Ident); ok && pkg.Name == "fmt" {
						return true
					}
				}
			}
			return false
		}
		ast.Inspect(file, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.BasicLit:
				if v, err := strconv.Unquote(n.Value); n.Kind == gotoken.STRING && err == nil && !isASCII(v) {
					t.Errorf("%s: %s is French outside messages.go", fset.Position(n.Pos()), n.Value)
				}
			case *ast.CallExpr:
				if sel, ok := n.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "fail" && len(n.Args) == 4 && inPlace(n.Args[3]) {
					t.Errorf("%s: an error page's message written in place", fset.Position(n.Pos()))
				}
			case *ast.KeyValueExpr:
				if k, ok := n.Key.(*ast.Ident); ok && (k.Name == "Title" || k.Name == "Error") && inPlace(n.Value) {
					t.Errorf("%s: a page's %s written in place", fset.Position(n.Pos()), k.Name)
				}
			}
			return true
		})
	}
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

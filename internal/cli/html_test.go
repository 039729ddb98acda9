package cli

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"bilan/internal/chromium"
	"bilan/internal/doctext"
)

// twins are the HTML twins the demo packs hold, with their PDF beside them.
var twins = []string{"national/bilan-national-2016", "regions/53-bretagne/bilan-bretagne-2016",
	"regions/94-corse/bilan-corse-2016", "regions/01-guadeloupe/bilan-guadeloupe-2016"}

// TestAccessibleDocuments reads the accessible documents of the demo packs back. The
// packs are published a second time with --pdf-accessible: the HTML twins come out byte
// for byte the same; each twin and each tagged PDF is listed in the manifest with its
// SHA-256; each twin and each tagged PDF (pdfinfo: tagged) prints every number of its
// fpdf PDF as often (pdftotext against the HTML text, and against the tagged PDF's); a
// tagged PDF printed again gives the same bytes. Then the catalogue of indicators: its
// national values are those of indicateurs.csv, « s » exactly where the suppression log
// masks France. The national twin, a regional one and the catalogue pass axe-core in
// Chromium; their screenshots are saved (in BILAN_CAPTURES when set).
func TestAccessibleDocuments(t *testing.T) {
	t.Parallel()
	wh, first := demoRun(t)
	out := filepath.Join(t.TempDir(), "out")
	mustRun(t, "publish", "--warehouse", wh, "--year", "2016", "--out", out, "--pdf-accessible")
	var m struct {
		Sorties []struct{ Fichier, SHA256 string } `json:"sorties"`
	}
	b, err := os.ReadFile(filepath.Join(out, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	listed := map[string]string{}
	for _, f := range m.Sorties {
		listed[f.Fichier] = f.SHA256
	}
	for _, twin := range twins {
		for _, f := range []string{twin + ".html", twin + "-accessible.pdf"} {
			sum, err := fileSHA(filepath.Join(out, f))
			if err != nil || listed[f] != sum {
				t.Errorf("manifest: %s has SHA-256 %q, file has %q (%v)", f, listed[f], sum, err)
			}
		}
		a, _ := os.ReadFile(filepath.Join(first, twin+".html"))
		b, _ := os.ReadFile(filepath.Join(out, twin+".html"))
		if len(a) == 0 || !bytes.Equal(a, b) {
			t.Errorf("%s.html differs from one publication to the next", twin)
		}
	}

	t.Run("numbers", func(t *testing.T) {
		for _, twin := range twins {
			pages, err := doctext.PDF(filepath.Join(out, twin+".pdf"))
			if err != nil {
				t.Fatal(err)
			}
			inPDF := doctext.Numbers(doctext.PDFFigures(pages, "Index des tableaux"))
			if len(inPDF) < 100 {
				t.Errorf("%s: %d distinct numbers read in the PDF: too few, the comparison reads it wrong", twin, len(inPDF))
			}
			doc, err := os.ReadFile(filepath.Join(out, twin+".html"))
			if err != nil {
				t.Fatal(err)
			}
			text, err := doctext.HTML(doc)
			if err != nil {
				t.Fatal(err)
			}
			if missing := doctext.Missing(inPDF, doctext.Numbers(text)); len(missing) > 0 {
				t.Errorf("%s: numbers of the PDF missing in the HTML:\n%s", twin, strings.Join(missing, "\n"))
			}
			tagged := filepath.Join(out, twin+"-accessible.pdf")
			info, err := exec.Command("pdfinfo", tagged).Output()
			if err != nil {
				t.Fatalf("pdfinfo (poppler-utils): %v", err)
			}
			if !strings.Contains(string(info), "Tagged:          yes") || !strings.Contains(string(info), "CreationDate:    Sun Dec 31 00:00:00 2017 UTC") {
				t.Errorf("%s: pdfinfo:\n%s", tagged, info)
			}
			pages, err = doctext.PDF(tagged)
			if err != nil {
				t.Fatal(err)
			}
			if missing := doctext.Missing(inPDF, doctext.Numbers(strings.Join(pages, "\n"))); len(missing) > 0 {
				t.Errorf("%s: numbers of the fpdf PDF missing in the tagged PDF:\n%s", twin, strings.Join(missing, "\n"))
			}
		}
	})

	cat := t.TempDir()
	mustRun(t, "catalogue", "--warehouse", wh, "--out", cat)
	t.Run("catalogue", func(t *testing.T) {
		truth := csvRows(t, filepath.Join(out, "analystes", "indicateurs.csv"))
		masked := map[string]bool{}
		log, err := os.ReadFile(filepath.Join(out, "analystes", "secret-2016.csv"))
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range strings.Split(string(log), "\n") {
			if f := strings.Split(l, ";"); len(f) > 3 && f[0] == "2016" && f[2] == "national" {
				masked[f[1]] = true
			}
		}
		f, err := os.Open(filepath.Join(cat, "catalogue.csv"))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		r := csv.NewReader(f)
		r.Comma = ';'
		rows, err := r.ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if rows[0][8] != "valeur_nationale_2016" || len(rows) < 100 {
			t.Fatalf("catalogue.csv: %d rows, header %v", len(rows), rows[0])
		}
		secret := 0
		for _, row := range rows[1:] {
			want := truth[row[0]+";national;FR"]
			if masked[row[0]] {
				want = "s"
				secret++
			}
			if row[8] != want {
				t.Errorf("catalogue.csv: %s = %q, want %q", row[0], row[8], want)
			}
			if !strings.HasPrefix(row[9], "-- id: ") {
				t.Errorf("catalogue.csv: %s: SQL %q", row[0], row[9][:min(len(row[9]), 40)])
			}
		}
		if secret == 0 {
			t.Error("no masked national value in the demo: the test of the masks proves nothing")
		}
	})

	t.Run("axe", func(t *testing.T) {
		b, err := chromium.Start(context.Background(), t.TempDir(), 1280, 1000)
		if err != nil {
			t.Fatal(err)
		}
		defer b.Close()
		for _, page := range []string{filepath.Join(out, twins[0]), filepath.Join(out, twins[1]), filepath.Join(cat, "catalogue")} {
			tab, cancel := b.Tab()
			checkPage(t, tab, "file://"+page+".html", filepath.Base(page))
			cancel()
		}
		// The check can fail: an image without a text alternative is a violation.
		tab, cancel := b.Tab()
		defer cancel()
		bad := `data:text/html;charset=utf-8,<!DOCTYPE html><html lang="fr"><title>Essai</title><main><h1>Essai</h1><img src="data:,"></main></html>`
		if err := chromedp.Do(tab, chromedp.Navigate(bad), chromedp.WaitReady("body")); err != nil {
			t.Fatal(err)
		}
		if v := axe(tab, t); len(v) == 0 || !strings.HasPrefix(v[0], "image-alt") {
			t.Errorf("axe-core does not see an image without alt: %v", v)
		}
		// A tagged PDF printed again gives the same bytes.
		again, err := b.Print(context.Background(), filepath.Join(out, twins[1]+".html"), time.Date(2017, 12, 31, 0, 0, 0, 0, time.UTC))
		if err != nil {
			t.Fatal(err)
		}
		if published, _ := os.ReadFile(filepath.Join(out, twins[1]+"-accessible.pdf")); !bytes.Equal(again, published) {
			t.Errorf("%s-accessible.pdf printed again differs", twins[1])
		}
	})
}

// checkPage opens url in the tab, runs axe-core on it, and saves a screenshot of its
// top as name.png.
func checkPage(t *testing.T, tab context.Context, url, name string) {
	t.Helper()
	if err := chromedp.Do(tab, chromedp.Navigate(url), chromedp.WaitReady("body")); err != nil {
		t.Fatalf("%s: %v", url, err)
	}
	ctx, cancel := context.WithTimeout(tab, time.Minute)
	defer cancel()
	if v := axe(ctx, t); len(v) > 0 {
		t.Errorf("axe-core on %s: %d violation(s)\n%s", name, len(v), strings.Join(v, "\n"))
	}
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	dir := os.Getenv("BILAN_CAPTURES")
	if dir == "" {
		dir = t.TempDir()
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, name+".png")
	if err := os.WriteFile(p, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("%s: %s (%d bytes)", name, p, len(png))
}

// axe runs axe-core (npm package of web/, installed by make web) on the page shown.
func axe(ctx context.Context, t *testing.T) []string {
	t.Helper()
	src, err := os.ReadFile("../../web/node_modules/axe-core/axe.min.js")
	if err != nil {
		t.Fatalf("axe-core (npm package of web/, installed by make web): %v", err)
	}
	v, err := chromium.Axe(ctx, src)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

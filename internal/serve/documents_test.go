package serve

import (
	"bytes"
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	browser "bilan/internal/chromium"
	"bilan/reports"
	"bilan/reports/html"
)

// publishFake writes the region's HTML report (and PDF) of an exercice where `publish`
// would, from a small report whose subtitle names the exercice.
func publishFake(t *testing.T, f *fixture, year int) {
	t.Helper()
	dir := filepath.Join(f.dir, "bilans", strconv.Itoa(year), "regions", "53-bretagne")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	r := &reports.Report{Title: "Bilan d'activité des missions locales", Subtitle: "Bretagne, exercice " + strconv.Itoa(year), Exercice: year,
		Date: time.Date(year+1, 3, 31, 0, 0, 0, 0, time.UTC), Author: "DMML", Threshold: 11,
		Sections: []reports.Section{{Title: "Les jeunes", Tables: []*reports.Table{{Number: 1, Title: "Jeunes", Source: "I-milo",
			Columns: []reports.Column{{Title: "Mission locale"}, {Title: "Jeunes en contact", Format: reports.Count}},
			Rows:    [][]reports.Cell{{reports.Str("56-ML VANNES"), reports.Secret(reports.Count)}}}}}}}
	var b bytes.Buffer
	if err := html.Write(&b, r); err != nil {
		t.Fatal(err)
	}
	base := filepath.Join(dir, "bilan-bretagne-"+strconv.Itoa(year))
	if err := os.WriteFile(base+".html", b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(base+".pdf", []byte("%PDF-1.4\n"), 0o644); err != nil {
		t.Fatal(err)
	}
}

// Every signed-in account reads the catalogue of indicators (HTML, and the CSV it links)
// under the policy of documents: its own style sheet and fonts, nothing else. Signed out,
// the visitor is sent to sign in.
func TestCatalogue(t *testing.T) {
	f := newFixture(t, 1<<20)
	if resp, _ := f.client().get("/catalogue"); resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/connexion" {
		t.Errorf("catalogue signed out: %d %s", resp.StatusCode, resp.Header.Get("Location"))
	}
	for _, id := range []string{"arml53", "arml94", "dmml"} {
		c := f.client().signIn(id)
		resp, body := c.get("/catalogue")
		if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Security-Policy") != documentCSP ||
			!strings.Contains(body, "<h1>Catalogue des indicateurs du réseau des missions locales</h1>") || !strings.Contains(body, "JEU_CONTACT") {
			t.Errorf("catalogue for %s: %d, CSP %q", id, resp.StatusCode, resp.Header.Get("Content-Security-Policy"))
		}
		resp, body = c.get("/catalogue.csv")
		if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/csv") ||
			!strings.HasPrefix(body, "indicateur;titre;famille;definition;source;unite;niveaux;fichier_sql;valeur_nationale;sql\n") {
			t.Errorf("catalogue.csv for %s: %d %q", id, resp.StatusCode, body[:min(len(body), 120)])
		}
	}
	if _, body := f.client().signIn("arml53").get("/region/53"); !strings.Contains(body, `href="/catalogue"`) {
		t.Error("the region page does not link the catalogue")
	}
}

// A region's HTML report is shown in the browser, not downloaded: the latest exercice
// published under /region/R/bilan, any exercice under /region/R/bilan/html; to the
// accounts that see the region only.
func TestReportInBrowser(t *testing.T) {
	f := newFixture(t, 1<<20)
	c := f.client().signIn("arml53")
	if resp, body := c.get("/region/53/bilan"); resp.StatusCode != http.StatusNotFound || !strings.Contains(body, "Aucun bilan de la région") {
		t.Errorf("before any publication: %d", resp.StatusCode)
	}
	publishFake(t, f, 2015)
	publishFake(t, f, 2016)
	for path, want := range map[string]string{"/region/53/bilan": "Bretagne, exercice 2016", "/region/53/bilan/html?exercice=2015": "Bretagne, exercice 2015"} {
		resp, body := c.get(path)
		if resp.StatusCode != http.StatusOK || !strings.Contains(body, want) || resp.Header.Get("Content-Disposition") != "" ||
			resp.Header.Get("Content-Security-Policy") != documentCSP || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
			t.Errorf("GET %s: %d, disposition %q, CSP %q", path, resp.StatusCode, resp.Header.Get("Content-Disposition"), resp.Header.Get("Content-Security-Policy"))
		}
	}
	if _, body := c.get("/region/53?exercice=2016"); !strings.Contains(body, `href="/region/53/bilan/html?exercice=2016"`) || !strings.Contains(body, `href="/region/53/bilan"`) {
		t.Error("the region page does not link its reports to read in the browser")
	}
	corse := f.client().signIn("arml94")
	for _, path := range []string{"/region/53/bilan", "/region/53/bilan/html?exercice=2016"} {
		if resp, _ := corse.get(path); resp.StatusCode != http.StatusForbidden {
			t.Errorf("GET %s by Corse: %d, want 403", path, resp.StatusCode)
		}
	}
	if resp, _ := f.client().signIn("dmml").get("/region/53/bilan"); resp.StatusCode != http.StatusOK {
		t.Errorf("the DMML reads Bretagne's report: %d", resp.StatusCode)
	}
}

// In the browser, the documents served under their policy are styled (the DSFR and its
// Marianne font inside the file are allowed) and pass axe-core.
func TestDocumentsInBrowser(t *testing.T) {
	f := newFixture(t, 1<<20)
	publishFake(t, f, 2016)
	b, err := browser.Start(context.Background(), t.TempDir(), 1280, 1000)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	tab, cancel := b.Tab()
	defer cancel()
	ctx, stop := context.WithTimeout(tab, time.Minute)
	defer stop()
	if err := chromedp.Do(tab, chromedp.Navigate(f.srv.URL+"/connexion"), chromedp.WaitVisible("#identifiant"),
		chromedp.SendKeys("#identifiant", "arml53"), chromedp.SendKeys("#mot_de_passe", password), chromedp.Submit("#mot_de_passe"),
		chromedp.WaitVisible("#depot")); err != nil {
		t.Fatalf("sign in: %v", err)
	}
	for _, path := range []string{"/region/53/bilan", "/catalogue"} {
		if err := chromedp.Do(ctx, chromedp.Navigate(f.srv.URL+path), chromedp.WaitReady("body")); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		styled, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.fonts.ready.then(() =>
			getComputedStyle(document.body).fontFamily.startsWith("Marianne") && document.fonts.check("700 16px Marianne") &&
			getComputedStyle(document.querySelector("h1")).fontWeight === "700")`, chromedp.EvalAwaitPromise))
		if err != nil || !styled {
			t.Errorf("%s is not styled by its own sheet and fonts under the policy (%v)", path, err)
		}
		if v := axeViolations(ctx, t); len(v) > 0 {
			t.Errorf("axe-core on %s: %d violation(s)\n%s", path, len(v), strings.Join(v, "\n"))
		}
	}
}

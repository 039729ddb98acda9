package serve

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"bilan/internal/chromium"
)

// TestBrowser drives the real service in headless Chromium as an assistant would: sign
// in, send a good batch and read that it is loaded, send a bad workbook and read the
// French messages naming sheet, row and column. The page of the refused upload is
// saved as a PNG (in BILAN_CAPTURES when set).
func TestBrowser(t *testing.T) {
	f := newFixture(t, 10<<20)
	b, err := chromium.Start(context.Background(), t.TempDir(), 1280, 1600) // Debian's chromium, installed by .ci/run
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	ctx, cancel := b.Tab()
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 90*time.Second)
	defer cancel()

	abs := func(p string) string {
		a, err := filepath.Abs(p)
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	var good []string
	for _, n := range []string{"jeunes.csv", "evenements.csv", "mesures.csv", "arml-53-2016.xlsx"} {
		good = append(good, abs(filepath.Join(demo, n)))
	}
	err = chromedp.Do(ctx,
		chromedp.Navigate(f.srv.URL+"/"),
		chromedp.WaitVisible("#identifiant"),
	)
	if err != nil {
		t.Fatalf("sign-in page in the browser: %v", err)
	}
	title, _ := chromedp.Run(ctx, chromedp.Title())
	lang, _ := chromedp.Run(ctx, chromedp.AttributeValue("html", "lang"))
	if title != "Connexion – Bilan des missions locales" || lang.Value != "fr" {
		t.Errorf("sign-in page: title %q, lang %q", title, lang.Value)
	}
	err = chromedp.Do(ctx,
		chromedp.SendKeys("#identifiant", "arml53"),
		chromedp.SendKeys("#mot_de_passe", password),
		chromedp.Submit("#mot_de_passe"),
		chromedp.WaitVisible("#depot"),
		chromedp.SetValue("#exercice", "2016"),
		chromedp.SetUploadFiles("#fichiers", good),
		chromedp.Submit("#fichiers"),
		chromedp.WaitVisible("#statut"),
	)
	if err != nil {
		t.Fatalf("good upload in the browser: %v", err)
	}
	if status, _ := chromedp.Run(ctx, chromedp.Text("#statut")); !strings.Contains(status, "Dépôt chargé") {
		t.Errorf("after the good upload the page says %q", status)
	}
	err = chromedp.Do(ctx,
		chromedp.Navigate(f.srv.URL+"/region/53"),
		chromedp.WaitVisible("#depot"),
		chromedp.SetValue("#exercice", "2016"),
		chromedp.SetUploadFiles("#fichiers", []string{abs(bad)}),
		chromedp.Submit("#fichiers"),
		chromedp.WaitVisible("#statut"),
	)
	if err != nil {
		t.Fatalf("bad upload in the browser: %v", err)
	}
	if status, _ := chromedp.Run(ctx, chromedp.Text("#statut")); !strings.Contains(status, "Dépôt refusé") {
		t.Errorf("after the bad upload the page says %q", status)
	}
	report, err := chromedp.Run(ctx, chromedp.Text("main"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"Fichier arml-53.bad.xlsx, feuille « structures », ligne 3, colonne « nb_lieux_accueil » : « 3,5 » n'est pas un nombre entier ; classeur refusé.",
		"Fichier arml-53.bad.xlsx, feuille « suivi_pnae », ligne 2, colonne « role » : « PILOTE » n'est pas une réponse prévue (REFERENTE, CONCERNEE, NON_CONCERNEE) ; classeur refusé.",
	} {
		if !strings.Contains(report, want) {
			t.Errorf("the report page lacks %q\n%s", want, report)
		}
	}
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(90))
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
	p := filepath.Join(dir, "rapport-depot-refuse.png")
	if err := os.WriteFile(p, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("page of the refused upload: %s (%d bytes)", p, len(png))
	if f.count("SELECT count(*) FROM depots WHERE statut = 'charge'") != 1 || f.count("SELECT count(*) FROM depots WHERE statut = 'refuse'") != 1 {
		t.Error("the history does not hold one loaded and one refused upload")
	}

	// Every page, error pages and an unknown route included, passes axe-core.
	check := func(path string) {
		t.Helper()
		if err := chromedp.Do(ctx, chromedp.Navigate(f.srv.URL+path), chromedp.WaitReady("body")); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if v := axeViolations(ctx, t); len(v) > 0 {
			t.Errorf("axe-core on %s: %d violation(s)\n%s", path, len(v), strings.Join(v, "\n"))
		}
	}
	for _, p := range []string{"/region/53", "/region/53/depots/1", "/region/53/depots/2", "/region/94", "/nulle-part", "/static/"} {
		check(p)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(f.srv.URL+"/region/53"), chromedp.WaitVisible("#depot"),
		chromedp.Click(`form[action="/deconnexion"] button`), chromedp.WaitVisible("#identifiant")); err != nil {
		t.Fatalf("sign out: %v", err)
	}
	check("/connexion")
	err = chromedp.Do(ctx,
		chromedp.SendKeys("#identifiant", "dmml"),
		chromedp.SendKeys("#mot_de_passe", password),
		chromedp.Submit("#mot_de_passe"),
		chromedp.WaitVisible("#compte"),
	)
	if err != nil {
		t.Fatalf("DMML sign-in: %v", err)
	}
	check("/dmml?exercice=2016")
	// The check can fail: an image without a text alternative is a violation.
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector("main").append(document.createElement("img")); true`)); err != nil {
		t.Fatal(err)
	}
	if v := axeViolations(ctx, t); len(v) == 0 || !strings.HasPrefix(v[0], "image-alt") {
		t.Errorf("axe-core does not see an image without alt: %v", v)
	}
}

// axeViolations runs axe-core (npm package of web/, installed by make web) on the page shown.
func axeViolations(ctx context.Context, t *testing.T) []string {
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

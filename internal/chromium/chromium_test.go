package chromium

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var date = time.Date(2017, 3, 31, 0, 0, 0, 0, time.UTC)

// Stable sets the dates and renumbers the structure names in the order the elements are
// defined, whatever numbers the browser gave them (two prints number some in another
// order), sorting the name tree again, keeping every length; a PDF without the dates it
// expects is refused rather than left unstable.
func TestStable(t *testing.T) {
	dates := "1 0 obj\n<</CreationDate (D:20261201200300+00'00')\n/ModDate (D:20261201200300+00'00')>>\n"
	prints := []string{ // one page printed twice: elements 3, 4, 5 numbered 75, 421, 15, then 66, 57, 58
		dates + "3 0 obj /ID (node00000075) 4 0 obj /ID (node00000421) /Headers [(node00000015) (node00000075)] 5 0 obj /ID (node00000015)\n" +
			"/Names [(node00000015) 5 0 R (node00000075) 3 0 R (node00000421) 4 0 R]\n",
		dates + "3 0 obj /ID (node00000066) 4 0 obj /ID (node00000057) /Headers [(node00000058) (node00000066)] 5 0 obj /ID (node00000058)\n" +
			"/Names [(node00000057) 4 0 R (node00000058) 5 0 R (node00000066) 3 0 R]\n",
	}
	want := []byte("1 0 obj\n<</CreationDate (D:20170331000000+00'00')\n/ModDate (D:20170331000000+00'00')>>\n" +
		"3 0 obj /ID (node00000001) 4 0 obj /ID (node00000002) /Headers [(node00000003) (node00000001)] 5 0 obj /ID (node00000003)\n" +
		"/Names [(node00000001) 3 0 R (node00000002) 4 0 R (node00000003) 5 0 R]\n")
	for _, in := range prints {
		got, err := Stable([]byte(in), date)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("Stable:\n%s\nwant\n%s", got, want)
		}
	}
	if _, err := Stable([]byte("%PDF-1.4\n/Producer (x)"), date); !errors.Is(err, ErrUnstable) {
		t.Errorf("a PDF without dates: %v", err)
	}
}

// A page printed twice, by two browsers, gives the same bytes; the PDF is tagged, in
// French, dated with the document's date, and its text is the page's.
func TestPrint(t *testing.T) {
	dir := t.TempDir()
	page := filepath.Join(dir, "page.html")
	doc := `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Bilan d'essai 2016</title>` +
		`<style>@page{size:A4;margin:15mm}</style></head><body><main><h1>Bilan d'essai</h1>` +
		`<table><caption>Tableau 1 – Jeunes</caption><thead><tr><th scope="col">Région</th><th scope="col">Jeunes</th></tr></thead>` +
		`<tbody><tr><th scope="row">Bretagne</th><td>1` + "\u202f" + `240</td></tr></tbody></table></main></body></html>`
	if err := os.WriteFile(page, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	var prints [][]byte
	for i := 0; i < 2; i++ {
		b, err := Start(context.Background(), t.TempDir(), 1280, 1000)
		if err != nil {
			t.Fatal(err)
		}
		p, err := b.Print(context.Background(), page, date)
		b.Close()
		if err != nil {
			t.Fatal(err)
		}
		prints = append(prints, p)
	}
	if !bytes.Equal(prints[0], prints[1]) {
		t.Error("two prints of one page differ")
	}
	out := filepath.Join(dir, "page.pdf")
	if err := os.WriteFile(out, prints[0], 0o644); err != nil {
		t.Fatal(err)
	}
	info, err := exec.Command("pdfinfo", out).Output()
	if err != nil {
		t.Fatalf("pdfinfo (poppler-utils): %v", err)
	}
	for _, want := range []string{"Tagged:          yes", "Title:           Bilan d'essai 2016", "CreationDate:    Fri Mar 31 00:00:00 2017 UTC"} {
		if !strings.Contains(string(info), want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, info)
		}
	}
	if !bytes.Contains(prints[0], []byte("/Lang (fr)")) {
		t.Error("the PDF does not say it is in French")
	}
	text, err := exec.Command("pdftotext", out, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(strings.ReplaceAll(string(text), "\u202f", " "), "Bretagne") || !strings.Contains(string(text), "page 1 sur 1") {
		t.Errorf("text of the PDF:\n%s", text)
	}
}

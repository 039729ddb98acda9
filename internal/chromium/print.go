package chromium

import (
	"context"
	"fmt"
	"net/url"
	"path/filepath"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/dom"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// footer is printed at the bottom of every page (Chromium fills the spans).
const footer = `<div style="font-family:Marianne,arial,sans-serif;font-size:8px;color:#3a3a3a;width:100%;margin:0 12mm;text-align:right">` +
	`page <span class="pageNumber"></span> sur <span class="totalPages"></span></div>`

// Print prints the HTML file at path to a tagged PDF (structure tree, headings as
// bookmarks, A4 as its @page rule says, page numbers in the footer) and makes its bytes
// depend on the document only: dates set to date, identifiers derived from the content
// (see Stable).
func (b *Browser) Print(ctx context.Context, path string, date time.Time) ([]byte, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	tab, cancel := b.Tab()
	defer cancel()
	if err := chromedp.Do(tab, chromedp.Navigate((&url.URL{Scheme: "file", Path: abs}).String())); err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	tctx, stop := context.WithTimeout(tab, 2*time.Minute)
	defer stop()
	if _, err := chromedp.Run(tctx, chromedp.Evaluate[bool]("document.fonts.ready.then(() => true)", chromedp.EvalAwaitPromise)); err != nil {
		return nil, fmt.Errorf("fonts of %s: %w", path, err)
	}
	yes := true
	// Number every DOM node now, in document order: the PDF names its structure elements
	// after these numbers (see Stable), which the browser otherwise gives on demand, in
	// an order that raced with chromedp's own reads of the document under load.
	all := int64(-1)
	if _, err := chromedp.Run(tctx, func(ctx context.Context, t *chromedp.Target) (bool, error) {
		_, err := cdp.Call(ctx, t, dom.GetDocument, dom.GetDocumentParams{Depth: &all, Pierce: &yes})
		return err == nil, err
	}); err != nil {
		return nil, fmt.Errorf("number the nodes of %s: %w", path, err)
	}
	raw, err := chromedp.Run(tctx, func(ctx context.Context, t *chromedp.Target) ([]byte, error) {
		res, err := cdp.Call(ctx, t, page.PrintToPDF, page.PrintToPDFParams{
			GenerateTaggedPDF: &yes, GenerateDocumentOutline: &yes, PrintBackground: &yes, PreferCSSPageSize: &yes,
			DisplayHeaderFooter: &yes, HeaderTemplate: "<span></span>", FooterTemplate: footer,
		})
		if err != nil {
			return nil, err
		}
		return res.Data, nil
	})
	if err != nil {
		return nil, fmt.Errorf("print %s: %w", path, err)
	}
	return Stable(raw, date)
}

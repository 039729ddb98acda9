// Package chromium drives Debian's headless Chromium (chromedp): it prints the HTML twin
// of a report to a tagged PDF, the one a screen reader can read (fpdf cannot tag), with
// stable bytes; tests use the same browser to check pages with axe-core.
package chromium

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"

	"github.com/chromedp/chromedp"
)

// Path is where Debian's package chromium installs the browser.
const Path = "/usr/bin/chromium"

// ErrMissing is returned when the browser is not installed.
var ErrMissing = errors.New("chromium absent : installez le paquet Debian chromium (/usr/bin/chromium) / chromium is missing: install the Debian package chromium")

// Browser is one headless Chromium; each Tab is a tab of it.
type Browser struct {
	ctx    context.Context // the browser's first tab: it holds the process
	cancel func()
}

// Start starts the browser, in a profile of its own under dir (a temporary folder the
// caller removes), with nothing that reaches the network on its own.
func Start(ctx context.Context, dir string, width, height int) (*Browser, error) {
	if _, err := exec.LookPath(Path); err != nil {
		return nil, ErrMissing
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(Path), chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.Flag("font-render-hinting", "none"), chromedp.UserDataDir(dir), chromedp.WindowSize(width, height))
	if os.Geteuid() == 0 { // Chromium refuses to run as root inside its sandbox (containers, CI)
		opts = append(opts, chromedp.NoSandbox)
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.WithoutCancel(ctx), opts...)
	bctx, cancelBrowser := chromedp.NewContext(actx)
	if err := chromedp.Do(bctx); err != nil { // starts the process
		cancelBrowser()
		cancelAlloc()
		return nil, fmt.Errorf("start %s: %w", Path, err)
	}
	return &Browser{ctx: bctx, cancel: func() { cancelBrowser(); cancelAlloc() }}, nil
}

// Tab opens a new tab; cancel closes it.
func (b *Browser) Tab() (context.Context, context.CancelFunc) { return chromedp.NewContext(b.ctx) }

// Close stops the browser.
func (b *Browser) Close() { b.cancel() }

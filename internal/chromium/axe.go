package chromium

import (
	"context"
	"fmt"

	"github.com/chromedp/chromedp"
)

// Axe runs axe-core (its script, axe.min.js of the npm package) on the page the tab
// shows, with the rules of WCAG 2.1 A and AA (those of the RGAA 4) and the best
// practices, and returns one line per rule violated: its id, how many nodes, the first
// five of them.
func Axe(tab context.Context, script []byte) ([]string, error) {
	if _, err := chromedp.Run(tab, chromedp.Evaluate[bool](string(script)+";\ntrue")); err != nil {
		return nil, fmt.Errorf("load axe-core: %w", err)
	}
	v, err := chromedp.Run(tab, chromedp.Evaluate[[]string](`axe.run(document, {runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}).then(r =>
		r.violations.map(v => v.id + " : " + v.nodes.length + " : " + v.nodes.slice(0, 5).map(n => n.target.join(" ")).join(", ")))`, chromedp.EvalAwaitPromise))
	if err != nil {
		return nil, fmt.Errorf("run axe-core: %w", err)
	}
	return v, nil
}

package chromium

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"time"
)

var (
	pdfDate = regexp.MustCompile(`(/(?:CreationDate|ModDate) ?\(D:)\d{14}`)
	nodeID  = regexp.MustCompile(`node(\d{8})`)
)

// ErrUnstable is a PDF from Chromium whose variable parts are not where Stable expects
// them (another version of Chromium): its bytes would change from one print to the next.
var ErrUnstable = errors.New("chromium pdf: no creation date found to set")

// Stable makes the bytes of a PDF printed by Chromium (Skia) depend on the document
// only. Two prints of one page differ in two places: the creation and modification
// dates (the clock), set here to date; and the names of the structure elements
// ("node" and the number of a DOM node, which depends on when the browser numbered it),
// renumbered here from 1 in the same order, so the sorted tree of names stays sorted.
// Every replacement has the length of what it replaces: the offsets of the
// cross-reference table stay right.
func Stable(pdf []byte, date time.Time) ([]byte, error) {
	if len(pdfDate.FindAllIndex(pdf, 2)) < 2 {
		return nil, ErrUnstable
	}
	out := pdfDate.ReplaceAll(pdf, []byte("${1}"+date.UTC().Format("20060102150405")))
	var ids []int
	seen := map[int]bool{}
	for _, m := range nodeID.FindAllSubmatch(out, -1) {
		n, _ := strconv.Atoi(string(m[1]))
		if !seen[n] {
			seen[n] = true
			ids = append(ids, n)
		}
	}
	slices.Sort(ids)
	rank := make(map[int]int, len(ids))
	for i, n := range ids {
		rank[n] = i + 1
	}
	out = nodeID.ReplaceAllFunc(out, func(m []byte) []byte {
		n, _ := strconv.Atoi(string(m[4:]))
		return fmt.Appendf(nil, "node%08d", rank[n])
	})
	if len(out) != len(pdf) {
		return nil, fmt.Errorf("chromium pdf: %d bytes became %d", len(pdf), len(out))
	}
	return out, nil
}

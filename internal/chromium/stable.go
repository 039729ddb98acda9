package chromium

import (
	"bytes"
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
	idDef   = regexp.MustCompile(`/ID \(node(\d{8})\)`)
	names   = regexp.MustCompile(`/Names \[((?:\(node\d{8}\) \d+ 0 R ?)+)\]`)
	entry   = regexp.MustCompile(`\(node\d{8}\) \d+ 0 R`)
)

// ErrUnstable is a PDF from Chromium whose variable parts are not where Stable expects
// them (another version of Chromium): its bytes would change from one print to the next.
var ErrUnstable = errors.New("chromium pdf: no creation date found to set")

// Stable makes the bytes of a PDF printed by Chromium (Skia) depend on the document
// only. Two prints of one page differ in two places: the creation and modification
// dates (the clock), set here to date; and the names of the structure elements
// ("node" and the number of a DOM node, which depends on when the browser numbered it:
// a browser that has shown other pages, or a busy one, numbers some of a table's header
// cells in another order), renumbered here from 1 in the order the elements are defined
// (their "/ID"), names only referred to after them; the name tree of IDs is sorted again.
// Every replacement has the length of what it replaces: the offsets of the
// cross-reference table stay right.
func Stable(pdf []byte, date time.Time) ([]byte, error) {
	if len(pdfDate.FindAllIndex(pdf, 2)) < 2 {
		return nil, ErrUnstable
	}
	out := pdfDate.ReplaceAll(pdf, []byte("${1}"+date.UTC().Format("20060102150405")))
	rank := map[int]int{}
	for _, m := range idDef.FindAllSubmatch(out, -1) {
		if n, _ := strconv.Atoi(string(m[1])); rank[n] == 0 {
			rank[n] = len(rank) + 1
		}
	}
	var rest []int // named but never defined: after the others, in their order
	for _, m := range nodeID.FindAllSubmatch(out, -1) {
		if n, _ := strconv.Atoi(string(m[1])); rank[n] == 0 && !slices.Contains(rest, n) {
			rest = append(rest, n)
		}
	}
	slices.Sort(rest)
	for _, n := range rest {
		rank[n] = len(rank) + 1
	}
	out = nodeID.ReplaceAllFunc(out, func(m []byte) []byte {
		n, _ := strconv.Atoi(string(m[4:]))
		return fmt.Appendf(nil, "node%08d", rank[n])
	})
	out = names.ReplaceAllFunc(out, func(m []byte) []byte { // the entries sorted by their new names
		list := entry.FindAll(m, -1)
		slices.SortFunc(list, func(a, b []byte) int { return bytes.Compare(a[:14], b[:14]) })
		sorted := append(append([]byte("/Names ["), bytes.Join(list, []byte(" "))...), ']')
		if len(sorted) != len(m) {
			return m // entries not separated by single spaces: left as they are (the length check below passes)
		}
		return sorted
	})
	if len(out) != len(pdf) {
		return nil, fmt.Errorf("chromium pdf: %d bytes became %d", len(pdf), len(out))
	}
	return out, nil
}

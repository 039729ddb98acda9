package textio

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Fold turns a header or coded value into its canonical form: lower case, accents
// removed, surrounding spaces trimmed, spaces and hyphens as "_", repeated "_" collapsed.
// "DATE NAISSANCE", " date-naissance " and "Date_Naissance" all give "date_naissance".
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	lastUnderscore := false
	for _, r := range norm.NFD.String(strings.TrimSpace(s)) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == ' ' || r == '-' || r == '_' || r == '\u00a0' || r == '\u202f' || r == '\t':
			if !lastUnderscore {
				b.WriteByte('_')
			}
			lastUnderscore = true
			continue
		case r == 'œ' || r == 'Œ':
			b.WriteString("oe")
		default:
			b.WriteRune(unicode.ToLower(r))
		}
		lastUnderscore = false
	}
	return strings.Trim(b.String(), "_")
}

// FoldCode folds a coded value the way extracts.md §1 matches codes: case, accents,
// spaces, "_" and "-" ignored, so "V bis", "réalisé" and "Non concerné" give "VBIS",
// "REALISE" and "NONCONCERNE".
func FoldCode(s string) string {
	return strings.ToUpper(strings.ReplaceAll(Fold(s), "_", ""))
}

package ingest

import "strings"

// validSIRET reports whether s (spaces ignored) is 14 digits passing the Luhn check, or
// a La Poste SIRET (starting with 356000000) whose digit sum is a multiple of 5. It
// returns the SIRET without spaces.
func validSIRET(s string) (string, bool) {
	s = strings.NewReplacer(" ", "", "\u00a0", "", "\u202f", "").Replace(s)
	if len(s) != 14 {
		return s, false
	}
	sum, luhn := 0, 0
	for i := 0; i < 14; i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return s, false
		}
		d := int(c - '0')
		sum += d
		if i%2 == 0 { // from the right, positions 2, 4, … are doubled: even indexes of 14 digits
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		luhn += d
	}
	if strings.HasPrefix(s, "356000000") {
		return s, sum%5 == 0
	}
	return s, luhn%10 == 0
}

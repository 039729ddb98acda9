package ingest

import "testing"

func TestValidSIRET(t *testing.T) {
	for in, want := range map[string]bool{
		"73282932000074":    true,  // a real, public SIRET (Luhn ok)
		"732 829 320 00074": true,  // spaces ignored
		"73282932000075":    false, // check digit wrong
		"7328293200007":     false, // 13 digits
		"7328293200007A":    false,
		"35600000000001":    true,  // La Poste: digit sum 15, although the Luhn check fails
		"35600000000002":    false, // La Poste, digit sum 16
		"44306184100047":    true,
	} {
		if _, got := validSIRET(in); got != want {
			t.Errorf("validSIRET(%q) = %v, want %v", in, got, want)
		}
	}
}

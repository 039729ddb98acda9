package publish

import "testing"

// A name from the referential never becomes a formula, a new field or a new line.
func TestCSVText(t *testing.T) {
	for in, want := range map[string]string{
		"=HYPERLINK(\"http://x\";\"ML\")": "'=HYPERLINK(\"http://x\",\"ML\")",
		"+33 ML":                          "'+33 ML",
		"-ML":                             "'-ML",
		"@ML":                             "'@ML",
		"ML de Brest\nligne;2":            "ML de Brest ligne,2",
		"978-ML ST MARTIN":                "978-ML ST MARTIN",
	} {
		if got := csvText(in); got != want {
			t.Errorf("csvText(%q) = %q, want %q", in, got, want)
		}
	}
}

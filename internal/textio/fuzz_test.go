package textio

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// corpus adds every file of fixtures/bad and the demo jeunes files as seeds.
func corpus(f *testing.F) {
	paths, _ := filepath.Glob("../../fixtures/bad/*/*.csv")
	paths = append(paths, "../../fixtures/demo/2016/94/jeunes.csv")
	for _, p := range paths {
		if b, err := os.ReadFile(p); err == nil && len(b) < 1<<16 {
			f.Add(b)
		}
	}
}

// FuzzDecodeCSV: any bytes are detected, decoded and read as CSV without a panic, and a
// stream detected as UTF-8 decodes to valid UTF-8 without BOM.
func FuzzDecodeCSV(f *testing.F) {
	corpus(f)
	f.Fuzz(func(t *testing.T, b []byte) {
		enc, err := Detect(bytes.NewReader(b))
		if err != nil {
			return
		}
		text, err := io.ReadAll(NewReader(bytes.NewReader(b), enc))
		if err != nil {
			t.Fatal(err)
		}
		if bytes.HasPrefix(text, []byte{0xEF, 0xBB, 0xBF}) {
			t.Fatal("BOM kept")
		}
		r, err := NewCSV(bytes.NewReader(text))
		if err != nil {
			return
		}
		for i := 0; i < 10000; i++ {
			if _, _, err := r.Read(); err == io.EOF {
				return
			}
		}
	})
}

package textio

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
)

func TestDetect(t *testing.T) {
	for _, c := range []struct {
		name string
		in   []byte
		want Encoding
		err  error
	}{
		{"utf8", []byte("nom;prénom\n"), UTF8, nil},
		{"utf8 bom", append([]byte{0xEF, 0xBB, 0xBF}, "a;b\n"...), UTF8, nil},
		{"cp1252", []byte("C\x9cur d\x92Armor \x80\n"), Windows1252, nil},
		{"latin1 ë", []byte("Plo\xebrmel\n"), Windows1252, nil},
		{"nul", []byte("a;b\x00\n"), 0, ErrNUL},
		{"utf16", []byte{0xFF, 0xFE, 'a', 0}, 0, ErrUTF16},
		{"undefined byte", []byte("a\x81b\n"), 0, ErrUndefinedByte},
	} {
		got, err := Detect(bytes.NewReader(c.in))
		if !errors.Is(err, c.err) || err == nil && got != c.want {
			t.Errorf("%s: Detect = %v, %v; want %v, %v", c.name, got, err, c.want, c.err)
		}
	}
}

// A multi-byte rune split across the 64 KiB read boundary is still valid UTF-8.
func TestDetectRuneAcrossChunks(t *testing.T) {
	in := strings.Repeat("a", 1<<16-1) + "é\n"
	if got, err := DetectLimit(strings.NewReader(in), 1<<20); err != nil || got != UTF8 {
		t.Fatalf("Detect = %v, %v", got, err)
	}
}

// A line longer than the limit is refused with its number, wherever the reads cut it.
func TestDetectLongLine(t *testing.T) {
	in := "id;code\n" + strings.Repeat("x;y\n", 50000) + strings.Repeat("z", 200<<10) + "\nfin\n"
	_, err := DetectLimit(strings.NewReader(in), MaxLine)
	var de *DecodeError
	if !errors.As(err, &de) || !errors.Is(err, ErrLongLine) || de.Line != 50002 {
		t.Fatalf("Detect = %v (%+v), want line 50002 too long", err, de)
	}
	if _, err := DetectLimit(strings.NewReader(strings.Repeat("a", MaxLine)+"\n"), MaxLine); err != nil {
		t.Errorf("a line of exactly the limit: %v", err)
	}
}

func TestNewReaderTranscodes(t *testing.T) {
	b, _ := io.ReadAll(NewReader(bytes.NewReader([]byte("C\x9cur \x80")), Windows1252))
	if string(b) != "Cœur €" {
		t.Errorf("got %q", b)
	}
	b, _ = io.ReadAll(NewReader(bytes.NewReader(append([]byte{0xEF, 0xBB, 0xBF}, "x"...)), UTF8))
	if string(b) != "x" {
		t.Errorf("BOM kept: %q", b)
	}
}

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"DATE NAISSANCE": "date_naissance", " date-naissance ": "date_naissance", "Date_Naissance": "date_naissance",
		"Diplôme  obtenu": "diplome_obtenu", "Id--événement": "id_evenement",
	} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{"V bis": "VBIS", "réalisé": "REALISE", "Non concerné": "NONCONCERNE", "entretien individuel": "ENTRETIENINDIVIDUEL"} {
		if got := FoldCode(in); got != want {
			t.Errorf("FoldCode(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCSVSniffAndQuotes(t *testing.T) {
	for _, c := range []struct {
		in    string
		delim rune
	}{
		{"a;b;c\n1;\"x;y\";3\n", ';'},
		{"a,b,c\r\n1,\"x\ny\",3\r\n", ','},
		{"a\tb\tc\n1\tx\t3\n", '\t'},
	} {
		header, _, _ := strings.Cut(c.in, "\n")
		if d := Sniff(strings.TrimSuffix(header, "\r")); d != c.delim {
			t.Fatalf("%q: delimiter %q", c.in, d)
		}
		r := NewRecords(strings.NewReader(c.in), c.delim)
		if _, _, err := r.Next(); err != nil {
			t.Fatal(err)
		}
		rec, line, err := r.Next()
		if err != nil || len(rec) != 3 || line != 2 {
			t.Errorf("%q: %q line %d %v", c.in, rec, line, err)
		}
	}
}

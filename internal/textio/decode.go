// Package textio turns the bytes of an extract into UTF-8 CSV records: it detects the
// encoding (UTF-8 with or without BOM, else Windows-1252), refuses what cannot be text,
// sniffs the delimiter from the header line and folds header names.
package textio

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/transform"
)

// Encoding is the character encoding detected for a file.
type Encoding int

// The encodings an extract may use.
const (
	UTF8 Encoding = iota
	Windows1252
)

func (e Encoding) String() string {
	if e == Windows1252 {
		return "Windows-1252"
	}
	return "UTF-8"
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// MaxLine is the longest line (in bytes) Detect accepts by default: some hundred times an
// extract's widest.
const MaxLine = 64 << 10

// Detect reads the whole stream once and tells its encoding. It refuses NUL bytes,
// UTF-16 byte order marks, lines longer than MaxLine and, in a file that is not UTF-8, the
// five bytes Windows-1252 leaves undefined. The offset of the faulty byte is in the
// *DecodeError.
func Detect(r io.Reader) (Encoding, error) { return DetectLimit(r, MaxLine) }

// DetectLimit is Detect with another longest line.
func DetectLimit(r io.Reader, maxLine int) (Encoding, error) {
	br := bufio.NewReaderSize(r, 1<<16)
	head, _ := br.Peek(3)
	if len(head) >= 2 && (head[0] == 0xFF && head[1] == 0xFE || head[0] == 0xFE && head[1] == 0xFF) {
		return 0, &DecodeError{Reason: ErrUTF16}
	}
	valid := true
	var undefined int64 = -1
	var undefinedLine, lines, lineLen int
	var undefinedByte byte
	var offset int64
	var carry []byte
	buf := make([]byte, 1<<16)
	for {
		n, err := br.Read(buf)
		chunk := buf[:n]
		if i := bytes.IndexByte(chunk, 0); i >= 0 {
			return 0, &DecodeError{Reason: ErrNUL, Offset: offset + int64(i), Line: lines + bytes.Count(chunk[:i], []byte("\n")) + 1}
		}
		if undefined < 0 { // the first of the five bytes, each found by IndexByte (vectorised)
			first := -1
			for _, b := range []byte{0x81, 0x8D, 0x8F, 0x90, 0x9D} {
				if i := bytes.IndexByte(chunk, b); i >= 0 && (first < 0 || i < first) {
					first = i
				}
			}
			if first >= 0 {
				undefined, undefinedByte = offset+int64(first), chunk[first]
				undefinedLine = lines + bytes.Count(chunk[:first], []byte("\n")) + 1
			}
		}
		for rest := chunk; len(rest) > 0; { // line lengths, and the line count
			i := bytes.IndexByte(rest, '\n')
			if i < 0 {
				i = len(rest)
			}
			if lineLen += i; lineLen > maxLine {
				return 0, &DecodeError{Reason: ErrLongLine, Offset: offset, Line: lines + 1, Limit: maxLine}
			}
			if i == len(rest) {
				break
			}
			lines, lineLen, rest = lines+1, 0, rest[i+1:]
		}
		if valid {
			data := append(carry, chunk...)
			// Keep an incomplete trailing rune for the next chunk.
			cut := len(data)
			for k := 1; k <= 3 && k <= len(data); k++ {
				if utf8.RuneStart(data[len(data)-k]) {
					if !utf8.FullRune(data[len(data)-k:]) {
						cut = len(data) - k
					}
					break
				}
			}
			if err == io.EOF {
				cut = len(data)
			}
			if !utf8.Valid(data[:cut]) {
				valid = false
			}
			carry = append([]byte(nil), data[cut:]...)
		}
		offset += int64(n)
		if err == io.EOF {
			break
		}
		if err != nil {
			return 0, err
		}
	}
	if valid {
		return UTF8, nil
	}
	if undefined >= 0 {
		return 0, &DecodeError{Reason: ErrUndefinedByte, Offset: undefined, Line: undefinedLine, Byte: undefinedByte}
	}
	return Windows1252, nil
}

// NewReader returns the stream as UTF-8 without BOM.
func NewReader(r io.Reader, enc Encoding) io.Reader {
	br := bufio.NewReaderSize(r, 1<<16)
	if head, _ := br.Peek(3); bytes.Equal(head, utf8BOM) {
		br.Discard(3)
	}
	if enc == Windows1252 {
		return transform.NewReader(br, charmap.Windows1252.NewDecoder())
	}
	return br
}

// Sentinel reasons for a file that cannot be decoded.
var (
	ErrNUL           = errors.New("nul byte")
	ErrUTF16         = errors.New("utf-16 byte order mark")
	ErrUndefinedByte = errors.New("byte undefined in windows-1252")
	ErrLongLine      = errors.New("line too long")
)

// DecodeError tells why and where a file cannot be read as text: the faulty byte's
// offset (from 0) and line (from 1).
type DecodeError struct {
	Reason error
	Offset int64
	Line   int
	Byte   byte
	Limit  int // for ErrLongLine, the longest line accepted
}

func (e *DecodeError) Error() string { return "decode: " + e.Reason.Error() }
func (e *DecodeError) Unwrap() error { return e.Reason }

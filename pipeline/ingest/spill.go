package ingest

import (
	"bufio"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"os"
)

// A file's issues beyond the first FirstLines of their rule are not kept in memory: a
// file whose every row is rejected would hold millions. They go to a temporary file
// (the spill), read back only to fill the quarantine and warnings tables of an accepted
// file; a validation without loading (CountOnly) only counts them.

// spilled is an issue as the spill stores it (its detail's types are registered with gob
// in details.go).
type spilled struct {
	Severity            Severity
	File, Sheet         string
	Line                int
	Column, Rule, Value string
	Detail              Detail
}

type spill struct {
	f   *os.File
	w   *bufio.Writer
	enc *gob.Encoder
	err error
}

func (f *FileReport) keep(i Issue) {
	if f.CountOnly {
		return
	}
	s := f.spill
	if s == nil {
		s = &spill{}
		f.spill = s
		if s.f, s.err = os.CreateTemp("", spillPattern); s.err == nil {
			s.w = bufio.NewWriterSize(s.f, 1<<16)
			s.enc = gob.NewEncoder(s.w)
		}
	}
	if s.err != nil {
		return
	}
	x := spilled{Severity: i.Severity, File: i.File, Sheet: i.Sheet, Line: i.Line, Column: i.Column, Rule: i.Rule, Value: i.Value, Detail: i.Detail}
	s.err = s.enc.Encode(x)
}

// Each calls fn for every issue of the file: those kept in memory, then the spilled ones.
func (f *FileReport) Each(fn func(Issue) error) error {
	for _, i := range f.Issues {
		if err := fn(i); err != nil {
			return err
		}
	}
	s := f.spill
	if s == nil {
		return nil
	}
	if s.err == nil {
		s.err = s.w.Flush()
	}
	if s.err == nil {
		_, s.err = s.f.Seek(0, io.SeekStart)
	}
	if s.err != nil {
		return fmt.Errorf("issues of %s: %w", f.Name, s.err)
	}
	dec := gob.NewDecoder(bufio.NewReaderSize(s.f, 1<<16))
	for {
		var x spilled
		if err := dec.Decode(&x); errors.Is(err, io.EOF) {
			return nil
		} else if err != nil {
			return fmt.Errorf("issues of %s: %w", f.Name, err)
		}
		i := Issue{Severity: x.Severity, File: x.File, Sheet: x.Sheet, Line: x.Line, Column: x.Column, Rule: x.Rule, Value: x.Value, Detail: x.Detail}
		if err := fn(i); err != nil {
			return err
		}
	}
}

// release removes the spill.
func (f *FileReport) release() {
	if s := f.spill; s != nil && s.f != nil {
		s.f.Close()
		os.Remove(s.f.Name())
	}
	f.spill = nil
}

// Package pipeline is the one place that knows the order of the yearly batch:
// ingest (with validation) → compute → secret → publish. It knows no command line and no
// web page.
package pipeline

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"bilan/internal/warehouse"
	"bilan/pipeline/compute"
	"bilan/pipeline/ingest"
	"bilan/pipeline/publish"
	"bilan/pipeline/secret"
)

// Batch is the files of one scope ("national" or a region code).
type Batch struct {
	Scope string
	Files []string
}

// RunOptions describe a whole yearly batch.
type RunOptions struct {
	Params            warehouse.Params
	Threshold         int // statistical secrecy threshold; 0 = secret.DefaultThreshold
	Batches           []Batch
	Key               []byte
	RefusalShare      float64
	MaxLine, MaxField int // limits of a CSV line and field (0: ingest's defaults)
	Out               string
	Date              time.Time               // document date; zero = derived from the inputs
	Progress          func(string, int, bool) // rows read per file, see ingest.Options
	Accessible        bool                    // also print each HTML twin to a tagged PDF (publish.Options)
}

// RunResult gathers the validation reports of every ingest call.
type RunResult struct {
	Ingest []*ingest.Result
	Files  []string // published files
}

// Run ingests every batch in one transaction, then computes and publishes exercice
// Params.Exercice. A refused batch stops the run before compute (ingest.ErrRefused) and
// leaves the warehouse exactly as before the run, earlier batches included.
func Run(ctx context.Context, w *warehouse.Warehouse, opt RunOptions) (*RunResult, error) {
	res := &RunResult{}
	if _, err := w.Conn().ExecContext(ctx, "BEGIN TRANSACTION"); err != nil {
		return res, err
	}
	var ingestErr error
	for _, b := range opt.Batches {
		r, err := ingest.Run(ctx, w, ingest.Options{Exercice: opt.Params.Exercice, Scope: b.Scope, Files: b.Files,
			Key: opt.Key, RefusalShare: opt.RefusalShare, MaxLine: opt.MaxLine, MaxField: opt.MaxField, Progress: opt.Progress, InTransaction: true})
		if r != nil {
			res.Ingest = append(res.Ingest, r)
		}
		if err != nil {
			ingestErr = err
			break
		}
	}
	end := "COMMIT"
	if ingestErr != nil {
		end = "ROLLBACK"
	}
	if _, err := w.Conn().ExecContext(context.WithoutCancel(ctx), end); err != nil && ingestErr == nil {
		return res, err
	}
	if ingestErr != nil { // nothing is published: the validation report alone says why
		report, err := publish.WriteValidation(ctx, w, opt.Out, opt.Params, opt.Date, res.Ingest)
		if err != nil {
			return res, fmt.Errorf("write validation report: %w", err)
		}
		res.Files = append(res.Files, report)
		return res, ingestErr
	}
	files, err := ComputeAndPublish(ctx, w, publish.Options{Params: opt.Params, Out: opt.Out, Date: opt.Date, Threshold: opt.Threshold,
		Ingest: res.Ingest, Accessible: opt.Accessible})
	res.Files = append(res.Files, files...)
	return res, err
}

// ComputeAndPublish computes exercice opt.Params.Exercice from every batch loaded for it,
// then writes its packs: what Run does after its ingest, and the upload service's
// « publier ».
func ComputeAndPublish(ctx context.Context, w *warehouse.Warehouse, opt publish.Options) ([]string, error) {
	if err := compute.Run(ctx, w, opt.Params); err != nil {
		return nil, err // « compute exercice Y: indicator X: … »
	}
	files, err := Publish(ctx, w, opt)
	if err != nil {
		return files, fmt.Errorf("publish: %w", err)
	}
	return files, nil
}

// Publish writes the packs of the exercice under statistical secrecy (threshold 0: the
// default).
func Publish(ctx context.Context, w *warehouse.Warehouse, opt publish.Options) ([]string, error) {
	if opt.Threshold == 0 {
		opt.Threshold = secret.DefaultThreshold
	}
	return publish.Run(ctx, w, opt)
}

// BatchesIn lists the batches of an input folder: its files form one batch of scope
// (default "national"); each sub-folder named after a region code or "national" forms a
// batch of that scope.
func BatchesIn(dir, scope string) ([]Batch, error) {
	if scope == "" {
		scope = "national"
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	top := Batch{Scope: scope}
	var subs []Batch
	for _, e := range entries {
		p := filepath.Join(dir, e.Name())
		if strings.HasPrefix(e.Name(), ".") {
			continue
		}
		if !e.IsDir() {
			top.Files = append(top.Files, p)
			continue
		}
		files, err := filesIn(p)
		if err != nil {
			return nil, err
		}
		subs = append(subs, Batch{Scope: e.Name(), Files: files})
	}
	var out []Batch
	if len(top.Files) > 0 {
		out = append(out, top)
	}
	sort.Slice(subs, func(i, j int) bool { return subs[i].Scope < subs[j].Scope })
	out = append(out, subs...)
	if len(out) == 0 {
		return nil, ErrNoInput
	}
	return out, nil
}

// ErrNoInput is returned for an input folder without files.
var ErrNoInput = errors.New("no input file")

func filesIn(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range entries {
		if !e.IsDir() && !strings.HasPrefix(e.Name(), ".") {
			out = append(out, filepath.Join(dir, e.Name()))
		}
	}
	return out, nil
}

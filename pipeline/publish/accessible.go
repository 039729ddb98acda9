package publish

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"bilan/internal/chromium"
)

// printAccessible prints the HTML twins written in stage to tagged PDFs beside them
// (bilan-…-Y-accessible.pdf), with one headless Chromium for all, and returns their
// paths under stage. The twins hold the numbers of the fpdf PDFs, so these PDFs do too;
// they are not read by the attacker, which reads the workbooks.
func printAccessible(ctx context.Context, stage string, docs []doc, date time.Time) ([]string, error) {
	profile, err := os.MkdirTemp("", "bilan-chromium-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(profile)
	b, err := chromium.Start(ctx, profile, 1280, 1000)
	if err != nil {
		return nil, fmt.Errorf("pdf accessible : %w", err)
	}
	defer b.Close()
	var out []string
	for _, d := range docs {
		if !strings.HasSuffix(d.rel, ".html") {
			continue
		}
		pdf, err := b.Print(ctx, filepath.Join(stage, d.rel), date)
		if err != nil {
			return nil, err
		}
		rel := strings.TrimSuffix(d.rel, ".html") + "-accessible.pdf"
		if err := writeAtomic(filepath.Join(stage, rel), func(w io.Writer) error { _, err := w.Write(pdf); return err }); err != nil {
			return nil, fmt.Errorf("write %s: %w", rel, err)
		}
		out = append(out, rel)
	}
	return out, nil
}

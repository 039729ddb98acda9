package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"bilan/internal/arml/armlxlsx"
	"bilan/pipeline"
)

// cmdTemplate writes a region's blank ARML workbook (operations.md), pre-filled with the
// missions locales of the referential of the exercice and the 13 PNAE actions.
func cmdTemplate(ctx context.Context, e *env, args []string) error {
	var c common
	fs := newFlags(e, "template", &c)
	region := fs.String("region", "", "code de la région")
	out := fs.String("out", "", "fichier à écrire (défaut arml-<région>-<exercice>.xlsx)")
	if err := c.parse(fs, args, true); err != nil {
		return err
	}
	if *region == "" {
		return usagef(msgNeedRegion)
	}
	if *out == "" {
		*out = fmt.Sprintf("arml-%s-%d.xlsx", *region, c.year)
	}
	w, err := c.open(ctx)
	if err != nil {
		return err
	}
	defer w.Close()
	t, err := pipeline.RegionTemplate(ctx, w, c.year, *region)
	switch {
	case errors.Is(err, pipeline.ErrUnknownRegion):
		return usagef(msgUnknownRegion, *region)
	case errors.Is(err, pipeline.ErrNoML):
		return usagef(msgRegionNoML, *region, c.year)
	case err != nil:
		return fmt.Errorf("template of region %s: %w", *region, err)
	}
	if err := os.MkdirAll(filepath.Dir(*out), 0o755); err != nil {
		return err
	}
	f, err := os.Create(*out)
	if err != nil {
		return err
	}
	if err := armlxlsx.Write(f, t); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", *out, err)
	}
	if err := f.Close(); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, msgTemplate, t.RegionName, t.Region, len(t.MLs), *out)
	return nil
}

package cli

import (
	"context"
	"fmt"

	"bilan/pipeline/export"
)

// cmdExport writes the normalised tables and the indicators of an exercice as Parquet
// partitioned by exercice and region.
func cmdExport(ctx context.Context, e *env, args []string) error {
	var c common
	fs := newFlags(e, "export", &c)
	out := fs.String("out", "", "dossier de l'export")
	if err := c.parse(fs, args, true); err != nil {
		return err
	}
	if *out == "" {
		return usagef(msgNeedExportOut)
	}
	w, err := c.open(ctx)
	if err != nil {
		return err
	}
	defer w.Close()
	var computed int
	if err := w.Conn().QueryRowContext(ctx, "SELECT count(*) FROM calculs WHERE exercice = ?", c.year).Scan(&computed); err != nil {
		return err
	}
	if computed == 0 {
		return usagef(msgNotComputed, c.year, c.year)
	}
	folders, err := export.Run(ctx, w, c.params(), *out)
	if err != nil {
		return fmt.Errorf("export %d in %s: %w", c.year, *out, err)
	}
	fmt.Fprintf(e.stdout, msgExported, c.year, len(folders), *out)
	return nil
}

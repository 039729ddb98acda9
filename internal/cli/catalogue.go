package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"bilan/pipeline/catalogue"
	"bilan/reports"
	"bilan/reports/html"
)

// cmdCatalogue writes the catalogue of indicators (catalogue.html and catalogue.csv) from
// the SQL shipped and the warehouse's last computed exercice.
func cmdCatalogue(ctx context.Context, e *env, args []string) error {
	var c common
	fs := newFlags(e, "catalogue", &c)
	out := fs.String("out", "out", "dossier de sortie")
	if err := c.parse(fs, args, false); err != nil {
		return err
	}
	w, err := c.open(ctx)
	if err != nil {
		return err
	}
	defer w.Close()
	cat, err := catalogue.Build(ctx, w)
	if err != nil {
		return err
	}
	for _, f := range []struct {
		name  string
		write func(io.Writer, *reports.Catalogue) error
	}{{"catalogue.html", html.WriteCatalogue}, {"catalogue.csv", catalogue.WriteCSV}} {
		p := filepath.Join(*out, f.name)
		if err := writeFileAtomic(p, func(wr io.Writer) error { return f.write(wr, cat) }); err != nil {
			return fmt.Errorf("write %s: %w", p, err)
		}
		fmt.Fprintf(e.stdout, msgCatalogueWritten, p)
	}
	return nil
}

// writeFileAtomic writes a temporary file beside path, then renames it into place.
func writeFileAtomic(path string, fill func(io.Writer) error) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := fill(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

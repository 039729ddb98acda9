package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"bilan/internal/arml"
	"bilan/internal/warehouse"
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
		return usagef("précisez la région avec --region (par exemple --region 53).")
	}
	if *out == "" {
		*out = fmt.Sprintf("arml-%s-%d.xlsx", *region, c.year)
	}
	w, err := c.open(ctx)
	if err != nil {
		return err
	}
	defer w.Close()
	t, err := RegionTemplate(ctx, w, c.year, *region)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(*out), 0o755); err != nil {
		return err
	}
	f, err := os.Create(*out)
	if err != nil {
		return err
	}
	if err := t.Write(f); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Classeur vierge de la région %s (%s, %d missions locales) écrit : %s\n", t.RegionName, t.Region, len(t.MLs), *out)
	return nil
}

// RegionTemplate describes the blank workbook of a region for an exercice, from the
// referential of that exercice in the warehouse.
func RegionTemplate(ctx context.Context, w *warehouse.Warehouse, year int, region string) (arml.Template, error) {
	t := arml.Template{Year: year, Region: region, Date: fmt.Sprintf("%d-01-01T00:00:00Z", year+1)}
	if err := w.SetParams(ctx, warehouse.Params{Exercice: year}); err != nil {
		return t, err
	}
	if err := w.Conn().QueryRowContext(ctx, "SELECT nom FROM ref_regions WHERE region = ?", region).Scan(&t.RegionName); err != nil {
		return t, usagef("région « %s » inconnue : attendu un code région INSEE (par exemple 53 pour la Bretagne).", region)
	}
	rows, err := w.Conn().QueryContext(ctx,
		"SELECT code_structure, nom FROM stg_referentiel WHERE region = ? AND NOT technique ORDER BY code_structure", region)
	if err != nil {
		return t, err
	}
	defer rows.Close()
	for rows.Next() {
		var ml arml.ML
		if err := rows.Scan(&ml.Code, &ml.Name); err != nil {
			return t, err
		}
		t.MLs = append(t.MLs, ml)
	}
	if err := rows.Err(); err != nil {
		return t, err
	}
	if len(t.MLs) == 0 {
		return t, usagef("la région %s n'a aucune mission locale dans le référentiel de l'exercice %d.", region, year)
	}
	return t, nil
}

package pipeline

import (
	"context"
	"errors"
	"fmt"

	"bilan/internal/arml"
	"bilan/internal/warehouse"
)

// Errors of RegionTemplate.
var (
	ErrUnknownRegion = errors.New("unknown region")
	ErrNoML          = errors.New("no mission locale in the region")
)

// RegionTemplate describes the blank workbook of a region for an exercice, from the
// referential of that exercice in the warehouse.
func RegionTemplate(ctx context.Context, w *warehouse.Warehouse, year int, region string) (arml.Template, error) {
	t := arml.Template{Year: year, Region: region, Date: fmt.Sprintf("%d-01-01T00:00:00Z", year+1)}
	if err := w.SetParams(ctx, warehouse.Params{Exercice: year}); err != nil {
		return t, err
	}
	if err := w.Conn().QueryRowContext(ctx, "SELECT nom FROM ref_regions WHERE region = ?", region).Scan(&t.RegionName); err != nil {
		return t, ErrUnknownRegion
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
		return t, ErrNoML
	}
	return t, nil
}

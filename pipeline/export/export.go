// Package export writes the normalised tables of an exercice and its indicators as
// Parquet partitioned by exercice and region (operations.md, "Warehouse"), so that the same
// SQL can run on another engine: DIR/<table>/exercice=Y/region=R/data_0.parquet. Nothing
// personal leaves beyond the youths' pseudonyms: no date of birth, no I-milo measure id,
// no free text of the ARML workbooks.
package export

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"bilan/internal/warehouse"
)

// table is what one exported table holds: a view or table of the warehouse, the columns
// left out, and where its rows' region (the partition) comes from.
type table struct {
	name    string
	exclude []string // personal or free-text columns
	// byTerritory: the table's rows are territories (niveau, code), whose region
	// stg_territoires gives; else the view has a column region. A row of no region
	// (France, a structure outside every region) goes to the partition « FR ».
	byTerritory bool
	// every: the table holds every exercice in a column of its own.
	every bool
}

var tables = []table{
	{name: "stg_referentiel"},
	{name: "stg_territoires"},
	{name: "stg_jeunes", exclude: []string{"date_naissance"}},
	{name: "stg_jeunes_activite"},
	{name: "stg_premiers_accueils"},
	{name: "stg_evenements"},
	{name: "stg_mesures", exclude: []string{"id_mesure"}},
	{name: "stg_arml_structures"},
	{name: "stg_arml_reponses", exclude: []string{"q2_liste", "q4_applications"}},
	{name: "stg_arml_ml_strategie"},
	{name: "stg_arml_pnae"},
	{name: "stg_financements", byTerritory: true},
	{name: "indicateurs", byTerritory: true, every: true},
	{name: "indicateurs_ventiles", byTerritory: true, every: true},
}

// references are the reference tables the exported ones code into (stg_jeunes.profil is
// a number of ref_profils), written whole as DIR/<name>.parquet.
var references = []string{"ref_profils", "ref_modalites", "ref_codes", "ref_regions"}

// Run writes every table of exercice p.Exercice under dir, replacing what an earlier
// export wrote for that exercice (other exercices are kept), and returns the folders
// written, one per table, then the reference files.
func Run(ctx context.Context, w *warehouse.Warehouse, p warehouse.Params, dir string) ([]string, error) {
	if err := w.SetParams(ctx, p); err != nil {
		return nil, err
	}
	var written []string
	for _, t := range tables {
		folder := filepath.Join(dir, t.name)
		if err := os.RemoveAll(filepath.Join(folder, fmt.Sprintf("exercice=%d", p.Exercice))); err != nil {
			return written, err
		}
		if err := os.MkdirAll(folder, 0o755); err != nil {
			return written, err
		}
		if _, err := w.Conn().ExecContext(ctx, t.copy(folder)); err != nil {
			return written, fmt.Errorf("export %s: %w", t.name, err)
		}
		written = append(written, folder)
	}
	for _, ref := range references {
		path := filepath.Join(dir, ref+".parquet")
		q := fmt.Sprintf("COPY (SELECT * FROM %s ORDER BY ALL) TO '%s' (FORMAT parquet)", ref, strings.ReplaceAll(path, "'", "''"))
		if _, err := w.Conn().ExecContext(ctx, q); err != nil {
			return written, fmt.Errorf("export %s: %w", ref, err)
		}
		written = append(written, path)
	}
	return written, nil
}

// copy is the COPY statement of the table's rows of the exercice into folder.
func (t table) copy(folder string) string {
	sel, from, where := "x.*", t.name+" x", ""
	if len(t.exclude) > 0 {
		sel += " EXCLUDE (" + strings.Join(t.exclude, ", ") + ")"
	}
	if t.byTerritory {
		sel += ", coalesce(t.region, 'FR') AS region"
		from += " LEFT JOIN stg_territoires t USING (niveau, code)"
	} else {
		sel += " REPLACE (coalesce(x.region, 'FR') AS region)"
	}
	if t.every {
		where = " WHERE x.exercice = getvariable('exercice')"
	} else {
		sel += ", getvariable('exercice') AS exercice"
	}
	return fmt.Sprintf("COPY (SELECT %s FROM %s%s ORDER BY ALL) TO '%s' (FORMAT parquet, PARTITION_BY (exercice, region), OVERWRITE_OR_IGNORE)",
		sel, from, where, strings.ReplaceAll(folder, "'", "''"))
}

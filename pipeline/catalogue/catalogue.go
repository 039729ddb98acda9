// Package catalogue builds the shared catalogue of the network's indicators: every
// indicator file as shipped (its header, its SQL), grouped by the families of the
// specification, with its national value for the last computed exercice as the packs
// published it — the same masks (« s »), and « n.p. » for a value no pack has printed,
// so that the catalogue never discloses what statistical secrecy decided to hide.
package catalogue

import (
	"context"
	"database/sql"
	"encoding/csv"
	"fmt"
	"io"
	"path"
	"strings"

	"bilan/internal/version"
	"bilan/internal/warehouse"
	"bilan/reports"
	sqlfiles "bilan/sql"
)

// families are the families of indicators.md, by the prefix of the indicator files.
var families = []struct{ prefixes, title string }{
	{"res", "A. Le réseau"}, {"jeu", "B. Les jeunes"}, {"emp par", "C. Accès et maintien dans l'emploi"},
	{"dis", "D. Dispositifs d'accompagnement"}, {"for", "E. Orientation, formation et qualification (PIC)"},
	{"soc", "F. Autonomie et insertion sociale"}, {"num", "G. Stratégie numérique"}, {"pnae", "H. Bilan du PNAE"},
	{"fin", "I. Financement"},
}

var levelNames = map[string]string{"ml": "mission locale", "departement": "département", "region": "région", "national": "France"}

// Build reads the indicator files and, from the warehouse, the last computed exercice,
// the national values and what the publications printed of them.
func Build(ctx context.Context, w *warehouse.Warehouse) (*reports.Catalogue, error) {
	inds, err := sqlfiles.Indicators()
	if err != nil {
		return nil, err
	}
	c := &reports.Catalogue{SQLSHA256: sqlfiles.Hash(), Version: version.Version}
	var last sql.NullInt64
	if err := w.Conn().QueryRowContext(ctx, "SELECT max(exercice) FROM calculs").Scan(&last); err != nil {
		return nil, fmt.Errorf("last computed exercice: %w", err)
	}
	c.Exercice = int(last.Int64)
	type national struct {
		title, status  string
		value          *float64
		published, has bool
	}
	values := map[string]*national{}
	members := map[string][]string{} // family file id → its ids, in order
	rows, err := w.Conn().QueryContext(ctx, `
		SELECT k.indicateur, k.titre, coalesce(k.famille, ''), CAST(i.valeur AS DOUBLE), p.indicateur IS NOT NULL, coalesce(p.statut, '')
		FROM catalogue k
		LEFT JOIN indicateurs i ON i.indicateur = k.indicateur AND i.exercice = ? AND i.niveau = 'national' AND i.code = 'FR'
		LEFT JOIN (SELECT indicateur, statut FROM cellules_publiees
		           WHERE exercice = ? AND niveau = 'national' AND code = 'FR' AND NOT evolution
		           QUALIFY row_number() OVER (PARTITION BY indicateur ORDER BY publication DESC) = 1) p ON p.indicateur = k.indicateur
		ORDER BY k.indicateur`, c.Exercice, c.Exercice)
	if err != nil {
		return nil, fmt.Errorf("national values: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, family string
		n := &national{has: true}
		if err := rows.Scan(&id, &n.title, &family, &n.value, &n.published, &n.status); err != nil {
			return nil, err
		}
		values[id] = n
		if family != "" {
			file, _, _ := strings.Cut(family, " – ")
			members[file] = append(members[file], id)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	cell := func(id, unit string) reports.Cell {
		f := reports.UnitFormat(unit)
		n := values[id]
		switch {
		case n == nil || !n.published:
			return reports.Str("n.p.")
		case n.status != "":
			return reports.Secret(f)
		case n.value == nil:
			return reports.NA(f)
		}
		return reports.Num(*n.value, f)
	}
	byFamily := map[string]*reports.Family{}
	for _, f := range families {
		c.Families = append(c.Families, reports.Family{Title: f.title})
	}
	for i, f := range families {
		for _, p := range strings.Fields(f.prefixes) {
			byFamily[p] = &c.Families[i]
		}
	}
	for _, ind := range inds {
		prefix, _, _ := strings.Cut(ind.Name, "_")
		fam := byFamily[prefix]
		if fam == nil {
			return nil, fmt.Errorf("indicator file %s.sql: no family for prefix %q", ind.Name, prefix)
		}
		x := reports.Indicator{ID: ind.ID, Title: ind.Title, Definition: ind.Definition, Source: ind.Source, Unit: ind.Unit,
			File: path.Join("sql", "indicators", ind.Name+".sql"), SQL: ind.SQL}
		for _, l := range ind.Levels {
			x.Levels = append(x.Levels, levelNames[l])
		}
		if ind.Family {
			x.National = reports.Str("")
			for _, id := range members[ind.ID] {
				x.Members = append(x.Members, reports.Member{ID: id, Title: values[id].title, National: cell(id, ind.Unit)})
			}
		} else {
			x.National = cell(ind.ID, ind.Unit)
		}
		fam.Indicators = append(fam.Indicators, x)
	}
	return c, nil
}

// WriteCSV writes catalogue.csv: UTF-8, ";", one row per indicator id (each id of a
// family file on its own row, with the file's header), the SQL text quoted in its column.
func WriteCSV(w io.Writer, c *reports.Catalogue) error {
	cw := csv.NewWriter(w)
	cw.Comma = ';'
	value := "valeur_nationale" // no exercice computed yet
	if c.Exercice > 0 {
		value = fmt.Sprintf("valeur_nationale_%d", c.Exercice)
	}
	if err := cw.Write([]string{"indicateur", "titre", "famille", "definition", "source", "unite", "niveaux", "fichier_sql", value, "sql"}); err != nil {
		return err
	}
	for _, f := range c.Families {
		for _, x := range f.Indicators {
			line := func(id, title string, v reports.Cell) error {
				return cw.Write([]string{id, title, f.Title, x.Definition, x.Source, x.Unit, strings.Join(x.Levels, ", "), x.File,
					plain(v), x.SQL})
			}
			if len(x.Members) == 0 {
				if err := line(x.ID, x.Title, x.National); err != nil {
					return err
				}
			}
			for _, m := range x.Members {
				if err := line(m.ID, m.Title, m.National); err != nil {
					return err
				}
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// plain is a value as indicateurs.csv writes it (a point for the decimals, no separators,
// two decimals for euros, one for percentages and FTE); « s »
// and « n.p. » as they are, empty when not available.
func plain(v reports.Cell) string {
	switch {
	case v.Format == reports.Text:
		return v.Text
	case v.Masked:
		return "s"
	case v.Empty:
		return ""
	case v.Format == reports.Count:
		return fmt.Sprintf("%.0f", v.Number)
	case v.Format == reports.Euros:
		return fmt.Sprintf("%.2f", v.Number)
	}
	return fmt.Sprintf("%.1f", v.Number)
}

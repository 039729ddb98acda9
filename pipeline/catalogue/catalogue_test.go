package catalogue

import (
	"bytes"
	"context"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"bilan/internal/warehouse"
	"bilan/reports"
	sqlfiles "bilan/sql"
)

// On a warehouse where nothing was computed, every indicator file is in the catalogue
// under a family of the specification, with its SQL as shipped, and no value: none has
// been published.
func TestBuildBeforeAnyCompute(t *testing.T) {
	w, err := warehouse.Open(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	c, err := Build(context.Background(), w)
	if err != nil {
		t.Fatal(err)
	}
	inds, err := sqlfiles.Indicators()
	if err != nil {
		t.Fatal(err)
	}
	if c.Exercice != 0 || c.SQLSHA256 != sqlfiles.Hash() {
		t.Errorf("exercice %d, SQL %s", c.Exercice, c.SQLSHA256)
	}
	sql := map[string]string{}
	for _, f := range c.Families {
		if len(f.Indicators) == 0 {
			t.Errorf("family %s is empty", f.Title)
		}
		for _, x := range f.Indicators {
			sql[x.ID] = x.SQL
			if !strings.HasSuffix(x.ID, "_*") && x.National.Text != "n.p." {
				t.Errorf("%s has a value before any publication: %+v", x.ID, x.National)
			}
		}
	}
	for _, ind := range inds {
		if sql[ind.ID] != ind.SQL {
			t.Errorf("%s: not in the catalogue with its SQL", ind.ID)
		}
	}
	if len(sql) != len(inds) {
		t.Errorf("%d entries for %d indicator files", len(sql), len(inds))
	}
}

// catalogue.csv has one row per id, values written as indicateurs.csv writes them.
func TestWriteCSV(t *testing.T) {
	c := &reports.Catalogue{Exercice: 2016, Families: []reports.Family{{Title: "B. Les jeunes", Indicators: []reports.Indicator{
		{ID: "JEU_CONTACT", Title: "Jeunes en contact", Unit: "jeunes", Levels: []string{"mission locale", "France"}, File: "sql/indicators/jeu_contact.sql",
			SQL: "-- id: JEU_CONTACT\nSELECT 1;\n", National: reports.Num(1370000, reports.Count)},
		{ID: "JEU_PA_FEMMES_PCT", Unit: "%", National: reports.Num(50.7, reports.Percent)},
		{ID: "FIN_TOTAL", Unit: "euros", National: reports.Num(816359, reports.Euros)},
		{ID: "FIN_PAR_JEUNE", Unit: "euros", National: reports.Secret(reports.Euros)},
		{ID: "NUM_COUT_60", Unit: "euros", National: reports.NA(reports.Euros)},
		{ID: "PNAE_*", Members: []reports.Member{{ID: "PNAE_A01_REFERENTE", Title: "Action 1", National: reports.Str("n.p.")}}},
	}}}}
	var b bytes.Buffer
	if err := WriteCSV(&b, c); err != nil {
		t.Fatal(err)
	}
	r := csv.NewReader(bytes.NewReader(b.Bytes()))
	r.Comma = ';'
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var got [][]string
	for _, row := range rows {
		got = append(got, []string{row[0], row[6], row[8]})
	}
	want := [][]string{{"indicateur", "niveaux", "valeur_nationale_2016"}, {"JEU_CONTACT", "mission locale, France", "1370000"},
		{"JEU_PA_FEMMES_PCT", "", "50.7"}, {"FIN_TOTAL", "", "816359.00"}, {"FIN_PAR_JEUNE", "", "s"}, {"NUM_COUT_60", "", ""},
		{"PNAE_A01_REFERENTE", "", "n.p."}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("catalogue.csv (-want +got):\n%s", diff)
	}
	if rows[1][9] != "-- id: JEU_CONTACT\nSELECT 1;\n" {
		t.Errorf("SQL column %q", rows[1][9])
	}
}

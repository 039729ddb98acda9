// Package armlxlsx writes the ARML workbook that package arml describes: the blank
// template of a region, or one filled with answers (the generator's). It is apart from
// arml so that what only reads the schema (the warehouse, the workbook reader's rules)
// does not pull in excelize.
package armlxlsx

import (
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"bilan/internal/arml"
	"bilan/reports/xlsx"
	sqlfiles "bilan/sql"
)

const readme = "Lisez-moi"

// titleRow, headerRow: the template writes a title above the header; data start below.
const titleRow, headerRow = 1, 2

// Write writes the workbook t describes: a Lisez-moi sheet, then the four sheets
// pre-filled with the region's missions locales and the 13 PNAE actions (roles the seed
// assigns included), with drop-down lists on coded columns, number validation on counts and
// amounts and an input message on every column.
func Write(w io.Writer, t arml.Template) error {
	actions := sqlfiles.Actions()
	f, err := xlsx.NewFile()
	if err != nil {
		return err
	}
	defer f.Close()
	if err := f.SetSheetName(f.GetSheetName(0), readme); err != nil {
		return err
	}
	bold, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	title, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14, Color: "000091"}})
	head, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Color: "FFFFFF"},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"000091"}}, Alignment: &excelize.Alignment{WrapText: true}})
	label, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Color: "555555"}})
	if err := writeReadme(f, t, title, bold); err != nil {
		return err
	}
	for _, sh := range arml.Sheets {
		if _, err := f.NewSheet(sh.Name); err != nil {
			return err
		}
		f.SetCellStr(sh.Name, "A1", fmt.Sprintf("%s – %s, exercice %d", sh.Title, t.RegionName, t.Year))
		f.SetCellStyle(sh.Name, "A1", "A1", title)
		rows := rows(t, sh, actions)
		last := headerRow + len(rows)
		if sh.Name == "enquete_numerique" {
			last = headerRow + 1
		}
		for j, col := range sh.Columns {
			ref := cell(j+1, headerRow)
			f.SetCellStr(sh.Name, ref, col.Name)
			f.SetCellStyle(sh.Name, ref, ref, head)
			width := float64(len(col.Name) + 4)
			switch col.Type {
			case arml.Label:
				width = 45
				f.SetCellStyle(sh.Name, cell(j+1, headerRow+1), cell(j+1, last), label)
			case arml.Text:
				width = 40
			}
			name := columnName(j + 1)
			f.SetColWidth(sh.Name, name, name, width)
			if err := validate(f, sh.Name, col, len(actions), fmt.Sprintf("%s%d:%s%d", name, headerRow+1, name, max(last, headerRow+1))); err != nil {
				return err
			}
		}
		for i, values := range rows {
			for j, col := range sh.Columns {
				if v, ok := values[col.Name]; ok && v != nil {
					if err := setValue(f, sh.Name, cell(j+1, headerRow+1+i), v); err != nil {
						return err
					}
				}
			}
		}
		f.SetPanes(sh.Name, &excelize.Panes{Freeze: true, YSplit: headerRow, TopLeftCell: cell(1, headerRow+1), ActivePane: "bottomLeft"})
	}
	if err := f.SetDocProps(&excelize.DocProperties{
		Title: fmt.Sprintf("Classeur ARML %s %d", t.RegionName, t.Year), Creator: "bilan (DMML)",
		Language: "fr-FR", Created: t.Date, Modified: t.Date,
	}); err != nil {
		return err
	}
	f.SetActiveSheet(1)
	return xlsx.Save(f, w)
}

// rows are the pre-filled rows of a sheet, by column name; actions are the titles of the
// PNAE actions.
func rows(t arml.Template, sh arml.Sheet, actions []string) []map[string]any {
	fill := t.Fill
	if fill == nil {
		fill = &arml.Answers{}
	}
	var out []map[string]any
	switch sh.Name {
	case "structures", "ml_strategie_numerique":
		given := fill.Structures
		if sh.Name == "ml_strategie_numerique" {
			given = fill.Strategies
		}
		for _, ml := range t.MLs {
			row := map[string]any{"code_structure": ml.Code, "nom_structure": ml.Name}
			for k, v := range given[ml.Code] {
				row[k] = v
			}
			out = append(out, row)
		}
	case "enquete_numerique":
		if fill.Survey != nil {
			out = append(out, fill.Survey)
		}
	case "suivi_pnae":
		for i, title := range actions {
			row := map[string]any{"action": i + 1, "intitule": title}
			for _, r := range arml.Referents[i+1] {
				if r == t.Region {
					row["role"] = "REFERENTE"
				}
			}
			for k, v := range fill.Actions[i+1] {
				row[k] = v
			}
			out = append(out, row)
		}
	}
	return out
}

// validate puts the column's input message, and its drop-down list or number rule, on
// the data cells of the column; an action is a number from 1 to actions.
func validate(f *excelize.File, sheet string, col arml.Column, actions int, sqref string) error {
	dv := excelize.NewDataValidation(true)
	dv.SetSqref(sqref)
	dv.SetInput(col.Name, col.Help)
	switch col.Type {
	case arml.Count, arml.Action:
		lower, upper := 0, 1_000_000_000
		if col.Type == arml.Action {
			lower, upper = 1, actions
		}
		if err := dv.SetRange(lower, upper, excelize.DataValidationTypeWhole, excelize.DataValidationOperatorBetween); err != nil {
			return err
		}
		dv.SetError(excelize.DataValidationErrorStyleStop, "Nombre entier attendu", fmt.Sprintf("Saisir un nombre entier de %d à %d.", lower, upper))
	case arml.Amount:
		if err := dv.SetRange(0, 1e12, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween); err != nil {
			return err
		}
		dv.SetError(excelize.DataValidationErrorStyleStop, "Nombre positif attendu", "Saisir un nombre positif ou nul, sans unité.")
	default:
		if choices := col.Type.Choices(); choices != nil {
			if err := dv.SetDropList(choices); err != nil {
				return err
			}
			dv.SetError(excelize.DataValidationErrorStyleStop, "Valeur non prévue", "Choisir dans la liste : "+strings.Join(choices, ", ")+".")
		}
	}
	return f.AddDataValidation(sheet, dv)
}

// setValue writes numbers as numbers and text as string cells (never a formula).
func setValue(f *excelize.File, sheet, ref string, v any) error {
	switch v := v.(type) {
	case string:
		return f.SetCellStr(sheet, ref, v)
	case int:
		return f.SetCellInt(sheet, ref, int64(v))
	case int64:
		return f.SetCellInt(sheet, ref, v)
	case float64:
		return f.SetCellFloat(sheet, ref, v, -1, 64)
	case bool:
		return f.SetCellStr(sheet, ref, map[bool]string{true: "OUI", false: "NON"}[v])
	}
	return fmt.Errorf("cell %s!%s: unsupported value %T", sheet, ref, v)
}

func writeReadme(f *excelize.File, t arml.Template, title, bold int) error {
	lines := [][2]string{
		{"", fmt.Sprintf("Classeur ARML – %s – exercice %d", t.RegionName, t.Year)},
		{"", "Données des missions locales, enquête numérique et suivi du PNAE, à renvoyer à la DMML."},
		{"", ""},
		{"Région", fmt.Sprintf("%s (%s)", t.RegionName, t.Region)},
		{"Exercice", fmt.Sprint(t.Year)},
		{"Comment remplir", "Remplir les cellules sous les en-têtes ; une bulle d'aide décrit chaque colonne quand on sélectionne une cellule."},
		{"", "Les colonnes codées proposent une liste déroulante ; les nombres s'écrivent sans unité (384700 ou 12,5)."},
		{"", "Une ligne pré-remplie laissée vide signifie « non renseigné » ; ne pas ajouter de mission locale d'une autre région."},
		{"", "Enquête numérique : NC ou NON_CONCERNE signifient « sans réponse » et ne comptent ni comme oui ni comme non."},
		{"Données personnelles", "N'inscrire ni nom de personne, ni téléphone, ni adresse électronique : seuls les organismes sont cités."},
		{"Contrôle", "Le fichier est vérifié au dépôt : toute erreur (feuille, ligne, colonne) est signalée et le classeur doit être corrigé puis renvoyé."},
		{"", ""},
		{"Feuilles", ""},
	}
	for _, sh := range arml.Sheets {
		need := "facultative"
		if sh.Required {
			need = "obligatoire"
		}
		lines = append(lines, [2]string{sh.Name, sh.Title + " (" + need + ")"})
	}
	for i, l := range lines {
		f.SetCellStr(readme, cell(1, i+1), l[0])
		f.SetCellStr(readme, cell(2, i+1), l[1])
	}
	f.SetCellStyle(readme, "B1", "B1", title)
	f.SetCellStyle(readme, "A4", fmt.Sprintf("A%d", len(lines)), bold)
	f.SetColWidth(readme, "A", "A", 26)
	return f.SetColWidth(readme, "B", "B", 120)
}

func columnName(col int) string {
	name, _ := excelize.ColumnNumberToName(col)
	return name
}

func cell(col, row int) string {
	ref, _ := excelize.CoordinatesToCellName(col, row)
	return ref
}

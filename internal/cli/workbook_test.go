package cli

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"bilan/internal/synth"
)

// TestSurvey2018 loads the 14 workbooks of the January 2018 survey (seed, annex 2) and
// finds the synthesis the seed gives: 6 regional plans, 6 ARMLs with providers, 2 tenders
// (one in progress) over 14 respondents, Île-de-France's 384 700 €.
func TestSurvey2018(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	wh, out := filepath.Join(dir, "w.duckdb"), filepath.Join(dir, "out")
	files, _ := filepath.Glob(filepath.Join(demo, synth.SurveyDir, "*.xlsx"))
	if len(files) != 14 {
		t.Fatalf("%d workbooks in the survey fixture, want 14", len(files))
	}
	mustRun(t, append([]string{"ingest", "--warehouse", wh, "--year", "2017", "--scope", "national"}, files...)...)
	mustRun(t, "compute", "--warehouse", wh, "--year", "2017")
	mustRun(t, "publish", "--warehouse", wh, "--year", "2017", "--out", out)
	got := csvRows(t, filepath.Join(out, "analystes", "indicateurs.csv"))
	for k, want := range map[string]string{
		"NUM_REPONDANTS;national;FR": "14", "NUM_PLAN;national;FR": "6", "NUM_PRESTATAIRES;national;FR": "6",
		"NUM_APPEL_OFFRES;national;FR": "2", "NUM_APPEL_OFFRES_EN_COURS;national;FR": "1", "NUM_INTEROP;national;FR": "10",
		"NUM_COUT_TOTAL;region;11": "384700.00", "NUM_COUT_60;region;11": "366800.00", "NUM_COUT_61;region;11": "5500.00",
		"NUM_COUT_62;region;11": "12400.00", "NUM_COUT_TOTAL;region;94": "61200.00", "NUM_COUT_TOTAL;region;28": "100000.00",
		"NUM_COUT_TOTAL;region;53": "", "NUM_COUT_TOTAL;national;FR": "545900.00",
		"NUM_PLAN;region;27": "1", "NUM_INTEROP;region;27": "0", // « Non concerné »: neither yes nor no
		"PNAE_A10_REFERENTE;national;FR": "3", "PNAE_A11_REFERENTE;region;04": "1", // the seed's referents, pre-filled
		"RES_LIEUX;region;11": "", // structures pre-filled and left empty: not given
	} {
		if got[k] != want {
			t.Errorf("%s = %q, want %q", k, got[k], want)
		}
	}
	text := pdftotext(t, filepath.Join(out, "national", "bilan-national-2017.pdf"))
	for _, want := range []string{"14 ARML répondantes", "Fondation Orange", "WeTechCare", "Clicnjob", "384 700 €", "Suivi des 13 actions du PNAE"} {
		if !strings.Contains(text, want) {
			t.Errorf("the national PDF lacks %q", want)
		}
	}
}

// TestTemplateOpenpyxl opens `bilan template` with openpyxl: the four sheets, the region's
// missions locales pre-filled, the 13 actions, drop-down lists on coded columns, number
// rules on counts and amounts, an input message on every column.
func TestTemplateOpenpyxl(t *testing.T) {
	t.Parallel()
	python := "/usr/bin/python3"
	if exec.Command(python, "-c", "import openpyxl").Run() != nil {
		t.Fatal("openpyxl is needed (Debian package python3-openpyxl, installed by .ci/run)")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "arml.xlsx")
	out := mustRun(t, "template", "--warehouse", filepath.Join(dir, "w.duckdb"), "--year", "2016", "--region", "53", "--out", path)
	if !strings.Contains(out, "Bretagne") || !strings.Contains(out, "17 missions locales") {
		t.Errorf("template output: %s", out)
	}
	script := `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
res = {"sheets": wb.sheetnames, "validations": {}, "cells": {}}
for name in wb.sheetnames[1:]:
    ws = wb[name]
    header = [c.value for c in ws[2]]
    res["cells"][name] = [[c for c in row] for row in ws.iter_rows(min_row=3, values_only=True)]
    for dv in ws.data_validations.dataValidation:
        col = openpyxl.utils.cell.column_index_from_string(str(dv.sqref).split(":")[0].rstrip("0123456789"))
        res["validations"][name + "." + header[col - 1]] = [dv.type or "", dv.formula1 or "", dv.operator or "", bool(dv.prompt), str(dv.sqref)]
print(json.dumps(res))
`
	b, err := exec.Command(python, "-c", script, path).Output()
	if err != nil {
		t.Fatalf("openpyxl: %v", err)
	}
	var res struct {
		Sheets      []string
		Validations map[string][]any
		Cells       map[string][][]any
	}
	if err := json.Unmarshal(b, &res); err != nil {
		t.Fatal(err)
	}
	if strings.Join(res.Sheets, ",") != "Lisez-moi,structures,enquete_numerique,ml_strategie_numerique,suivi_pnae" {
		t.Errorf("sheets: %v", res.Sheets)
	}
	var codes []string
	for _, row := range res.Cells["structures"] {
		codes = append(codes, row[0].(string))
	}
	sort.Strings(codes)
	if len(codes) != 17 || codes[0] != "22050S00" || codes[16] != "56260S00" {
		t.Errorf("pre-filled missions locales: %v", codes)
	}
	if n := len(res.Cells["suivi_pnae"]); n != 13 {
		t.Errorf("%d actions pre-filled, want 13", n)
	}
	for key, want := range map[string][2]string{
		"structures.reseau_parrainage":               {"list", `"OUI,NON"`},
		"structures.nb_salaries":                     {"whole", "0"},
		"structures.fin_etat":                        {"decimal", "0"},
		"enquete_numerique.q1_plan_action":           {"list", `"OUI,NON,NC,NON_CONCERNE"`},
		"enquete_numerique.q3_appel_offres":          {"list", `"OUI,NON,EN_COURS,NC,NON_CONCERNE"`},
		"ml_strategie_numerique.strategie_numerique": {"list", `"OUI,NON,NC,NON_CONCERNE"`},
		"suivi_pnae.role":                            {"list", `"REFERENTE,CONCERNEE,NON_CONCERNEE"`},
		"suivi_pnae.statut":                          {"list", `"NON_DEMARREE,EN_COURS,REALISEE"`},
		"suivi_pnae.action":                          {"whole", "1"},
	} {
		v, ok := res.Validations[key]
		if !ok || v[0] != want[0] || v[1] != want[1] {
			t.Errorf("%s: validation %v, want %v", key, v, want)
		}
	}
	prompts := 0
	for _, v := range res.Validations {
		if v[3] == true {
			prompts++
		}
	}
	if prompts != len(res.Validations) || prompts < 30 {
		t.Errorf("%d input messages on %d validated columns", prompts, len(res.Validations))
	}
}

// TestTemplateRoundTrip fills a blank template as an assistant would (with excelize),
// ingests it and finds exactly what was filled.
func TestTemplateRoundTrip(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	wh, path, out := filepath.Join(dir, "w.duckdb"), filepath.Join(dir, "in", "arml-94.xlsx"), filepath.Join(dir, "out")
	mustRun(t, "template", "--warehouse", wh, "--year", "2016", "--region", "94", "--out", path)
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	set := func(sheet, ref string, v any) {
		if err := f.SetCellValue(sheet, ref, v); err != nil {
			t.Fatal(err)
		}
	}
	// Corse: 2A004S00, 2A247S00, 2B033S00, 2B096S00 in rows 3 to 6; columns C.. as in the template.
	for ref, v := range map[string]any{"C3": 3, "D3": 12, "E3": 10.5, "F3": 1, "G3": "OUI", "H3": 14, "I3": 400000, "J3": 120000.5,
		"C5": 2, "D5": 8, "E5": 7.25, "F5": 0, "G5": "NON", "H5": 0, "I5": 300000} {
		set("structures", ref, v)
	}
	for ref, v := range map[string]any{"A3": "OUI", "B3": "Plan régional", "C3": "OUI", "D3": "Fondation Orange | prestataire@exemple.fr",
		"E3": "EN_COURS", "F3": "U Pitchu|Facebook", "I3": 61200, "M3": 1.5} {
		set("enquete_numerique", ref, v)
	}
	set("ml_strategie_numerique", "C3", "OUI")
	set("ml_strategie_numerique", "C4", "NON")
	set("suivi_pnae", "C4", "CONCERNEE") // action 2
	set("suivi_pnae", "D4", "EN_COURS")
	set("suivi_pnae", "D12", "REALISEE") // action 10, REFERENTE pre-filled for Corse
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	mustRun(t, "ingest", "--warehouse", wh, "--year", "2016", "--scope", "94", path)
	mustRun(t, "compute", "--warehouse", wh, "--year", "2016")
	mustRun(t, "publish", "--warehouse", wh, "--year", "2016", "--out", out)
	got := csvRows(t, filepath.Join(out, "analystes", "indicateurs.csv"))
	for k, want := range map[string]string{
		"RES_LIEUX;ml;2A004S00": "3", "RES_LIEUX;ml;2A247S00": "", "RES_LIEUX;ml;2B033S00": "2", "RES_LIEUX;region;94": "5",
		"RES_SALARIES;region;94": "20", "RES_ETP;region;94": "17.8", "RES_REFERENTS_ENTREPRISE;region;94": "1",
		"PAR_ML_RESEAU;region;94": "1", "PAR_ML_RESEAU_PCT;region;94": "25.0", "PAR_PARRAINS;region;94": "14",
		"FIN_TOTAL;ml;2A004S00": "520000.50", "FIN_TOTAL;region;94": "820000.50", "FIN_ETAT_PCT;region;94": "85.4",
		"FIN_REGION_PCT;ml;2B033S00": "0.0", "FIN_TOTAL;region;53": "",
		"NUM_REPONDANTS;region;94": "1", "NUM_PLAN;region;94": "1", "NUM_APPEL_OFFRES_EN_COURS;region;94": "1",
		"NUM_COUT_TOTAL;region;94": "61200.00", "NUM_ETP;region;94": "1.5", "NUM_ML_STRATEGIE;region;94": "1",
		"PNAE_A02_CONCERNEE;region;94": "1", "PNAE_A02_EN_COURS;region;94": "1", "PNAE_A10_REFERENTE;region;94": "1",
		"PNAE_A10_REALISEE;region;94": "1", "PNAE_A01_CONCERNEE;region;94": "0",
	} {
		if got[k] != want {
			t.Errorf("%s = %q, want %q", k, got[k], want)
		}
	}
	// The e-mail address typed among the providers reaches no published pack.
	for _, p := range []string{filepath.Join(out, "national", "bilan-national-2016.pdf"), filepath.Join(out, "regions", "94-corse", "bilan-corse-2016.pdf")} {
		text := pdftotext(t, p)
		if strings.Contains(text, "exemple.fr") || !strings.Contains(text, "Fondation Orange") {
			t.Errorf("%s: providers listed wrongly", p)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "regions", "94-corse")); err != nil {
		t.Error(err)
	}
}

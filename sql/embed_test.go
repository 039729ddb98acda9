package sqlfiles_test

import (
	"context"
	"io/fs"
	"path"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"bilan/internal/sqltest"
	sqlfiles "bilan/sql"
)

// TestIndicatorFiles runs every .test file beside the SQL files.
func TestIndicatorFiles(t *testing.T) {
	files, err := fs.Glob(sqlfiles.FS, "*/*.test")
	if err != nil || len(files) == 0 {
		t.Fatalf("no .test files: %v", err)
	}
	for _, f := range files {
		t.Run(strings.TrimSuffix(f, ".test"), func(t *testing.T) {
			b, _ := sqlfiles.FS.ReadFile(f)
			blocks, err := sqltest.Parse(string(b))
			if err != nil {
				t.Fatal(err)
			}
			if strings.HasPrefix(f, "validate/") { // the rules are temporary macros, created per call
				setup, rules, _, err := sqlfiles.Validation()
				if err != nil {
					t.Fatal(err)
				}
				for _, r := range rules {
					setup = append(setup, r.SQL)
				}
				var first []sqltest.Block
				for _, s := range setup {
					first = append(first, sqltest.Block{Kind: "statement ok", SQL: s})
				}
				blocks = append(first, blocks...)
			}
			failures, err := sqltest.Run(context.Background(), blocks)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range failures {
				t.Error(e)
			}
		})
	}
}

// TestEveryIndicatorHasHeaderAndTest checks the header of every indicator file and that
// a .test file stands beside it.
func TestEveryIndicatorHasHeaderAndTest(t *testing.T) {
	inds, err := sqlfiles.Indicators()
	if err != nil {
		t.Fatal(err)
	}
	if len(inds) == 0 {
		t.Fatal("no indicator")
	}
	for _, ind := range inds {
		if _, err := fs.Stat(sqlfiles.FS, "indicators/"+ind.Name+".test"); err != nil {
			t.Errorf("%s: no %s.test beside it", ind.ID, ind.Name)
		}
	}
}

// Every share or ratio names its numerator and denominator; each source is an indicator
// of the catalogue, a count or an amount, so that secrecy can follow it.
func TestSourcesOfRates(t *testing.T) {
	inds, err := sqlfiles.Indicators()
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]sqlfiles.Indicator{}
	for _, ind := range inds {
		byID[ind.ID] = ind
	}
	rates := 0
	for _, ind := range inds {
		if ind.Secret != "part" && ind.Secret != "rapport" {
			continue
		}
		rates++
		for _, t0 := range append(append([]sqlfiles.Term{}, ind.Numerator...), ind.Denominator...) {
			if t0.Kind == "own" {
				continue
			}
			id, cut, broken := strings.Cut(t0.ID, "@") // a breakdown cell: of a count broken down
			src, ok := byID[id]
			if broken && (!ok || !src.Ventilated || !strings.Contains(cut, "=")) {
				t.Errorf("%s: source %s is no breakdown cell of a youth count", ind.ID, t0.ID)
			}
			if !ok {
				t.Errorf("%s: source %s is not an indicator", ind.ID, t0.ID)
			} else if src.Secret != "effectif" && src.Secret != "montant" {
				t.Errorf("%s: source %s is %s, not a count or an amount", ind.ID, t0.ID, src.Secret)
			}
		}
		if ind.Rounding <= 0 {
			t.Errorf("%s: no rounding", ind.ID)
		}
	}
	if rates < 9 {
		t.Errorf("%d shares and ratios", rates)
	}
	got, err := sqlfiles.ParseSources("EMP_IMMERSIONS - EMP_IMMERSIONS[N-1]")
	if err != nil || len(got) != 2 || got[1] != (sqlfiles.Term{Sign: -1, Kind: "cell", ID: "EMP_IMMERSIONS", Previous: true}) {
		t.Errorf("ParseSources: %+v, %v", got, err)
	}
	if _, err := sqlfiles.ParseSources("part of"); err == nil {
		t.Error("ParseSources accepts « part of » without an indicator")
	}
}

// Every row rule and every reading file of sql/validate has its .test beside it.
func TestEveryRuleHasTest(t *testing.T) {
	files, err := fs.Glob(sqlfiles.FS, "validate/*.sql")
	if err != nil || len(files) < 15 {
		t.Fatalf("%d validate files: %v", len(files), err)
	}
	for _, f := range files {
		if strings.Contains(f, "/lignes_") { // a kind's rows: read by the corpus of fixtures/bad, end to end
			continue
		}
		if _, err := fs.Stat(sqlfiles.FS, strings.TrimSuffix(f, ".sql")+".test"); err != nil {
			t.Errorf("%s: no .test beside it", f)
		}
	}
}

// Every normalised view of sql/normalise has its .test beside it, which queries that view;
// and every .test there belongs to a view.
func TestEveryViewHasTest(t *testing.T) {
	views, err := fs.Glob(sqlfiles.FS, "normalise/*.sql")
	if err != nil || len(views) < 17 {
		t.Fatalf("%d normalise views: %v", len(views), err)
	}
	for _, f := range views {
		name := strings.TrimSuffix(path.Base(f), ".sql")
		b, err := fs.ReadFile(sqlfiles.FS, strings.TrimSuffix(f, ".sql")+".test")
		if err != nil {
			t.Errorf("%s: no .test beside it", f)
		} else if !regexp.MustCompile(`(?i)\bFROM\s+` + name + `\b`).Match(b) {
			t.Errorf("%s.test: no query reads %s", strings.TrimSuffix(f, ".sql"), name)
		}
	}
	tests, _ := fs.Glob(sqlfiles.FS, "normalise/*.test")
	for _, f := range tests {
		if _, err := fs.Stat(sqlfiles.FS, strings.TrimSuffix(f, ".test")+".sql"); err != nil {
			t.Errorf("%s: no view %s.sql beside it", f, strings.TrimSuffix(path.Base(f), ".test"))
		}
	}
}

// The youth counts of issue #18 (JEU_*, EMP_*_JEUNES / ENTREES / SITUATION_PRO, PAR_JEUNES,
// DIS_*, FOR_*, SOC_JUSTICE) are broken down, and nothing else: a new count of youths is
// broken down by its unit, and must go through jeunes_par_territoire, whose column
// ventilation compute reads.
func TestBrokenDown(t *testing.T) {
	want := []string{
		"DIS_CEJ_ENTREES", "DIS_CEJ_EN_COURS", "DIS_GJ_ENTREES", "DIS_GJ_EN_COURS", "DIS_PACEA_ENTREES", "DIS_PACEA_EN_COURS",
		"EMP_ENTREES_ALTERNANCE", "EMP_ENTREES_EMPLOI", "EMP_IMMERSIONS_JEUNES", "EMP_SITUATION_PRO",
		"FOR_CEP", "FOR_CPF", "FOR_ENTREES_FORMATION", "FOR_ILLETTRISME",
		"JEU_ACCUEILLIS", "JEU_ACCUEILLIS_EI", "JEU_CONTACT", "JEU_JDI", "JEU_PREMIER_ACCUEIL",
		"PAR_JEUNES", "SOC_JUSTICE",
	}
	inds, err := sqlfiles.Indicators()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	macro := regexp.MustCompile(`(?m)^SELECT \* FROM jeunes_par_territoire\('source', count\((\*|DISTINCT id_jeune)\)\)\s*$`)
	for _, ind := range inds {
		if !ind.Ventilated {
			continue
		}
		got = append(got, ind.ID)
		if !macro.MatchString(ind.SQL) {
			t.Errorf("%s is broken down: its file must end with SELECT * FROM jeunes_par_territoire('source', …)", ind.ID)
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("indicators broken down (-want +got):\n%s", diff)
	}
}

package main

import (
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"time"

	"bilan/internal/referentiel"
	"bilan/internal/warehouse"
	"bilan/pipeline/compute"
)

// baselineIndicators is reference (b): what an analyst would write without a database —
// JEU_CONTACT, JEU_ACCUEILLIS, JEU_JDI and JEU_ENTRETIENS at the four levels, with
// encoding/csv and maps, straight from the files. It returns its wall time.
func baselineIndicators(dir string) float64 {
	start := time.Now()
	refs, err := referentiel.Shipped()
	must(err)
	dep, reg := map[string]string{}, map[string]string{}
	for _, s := range refs {
		dep[s.Code], reg[s.Code] = s.Departement, s.Region
	}
	territories := func(ml string) []string { return []string{"ml:" + ml, "dep:" + dep[ml], "reg:" + reg[ml], "FR"} }
	youthML := map[string]string{}
	read(filepath.Join(dir, "jeunes.csv"), func(r []string) { youthML[r[0]] = r[1] })
	sets := map[string]map[string]map[string]bool{} // indicator → territory → youths
	add := func(ind, ml, member string) {
		if sets[ind] == nil {
			sets[ind] = map[string]map[string]bool{}
		}
		for _, t := range territories(ml) {
			if sets[ind][t] == nil {
				sets[ind][t] = map[string]bool{}
			}
			sets[ind][t][member] = true
		}
	}
	read(filepath.Join(dir, "evenements.csv"), func(r []string) {
		ml, ok := youthML[r[1]]
		if !ok || strings.ToUpper(r[5]) != "REALISE" {
			return
		}
		d, m, y := r[3][0:2], r[3][3:5], r[3][6:10]
		if y != "2016" {
			return
		}
		add("JEU_CONTACT", ml, r[1])
		entretien := r[4] == "ENTRETIEN_INDIVIDUEL" || r[4] == "INFORMATION_COLLECTIVE" || r[4] == "ATELIER"
		if entretien {
			add("JEU_ACCUEILLIS", ml, r[1])
			if m >= "08" {
				add("JEU_JDI", ml, r[1])
			}
		}
		if r[4] == "ENTRETIEN_INDIVIDUEL" {
			add("JEU_ENTRETIENS", r[2], r[0]+d)
		}
	})
	return time.Since(start).Seconds()
}

func read(path string, each func([]string)) {
	f, err := os.Open(path)
	must(err)
	defer f.Close()
	r := csv.NewReader(f)
	r.Comma = ';'
	r.FieldsPerRecord = -1
	r.ReuseRecord = true
	if _, err := r.Read(); err != nil {
		must(err)
	}
	for {
		rec, err := r.Read()
		if err != nil {
			return
		}
		each(rec)
	}
}

// baselineIDs are the indicators baselineIndicators computes.
var baselineIDs = []string{"JEU_CONTACT", "JEU_ACCUEILLIS", "JEU_JDI", "JEU_ENTRETIENS"}

// engineIndicators times bilan's compute stage on baselineIDs alone (materialised views
// included), in a transaction it rolls back.
func engineIndicators(path string) float64 {
	ctx := context.Background()
	w, err := warehouse.Open(ctx, path)
	must(err)
	defer w.Close()
	start := time.Now()
	must(compute.Only(ctx, w, warehouse.Params{Exercice: year}, baselineIDs...))
	return time.Since(start).Seconds()
}

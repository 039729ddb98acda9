package synth

import (
	"errors"

	"bilan/internal/arml"
	"fmt"
	"os"
	"path/filepath"
)

// ErrScale is returned for a scale the generator does not know (yet).
var ErrScale = errors.New("unknown scale")

// Generate writes the fixture of a scale for exercices year−1 and year under out:
// out/<exercice>/<scope>/{jeunes,evenements,mesures}.csv, one folder per batch. The demo
// scale has one regional batch per demo region and out/verite-<exercice>.csv, the planted
// truth; the national scale one national batch calibrated on the seed (national.go).
func Generate(scale string, year int, out string) error {
	r, err := loadRef()
	if err != nil {
		return err
	}
	switch scale {
	case "demo":
	case "national":
		return GenerateNational(year, out, 1)
	default:
		return fmt.Errorf("%w: %s", ErrScale, scale)
	}
	var previous Truth
	for _, exercice := range []int{year - 1, year} {
		var batches []batch
		wbs := map[string]*arml.Answers{}
		for _, region := range DemoRegions {
			dir := filepath.Join(out, fmt.Sprint(exercice), region)
			b := buildBatch(r, exercice, region)
			if err := writeBatch(dir, b); err != nil {
				return err
			}
			batches = append(batches, b)
			wbs[region] = buildWorkbook(r, b)
			if err := writeWorkbook(dir, r, exercice, region, wbs[region]); err != nil {
				return err
			}
		}
		truth := computeTruth(r, exercice, batches, wbs, previous)
		previous = truth
		if err := os.WriteFile(filepath.Join(out, fmt.Sprintf("verite-%d.csv", exercice)), []byte(truth.CSV(exercice)), 0o644); err != nil {
			return err
		}
	}
	return writeSurvey2018(r, filepath.Join(out, SurveyDir))
}

// SurveyDir is the folder of the demo fixture holding the 14 workbooks of the January
// 2018 survey (exercice 2017), filled with the seed's answers only.
const SurveyDir = "enquete-2017"

func writeSurvey2018(r *ref, dir string) error {
	for _, region := range sortedKeys(Survey2018) {
		if err := writeWorkbook(dir, r, 2017, region, &arml.Answers{Survey: Survey2018[region]}); err != nil {
			return err
		}
	}
	return nil
}

// GenerateNational writes the national-scale extracts of exercices year−1 and year under
// out/<exercice>/national, for a fraction of the network (1 = calibrated on the seed).
func GenerateNational(year int, out string, fraction float64) error {
	r, err := loadRef()
	if err != nil {
		return err
	}
	for _, exercice := range []int{year - 1, year} {
		if err := generateNational(r, exercice, filepath.Join(out, fmt.Sprint(exercice), "national"), fraction); err != nil {
			return err
		}
	}
	return nil
}

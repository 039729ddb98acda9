package cli

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"bilan/internal/parse"
	"bilan/pipeline/secret"
)

// settings are the thresholds of the config file (« clé = valeur » lines, # comments).
type settings struct {
	threshold     int // statistical secrecy
	jdiMois       int
	dateReference time.Time
	refusalShare  float64
	maxLine       int // bytes of a CSV line (0: ingest's default)
	maxField      int // bytes of a CSV field
}

func loadSettings(path string) (settings, error) {
	var s settings
	if path == "" {
		return s, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return s, usagef(msgSettingsUnreadable, path)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		k, v, ok := strings.Cut(line, "=")
		k, v = strings.TrimSpace(k), strings.TrimSpace(v)
		bad := func() error { return usagef(msgSettingsBadValue, path, n, v, k) }
		switch {
		case !ok:
			return s, usagef(msgSettingsNoEquals, path, n)
		case k == "jdi_mois":
			m, err := strconv.Atoi(v)
			if err != nil || m < 1 || m > 24 {
				return s, bad()
			}
			s.jdiMois = m
		case k == "date_reference":
			t, err := parse.Date(v)
			if err != nil {
				return s, bad()
			}
			s.dateReference = t
		case k == "part_rejets_max":
			d, err := parse.Decimal(strings.TrimSuffix(v, "%"))
			x, _ := strconv.ParseFloat(d, 64)
			if err != nil || x <= 0 || x >= 100 {
				return s, bad()
			}
			s.refusalShare = x / 100
		case k == "longueur_ligne_max" || k == "longueur_champ_max":
			b, err := strconv.Atoi(v)
			if err != nil || b < 1024 || b > 64<<20 {
				return s, usagef(msgSettingsBadBytes, path, n, k)
			}
			if k == "longueur_ligne_max" {
				s.maxLine = b
			} else {
				s.maxField = b
			}
		case k == "seuil_secret":
			t, err := strconv.Atoi(v)
			if err != nil || t < secret.MinThreshold {
				return s, usagef(msgSettingsThreshold, path, n, secret.MinThreshold)
			}
			s.threshold = t
		default:
			return s, usagef(msgSettingsUnknown, path, n, k)
		}
	}
	if err := sc.Err(); err != nil {
		return s, fmt.Errorf("read settings %s: %w", path, err)
	}
	return s, nil
}

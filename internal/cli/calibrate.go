package cli

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"strings"

	"bilan/internal/synth"
)

// cmdCalibrate prints the seed's 2016 figures beside the engine's national values of the
// exercice, and fails when one is out of tolerance (±1 % for counts, ±1 point for %).
func cmdCalibrate(ctx context.Context, e *env, args []string) error {
	var c common
	fs := newFlags(e, "calibrate", &c)
	if err := c.parse(fs, args, true); err != nil {
		return err
	}
	w, err := c.open(ctx)
	if err != nil {
		return err
	}
	defer w.Close()
	fmt.Fprintf(e.stdout, msgCalibrateHead, calibrateColumns[0], calibrateColumns[1], calibrateColumns[2], calibrateColumns[3])
	fmt.Fprintln(e.stdout, strings.Repeat("-", 87))
	bad := 0
	for _, s := range synth.Seed2016 {
		var v sql.NullFloat64
		err := w.Conn().QueryRowContext(ctx, "SELECT CAST(valeur AS DOUBLE) FROM indicateurs WHERE exercice = ? AND indicateur = ? AND niveau = 'national'",
			c.year, s.ID).Scan(&v)
		if err != nil && err != sql.ErrNoRows {
			return fmt.Errorf("national %s of %d: %w", s.ID, c.year, err)
		}
		gap, verdict := "", msgNotAvailable
		if v.Valid {
			if s.Points {
				d := v.Float64 - s.Value
				gap = fmt.Sprintf(msgGapPoints, d)
				verdict = okIf(math.Abs(d) <= 1)
			} else {
				d := (v.Float64 - s.Value) / s.Value * 100
				gap = fmt.Sprintf(msgGapPercent, d)
				verdict = okIf(math.Abs(d) <= 1)
			}
		}
		if verdict != msgWithin {
			bad++
		}
		fmt.Fprintf(e.stdout, msgCalibrateRow, s.Label, num(s.Value, s.Points), numOrNA(v, s.Points), gap, verdict)
	}
	if bad > 0 {
		return fmt.Errorf(msgSomeOutside, count(bad, nounFigure))
	}
	fmt.Fprintln(e.stdout, msgAllWithin)
	return nil
}

func okIf(b bool) string {
	if b {
		return msgWithin
	}
	return msgOutOfTolerance
}

func num(v float64, pct bool) string {
	if pct {
		return strings.Replace(fmt.Sprintf("%.1f %%", v), ".", ",", 1)
	}
	return n(int(math.Round(v)))
}

func numOrNA(v sql.NullFloat64, pct bool) string {
	if !v.Valid {
		return msgNotAvailable
	}
	return num(v.Float64, pct)
}

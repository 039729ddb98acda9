package attack

import (
	"fmt"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
	"golang.org/x/sync/errgroup"
)

// Place is a territory.
type Place struct{ Level, Code string }

// Pack is a workbook to read, with the territory its key figures are about (France for
// the national pack and the funders', the region for a regional pack).
type Pack struct {
	Path  string
	Scope Place
}

// Legend is the public vocabulary of the packs: what a column or row title names, and
// which territory a name or code is.
type Legend struct {
	Titles map[string]string // short title, full title or id → indicator id
	Places map[string]Place  // territory name or code → territory
	Grids  map[string]Grid   // sheet → the cells of its values, when its titles are no indicator's
}

// Grid names the values of a sheet whose columns are modalités of a breakdown: by the
// column's title ({"", title}) on a line naming a territory, or by the line's label and
// the column's title together ({label, title}, a chart's data) for the pack's territory.
type Grid struct{ Cells map[[2]string]string }

// Read collects every number and every mask of the workbooks. A sheet is read as its
// writer lays it out: the title in row 1, the header in row 3 (then, in the funders'
// workbook, the indicators' ids in row 4), one line per territory or indicator below;
// "[s]" is a masked cell, percentages and changes in % are fractions, changes in points
// are points. A header names an indicator (of the exercice), « indicator – 2015 » (of that
// exercice), « indicator – Évol. (…) » (its change), a territory, or an exercice (a line
// per indicator of the pack's territory).
func Read(packs []Pack, lg Legend, exercice int, k Knowledge) ([]Fact, error) {
	read := make([][]Fact, len(packs)) // each pack's facts, read one pack per core
	var g errgroup.Group
	g.SetLimit(runtime.NumCPU())
	for i, p := range packs {
		g.Go(func() (err error) {
			read[i], err = readPack(p, lg, exercice, k)
			return err
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	var out []Fact
	for _, facts := range read {
		out = append(out, facts...)
	}
	return out, nil
}

// readPack reads the facts of every sheet of a workbook.
func readPack(p Pack, lg Legend, exercice int, k Knowledge) ([]Fact, error) {
	f, err := excelize.OpenFile(p.Path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", p.Path, err)
	}
	defer f.Close()
	var out []Fact
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", p.Path, err)
		}
		where := filepath.Base(p.Path) + " › " + sheet
		out = append(out, readSheet(rows, sheet, where, p.Scope, lg, exercice, k)...)
	}
	return out, nil
}

func readSheet(rows [][]string, sheet, where string, scope Place, lg Legend, y int, k Knowledge) []Fact {
	if len(rows) < 4 || len(rows[2]) < 2 {
		return nil
	}
	head, body := rows[2], rows[3:]
	if codes(rows[3], lg) {
		head, body = rows[3], rows[4:]
	}
	var out []Fact
	add := func(c Cell, raw string) {
		if c.Indicator == "" || c.Level == "" {
			return
		}
		raw = strings.TrimSpace(raw)
		switch raw {
		case "[s]":
			out = append(out, Fact{Cell: c, Masked: true, Where: where})
			return
		case "n.d.":
			out = append(out, Fact{Cell: c, NA: true, Where: where})
			return
		}
		v, err := strconv.ParseFloat(raw, 64)
		if err != nil {
			return
		}
		if pct := k.Defs[c.Indicator].Unit == "%"; c.Change != pct { // a change of a percentage is in points
			v *= 100
		}
		out = append(out, Fact{Cell: c, Value: v, Where: where})
	}
	cellAt := func(r []string, i int) string {
		if i < len(r) {
			return r[i]
		}
		return ""
	}
	g, grid := lg.Grids[sheet]
	switch {
	case grid:
		for _, r := range rows[3:] {
			label := cellAt(r, 0)
			pl, isPlace := lg.Places[label]
			for j, h := range head {
				if j == 0 {
					continue
				}
				if id, ok := g.Cells[[2]string{"", h}]; ok && isPlace {
					add(Cell{Exercice: y, Indicator: id, Level: pl.Level, Code: pl.Code}, cellAt(r, j))
				} else if id, ok := g.Cells[[2]string{label, h}]; ok {
					add(Cell{Exercice: y, Indicator: id, Level: scope.Level, Code: scope.Code}, cellAt(r, j))
				}
			}
		}
	case strings.HasPrefix(sheet, "Chiffres clés"):
		for _, r := range body {
			id := lg.Titles[cellAt(r, 0)]
			for j, h := range head {
				c := Cell{Indicator: id, Level: scope.Level, Code: scope.Code}
				switch {
				case h == fmt.Sprint(y):
					c.Exercice = y
				case h == fmt.Sprint(y-1):
					c.Exercice = y - 1
				case h == "Évolution":
					c.Exercice, c.Change = y, true
				case h == fmt.Sprintf("France %d", y):
					c = Cell{Exercice: y, Indicator: id, Level: "national", Code: "FR"}
				default:
					continue
				}
				add(c, cellAt(r, j))
			}
		}
	case strings.HasPrefix(sheet, "Graphique"): // a series per column, a line per exercice or territory
		for j := 1; j < len(head); j++ {
			id := lg.Titles[head[j]]
			for _, r := range body {
				label := cellAt(r, 0)
				if year, ok := exercice(label); ok {
					add(Cell{Exercice: year, Indicator: id, Level: scope.Level, Code: scope.Code}, cellAt(r, j))
				} else if pl, ok := lg.Places[label]; ok {
					add(Cell{Exercice: y, Indicator: id, Level: pl.Level, Code: pl.Code}, cellAt(r, j))
				}
			}
		}
	default: // a grid: indicators by territory, or territories (or exercices) by indicator
		byColumn := false // header cells name indicators, lines territories
		for _, h := range head[1:] {
			if name, _, _ := column(h, y); lg.Titles[name] != "" {
				byColumn = true
			}
		}
		for _, r := range body {
			for j, h := range head[1:] {
				if byColumn {
					name, e, change := column(h, y)
					id, ok := lg.Titles[name]
					if pl, okp := lg.Places[cellAt(r, 0)]; ok && okp {
						add(Cell{Exercice: e, Indicator: id, Level: pl.Level, Code: pl.Code, Change: change}, cellAt(r, j+1))
					}
					continue
				}
				id, ok := lg.Titles[cellAt(r, 0)]
				if !ok {
					continue
				}
				if pl, okp := lg.Places[h]; okp {
					add(Cell{Exercice: y, Indicator: id, Level: pl.Level, Code: pl.Code}, cellAt(r, j+1))
				} else if e, oke := exercice(h); oke {
					add(Cell{Exercice: e, Indicator: id, Level: scope.Level, Code: scope.Code}, cellAt(r, j+1))
				}
			}
		}
	}
	return out
}

// exercice reads a label that is an exercice (four digits).
func exercice(s string) (int, bool) {
	e, err := strconv.Atoi(s)
	return e, err == nil && len(s) == 4
}

// column reads a header cell of a table by territory: an indicator's title (of exercice
// y), « title – 2015 » (of that exercice) or « title – Évol. (…) » (its change on the
// exercice before).
func column(h string, y int) (name string, e int, change bool) {
	if i := strings.LastIndex(h, " – "); i >= 0 {
		name, sub := h[:i], h[i+len(" – "):]
		if e, ok := exercice(sub); ok {
			return name, e, false
		}
		if strings.HasPrefix(sub, "Évol.") {
			return name, y, true
		}
	}
	return h, y, false
}

// codes tells whether a row is a header of indicator ids: after the first column, every
// cell an id (a code row under the titles).
func codes(row []string, lg Legend) bool {
	if len(row) < 2 {
		return false
	}
	for _, c := range row[1:] {
		if c != "" && lg.Titles[c] != c {
			return false
		}
	}
	return lg.Titles[row[len(row)-1]] == row[len(row)-1]
}

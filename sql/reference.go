package sqlfiles

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
)

// References returns the reference tables, in file name order: each file of sql/reference
// is one SELECT of the rows the program ships, stored as the table of its name when the
// warehouse is prepared.
func References() ([]View, error) {
	var out []View
	err := eachFile("reference", ".sql", func(name, text string) error {
		out = append(out, View{Name: name, SQL: text})
		return nil
	})
	return out, err
}

// Actions returns the titles of the PNAE actions, action i+1 at index i. They are read
// from reference/actions_pnae.sql, the rows of the warehouse's table actions_pnae, so the
// ARML workbook, its reader and the reports print what the SQL counts. Like
// regexp.MustCompile on a constant it panics when the file is not of that form: the file
// is compiled in, and this package's tests read it.
func Actions() []string {
	a, err := actions()
	if err != nil {
		panic(err)
	}
	return a
}

var actions = sync.OnceValues(func() ([]string, error) {
	b, err := FS.ReadFile("reference/actions_pnae.sql")
	if err != nil {
		return nil, err
	}
	var out []string
	for _, line := range strings.Split(string(b), "\n") {
		m := actionRow.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		if n, _ := strconv.Atoi(m[1]); n != len(out)+1 {
			return nil, fmt.Errorf("reference/actions_pnae.sql: action %s after %d actions, want %d", m[1], len(out), len(out)+1)
		}
		out = append(out, strings.ReplaceAll(m[2], "''", "'"))
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("reference/actions_pnae.sql: no row (number, 'title')")
	}
	return out, nil
})

// actionRow is one row of reference/actions_pnae.sql: (number, 'title'), alone on its line.
var actionRow = regexp.MustCompile(`^\s*\((\d+), '((?:[^']|'')*)'\),?\s*$`)

// RegionNames returns the French name of every region by code, read from
// normalise/ref_regions.sql (the names the reports print), for what Go writes before any
// warehouse exists (the synthetic ARML workbooks). It panics like Actions.
func RegionNames() map[string]string {
	r, err := regionNames()
	if err != nil {
		panic(err)
	}
	return r
}

var regionNames = sync.OnceValues(func() (map[string]string, error) {
	b, err := FS.ReadFile("normalise/ref_regions.sql")
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, m := range regionRow.FindAllStringSubmatch(string(b), -1) {
		out[m[1]] = strings.ReplaceAll(m[2], "''", "'")
	}
	if len(out) < 18 {
		return nil, fmt.Errorf("normalise/ref_regions.sql: %d rows ('code', 'name'), want 18", len(out))
	}
	return out, nil
})

// regionRow is one row of normalise/ref_regions.sql: ('code', 'name').
var regionRow = regexp.MustCompile(`\('(\d\d)', '((?:[^']|'')*)'\)`)

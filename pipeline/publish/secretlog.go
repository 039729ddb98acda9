package publish

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"bilan/internal/warehouse"
	"bilan/pipeline/attack"
	"bilan/pipeline/secret"
	"bilan/reports"
	sqlfiles "bilan/sql"
)

// attack runs the attacker on the workbooks written in the staging folder, with what the
// public knows: the titles and territory names printed in the packs, the referential and
// the definitions of the indicators.
func (d *data) attack(stage string, docs []doc) (attack.Result, error) {
	inds, err := sqlfiles.Indicators()
	if err != nil {
		return attack.Result{}, err
	}
	k := attack.Knowledge{Defs: map[string]attack.Def{}, Region: map[string]string{}, Threshold: d.threshold}
	lg := attack.Legend{Titles: map[string]string{}, Places: map[string]attack.Place{}}
	inSystem := func(class string) bool { return class != "aucun" }
	title := func(t, id string, class string) {
		if prev, taken := lg.Titles[t]; !taken || !inSystem(d.docs[prev].secret) && inSystem(class) {
			lg.Titles[t] = id
		}
	}
	for _, ind := range inds {
		k.Defs[ind.ID] = attack.Def{Class: ind.Secret, Unit: ind.Unit, Num: ind.Numerator, Den: ind.Denominator, Rounding: ind.Rounding}
		title(ind.ID, ind.ID, ind.Secret)
		title(ind.Title, ind.ID, ind.Secret)
		if ind.Short != "" {
			title(ind.Short, ind.ID, ind.Secret)
		}
	}
	names := map[string]int{}
	place := func(name string, p attack.Place) {
		names[name]++
		lg.Places[name] = p
	}
	place("France", attack.Place{Level: "national", Code: "FR"})
	place("FR", attack.Place{Level: "national", Code: "FR"})
	for _, r := range d.regions {
		place(r.name, attack.Place{Level: "region", Code: r.code})
		place(r.code, attack.Place{Level: "region", Code: r.code})
		for _, ml := range d.mls[r.code] {
			place(ml.name, attack.Place{Level: "ml", Code: ml.code})
			place(ml.code, attack.Place{Level: "ml", Code: ml.code})
			k.Region[ml.code] = r.code
		}
	}
	for name, n := range names {
		if n > 1 { // a name two territories share tells nothing
			delete(lg.Places, name)
		}
	}
	d.profileLegend(&lg, &k)
	var packs []attack.Pack
	for _, doc := range docs {
		if doc.xlsx {
			packs = append(packs, attack.Pack{Path: filepath.Join(stage, doc.rel), Scope: attack.Place{Level: doc.scope.Level, Code: doc.scope.Code}})
		}
	}
	facts, err := attack.Read(packs, lg, d.exercice, k)
	if err != nil {
		return attack.Result{}, err
	}
	return attack.Attack(facts, k), nil
}

// secretLog writes analystes/secret-Y.csv, the suppression log: every masked cell with
// its territory, its status (A primary, D secondary), where it appears and the interval
// the attacker could prove for it from the packs as written.
func (d *data) secretLog(w io.Writer, att attack.Result) error {
	cells := make([]secret.Cell, 0, len(d.cost.Masked))
	for c := range d.cost.Masked {
		cells = append(cells, c)
	}
	sort.Slice(cells, func(i, j int) bool {
		a, b := cells[i], cells[j]
		if a.Exercice != b.Exercice {
			return a.Exercice > b.Exercice
		}
		return fmt.Sprint(a) < fmt.Sprint(b)
	})
	names := map[[2]string]string{{"national", "FR"}: "France"}
	for _, r := range d.regions {
		names[[2]string{"region", r.code}] = r.name
		for _, ml := range d.mls[r.code] {
			names[[2]string{"ml", ml.code}] = ml.name
		}
	}
	bw := bufio.NewWriter(w)
	bw.WriteString("exercice;indicateur;niveau;code;territoire;statut;parait_dans;intervalle_attaquant\n")
	for _, c := range cells {
		ind := c.Indicator
		if c.Change {
			ind += " (évolution)"
		}
		ac := attack.Cell{Exercice: c.Exercice, Indicator: c.Indicator, Level: c.Level, Code: c.Code, Change: c.Change}
		interval := "non borné"
		if iv, ok := att.Masked[ac]; ok {
			lo := reports.French(reports.Num(iv.Lo, reports.Count))
			if interval = "au moins " + lo; !math.IsInf(iv.Hi, 1) {
				interval = lo + " à " + reports.French(reports.Num(iv.Hi, reports.Count))
			}
		}
		fmt.Fprintf(bw, "%d;%s;%s;%s;%s;%s;%s;%s\n", c.Exercice, ind, c.Level, c.Code, csvText(names[[2]string{c.Level, c.Code}]),
			d.cost.Masked[c], strings.Join(att.Where[ac], " | "), interval)
	}
	return bw.Flush()
}

// Attack runs the attacker on the workbooks of the exercice already published under dir
// (the same layout as Run writes), with the territories and definitions of the warehouse.
func Attack(ctx context.Context, w *warehouse.Warehouse, p warehouse.Params, threshold int, dir string) (attack.Result, error) {
	if err := w.SetParams(ctx, p); err != nil {
		return attack.Result{}, err
	}
	d, err := load(ctx, w, p.Exercice, threshold)
	if err != nil {
		return attack.Result{}, err
	}
	var docs []doc
	for _, x := range d.documents(time.Time{}) {
		if _, err := os.Stat(filepath.Join(dir, x.rel)); err == nil {
			docs = append(docs, x)
		}
	}
	if len(docs) == 0 {
		return attack.Result{}, fmt.Errorf("aucun classeur de l'exercice %d sous %s", p.Exercice, dir)
	}
	return d.attack(dir, docs)
}

// Summary is the attacker's outcome in one French sentence.
func Summary(r attack.Result) string {
	s := fmt.Sprintf("l'attaquant lit %d cellules masquées ; il en retrouve %d", len(r.Masked), len(r.Recovered))
	if len(r.Small) > 0 {
		s += fmt.Sprintf(" ; %d effectifs sont publiés sous le seuil", len(r.Small))
	}
	if len(r.Hidden) > 0 {
		s += fmt.Sprintf(", et %d petites sous-populations jamais publiées", len(r.Hidden))
	}
	if c, iv, ok := r.Narrowest(); ok {
		s += fmt.Sprintf(" ; intervalle le plus étroit : %s, %s %s, exercice %d, entre %s et %s", c.Indicator, c.Level, c.Code, c.Exercice,
			reports.French(reports.Num(iv.Lo, reports.Count)), reports.French(reports.Num(iv.Hi, reports.Count)))
	}
	return s + "."
}

// csvText is a text from the inputs (a territory's name) as a CSV field a spreadsheet can
// open safely: no separator or line break, and a leading =, +, - or @ (which Excel and
// LibreOffice would run as a formula) behind an apostrophe.
func csvText(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case r == ';':
			return ','
		case r < ' ' || r == 0x7f:
			return ' '
		}
		return r
	}, s)
	if s != "" && strings.ContainsRune("=+-@", rune(s[0])) {
		return "'" + s
	}
	return s
}

package publish

import (
	"bufio"
	"fmt"
	"io"
	"sort"
)

// secretLog writes analystes/secret-Y.csv, the suppression log: every masked cell of the
// exercice with its territory, the class of its true value and the rule that masked it.
func (d *data) secretLog(w io.Writer) error {
	var keys [][4]string
	for k := range d.masks {
		if k[0] == fmt.Sprint(d.exercice) {
			keys = append(keys, k)
		}
	}
	sort.Slice(keys, func(i, j int) bool {
		for x := range keys[i] {
			if keys[i][x] != keys[j][x] {
				return keys[i][x] < keys[j][x]
			}
		}
		return false
	})
	bw := bufio.NewWriter(w)
	bw.WriteString("exercice;indicateur;niveau;code;territoire;classe;regle\n")
	for _, k := range keys {
		v := d.values[[3]string{k[1], k[2], k[3]}]
		fmt.Fprintf(bw, "%s;%s;%s;%s;%s;%s;%s\n", k[0], k[1], k[2], k[3], v.name, d.valueClass(k[1], v.v), d.masks[k])
	}
	return bw.Flush()
}

// valueClass is the order of magnitude of a masked value, never the value itself.
func (d *data) valueClass(ind string, v *float64) string {
	switch {
	case d.docs[ind].secret != "effectif":
		return "taux"
	case v == nil:
		return "n.d."
	case *v < float64(d.threshold):
		return fmt.Sprintf("1 à %d", d.threshold-1)
	case *v < 50:
		return fmt.Sprintf("%d à 49", d.threshold)
	case *v < 100:
		return "50 à 99"
	case *v < 1000:
		return "100 à 999"
	}
	return "1 000 et plus"
}

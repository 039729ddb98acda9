package secret

import "strings"

// Breakdown is the name of the cell of a youth count restricted to one modalité of a
// dimension of the breakdowns (indicateurs_ventiles): "JEU_PREMIER_ACCUEIL@sexe_age=F_18_21".
// Such a cell is a count like its indicator, additive over the territories, and at each
// territory the modalités of a dimension add up to the indicator.
func Breakdown(indicator, dimension, modalite string) string {
	return indicator + "@" + dimension + "=" + modalite
}

// ParseBreakdown splits a name made by Breakdown; false for any other name.
func ParseBreakdown(name string) (indicator, dimension, modalite string, ok bool) {
	indicator, rest, ok := strings.Cut(name, "@")
	if !ok {
		return name, "", "", false
	}
	dimension, modalite, ok = strings.Cut(rest, "=")
	return indicator, dimension, modalite, ok && indicator != "" && dimension != "" && modalite != ""
}

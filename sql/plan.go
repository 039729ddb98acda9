package sqlfiles

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// Reads maps each view to the views of the set it reads directly: the names after FROM,
// JOIN or a comma (outside comments) that are views of the set, then those of its header
// line "-- reads: a, b" — what no name after FROM shows, a view read through a macro. A
// name of a reads header that is no view of the set is an error naming the view.
func Reads(views []View) (map[string][]string, error) {
	names := map[string]bool{}
	for _, v := range views {
		names[v.Name] = true
	}
	reads := map[string][]string{}
	for _, v := range views {
		add := func(r string) {
			if r != v.Name && !slices.Contains(reads[v.Name], r) {
				reads[v.Name] = append(reads[v.Name], r)
			}
		}
		code := comment.ReplaceAllString(v.SQL, "")
		for _, m := range reference.FindAllStringSubmatch(code, -1) {
			if r := strings.ToLower(m[1]); names[r] {
				add(r)
			}
		}
		for _, r := range v.Reads {
			if !names[r] {
				return nil, fmt.Errorf("view %s: its header reads %q, which is no view", v.Name, r)
			}
			if r == v.Name {
				return nil, fmt.Errorf("view %s: its header reads itself", v.Name)
			}
			add(r)
		}
	}
	return reads, nil
}

var (
	comment   = regexp.MustCompile(`--[^\n]*`)
	reference = regexp.MustCompile(`(?i)(?:from|join|,)\s+([a-z_][a-z0-9_]*)\b`)
)

// Order returns the views, each after the views it reads (Reads), otherwise in the order
// given. Views that read each other in a cycle are an error naming them.
func Order(views []View) ([]View, error) {
	reads, err := Reads(views)
	if err != nil {
		return nil, err
	}
	byName := map[string]View{}
	for _, v := range views {
		byName[v.Name] = v
	}
	const (
		visiting = 1
		done     = 2
	)
	state := map[string]int{}
	var out []View
	var path []string
	var visit func(name string) error
	visit = func(name string) error {
		switch state[name] {
		case done:
			return nil
		case visiting:
			cycle := append(path[slices.Index(path, name):], name)
			return fmt.Errorf("views read each other in a cycle: %s", strings.Join(cycle, " → "))
		}
		state[name] = visiting
		path = append(path, name)
		for _, r := range reads[name] {
			if err := visit(r); err != nil {
				return err
			}
		}
		path = path[:len(path)-1]
		state[name] = done
		out = append(out, byName[name])
		return nil
	}
	for _, v := range views {
		if err := visit(v.Name); err != nil {
			return nil, err
		}
	}
	return out, nil
}

package narrative

import (
	"slices"
	"strings"
)

// Standalone returns the pages that become pages of their own, each with
// a place in the navigation: not drafts, and not _index or board-pack
// (which go on the overview and into the board pack), by weight then name.
func Standalone(ps []Page) []Page {
	var out []Page
	for _, p := range ps {
		if p.Draft || p.Name == "_index" || p.Name == "board-pack" {
			continue
		}
		out = append(out, p)
	}
	slices.SortStableFunc(out, func(a, b Page) int {
		if a.Weight != b.Weight {
			return a.Weight - b.Weight
		}
		return strings.Compare(a.Name, b.Name)
	})
	return out
}

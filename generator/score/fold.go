package score

import "strings"

// fold normalises a name for matching: trimmed, case-folded, inner runs of
// whitespace collapsed to one space.
func fold(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// unitKey is the matching key of a business unit; "All" means every unit
// and becomes the empty key, as the reader does.
func unitKey(s string) string {
	k := fold(s)
	if k == "all" {
		return ""
	}
	return k
}

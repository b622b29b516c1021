package score

import "strings"

// fold normalises a name for matching: trimmed, case-folded, inner runs of
// whitespace collapsed to one space.
func fold(s string) string {
	if folded(s) {
		return s
	}
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// folded reports whether s is already folded: ASCII without upper case,
// no leading, trailing or repeated spaces, no other white space. Most ids
// and names are, and skipping the copy keeps scoring fast.
func folded(s string) bool {
	prev := byte(' ')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 0x80, c >= 'A' && c <= 'Z', c < ' ', c == ' ' && prev == ' ':
			return false
		}
		prev = c
	}
	return prev != ' ' || s == ""
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

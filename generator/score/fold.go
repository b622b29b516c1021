package score

import "strings"

// fold normalises a name for matching: trimmed, case-folded, inner runs of
// white space collapsed to one space.
func fold(s string) string {
	if folded(s) {
		return s
	}
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if !ascii {
		return strings.ToLower(strings.Join(strings.Fields(s), " "))
	}
	b := make([]byte, 0, len(s))
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f':
			space = len(b) > 0
			continue
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		}
		if space {
			b = append(b, ' ')
			space = false
		}
		b = append(b, c)
	}
	return string(b)
}

// folded reports whether s is already folded: ASCII without upper case,
// no leading, trailing or repeated spaces, no other white space.
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

// unitKey is the matching key of a calendar window's business unit: "All"
// means every unit and becomes the empty key, as the reader does. Only
// windows have this convention; an initiative or review of unit "All" is
// of a unit named All.
func unitKey(s string) string {
	k := fold(s)
	if k == "all" {
		return ""
	}
	return k
}

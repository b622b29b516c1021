package narrative

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
)

// headingIDs makes heading ids from the heading's words, leaving out its
// shortcodes, so that an id does not change when a figure does:
// "## Spend: {{ figure "x" }}" gets id "spend". A repeated id gets a
// suffix: "spend-1". It implements parser.IDs for one document.
type headingIDs struct {
	used map[string]bool
}

// Generate implements parser.IDs.
func (s *headingIDs) Generate(value []byte, _ ast.NodeKind) []byte {
	base := slug(stripShortcodes(string(value)))
	if base == "" {
		base = "heading"
	}
	id := base
	for i := 1; s.used[id]; i++ {
		id = base + "-" + strconv.Itoa(i)
	}
	s.used[id] = true
	return []byte(id)
}

// Put implements parser.IDs.
func (s *headingIDs) Put(value []byte) { s.used[string(value)] = true }

// stripShortcodes removes well-formed shortcodes from a line of markdown.
func stripShortcodes(s string) string {
	if !strings.Contains(s, "{{") {
		return s
	}
	var b strings.Builder
	for {
		i := strings.Index(s, "{{")
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		if _, n, err := parseShortcode(s[i:]); err == nil {
			s = s[i+n:]
			b.WriteByte(' ')
		} else {
			s = s[i+2:]
		}
	}
}

// slug lower-cases the letters and digits of s and joins its words with "-".
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
			continue
		}
		if r != '\'' && r != '\u2019' { // "isn't" → "isnt"
			dash = true
		}
	}
	return b.String()
}

package value

import (
	"strconv"
	"unicode/utf8"
)

// MaxQuoted is the most characters of a cell that a message quotes: a
// 50 MB cell must not become a 50 MB message.
const MaxQuoted = 200

// Shorten returns s cut to at most n characters (n ≥ 1), ending in "…"
// when it was cut.
func Shorten(s string, n int) string {
	if len(s) <= n {
		return s // at most n bytes: at most n characters
	}
	i, count := 0, 0
	for i < len(s) && count < n-1 {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
		count++
	}
	if i == len(s) || utf8.RuneCountInString(s[i:]) <= 1 {
		return s
	}
	return s[:i] + "…"
}

// quote quotes a cell's text for a message, shortened to MaxQuoted
// characters.
func quote(s string) string { return strconv.Quote(Shorten(s, MaxQuoted)) }

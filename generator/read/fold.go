package read

import (
	"strings"
	"unicode"
)

// foldHeader folds a header cell as inputs.md prescribes: lower case, with
// spaces, "_", "-", ".", "/", "(", ")", "%", "#" and a trailing "?" removed,
// so "Go-Live Date", "go_live_date" and "GO LIVE (date)" are equal.
func foldHeader(s string) string {
	s = strings.TrimSpace(s)
	// a trailing "?", and the "*" or ":" templates put after a label
	s = strings.TrimRight(s, "*: ")
	s = strings.TrimSuffix(s, "?")
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case unicode.IsSpace(r), strings.ContainsRune("_-./()%#", r):
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// stripBrackets removes parenthesised and bracketed parts of a header:
// "Budget (USD)" becomes "Budget ".
func stripBrackets(s string) string {
	if !strings.ContainsAny(s, "([") {
		return s
	}
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case r == '(' || r == '[':
			depth++
		case (r == ')' || r == ']') && depth > 0:
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// foldName folds a sheet or file name for table recognition: lower case
// with spaces, "-" and "_" removed.
func foldName(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range strings.TrimSpace(s) {
		if unicode.IsSpace(r) || r == '-' || r == '_' {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// foldValue folds an enum value: lower case with spaces, "-" and "_"
// removed, so "Big-bang", "big bang" and "BIG_BANG" are equal.
func foldValue(s string) string { return foldName(s) }

// cleanSpaces trims a cell: spaces, non-breaking spaces and byte-order
// marks at either end. Inner whitespace is kept as written.
func cleanSpaces(s string) string {
	if s == "" || s[0] > ' ' && s[0] < 0x80 && s[len(s)-1] > ' ' && s[len(s)-1] < 0x80 {
		return s
	}
	// ASCII spaces first ("M-01, M-02"), then any other space at the ends
	for len(s) > 0 && isASCIISpace(s[0]) {
		s = s[1:]
	}
	for len(s) > 0 && isASCIISpace(s[len(s)-1]) {
		s = s[:len(s)-1]
	}
	if s == "" || s[0] > ' ' && s[0] < 0x80 && s[len(s)-1] > ' ' && s[len(s)-1] < 0x80 {
		return s
	}
	return strings.TrimFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '\ufeff' || r == '\u200b' })
}

// isASCIISpace reports whether b is an ASCII byte unicode.IsSpace accepts.
func isASCIISpace(b byte) bool {
	return b == ' ' || b == '\t' || b == '\n' || b == '\v' || b == '\f' || b == '\r'
}

// normSpaces trims s and turns non-breaking and other Unicode spaces into
// plain spaces, for the parsers of numbers and dates ("1 234,5" as French
// exports write it).
func normSpaces(s string) string {
	if isASCIINoSpecial(s) {
		return cleanSpaces(s)
	}
	s = strings.Map(func(r rune) rune {
		if r == '\u00a0' || r == '\u202f' || r == '\u2009' || r == '\u2007' || r == '\ufeff' {
			return ' '
		}
		return r
	}, s)
	return strings.TrimSpace(s)
}

func isASCIINoSpecial(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

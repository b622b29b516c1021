package value

import (
	"strings"
	"unicode"
)

// FoldHeader folds a header cell as inputs.md prescribes: lower case, with
// spaces, "_", "-", ".", "/", "(", ")", "%", "#" and a trailing "?" removed,
// so "Go-Live Date", "go_live_date" and "GO LIVE (date)" are equal.
func FoldHeader(s string) string {
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

// StripBrackets removes the bracketed notes of a header that only say how
// a value is written — a currency, a unit, a date format, a template's
// "(required)": "Budget (USD)" becomes "Budget ". A note that changes
// what the column holds ("Spend (forecast)", "Adoption (target)") is
// kept, so that the column stays unknown rather than read as another.
func StripBrackets(s string) string {
	if !strings.ContainsAny(s, "([") {
		return s
	}
	var b, note strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case r == '(' || r == '[':
			if depth == 0 {
				note.Reset()
			} else {
				note.WriteRune(r)
			}
			depth++
		case (r == ')' || r == ']') && depth > 0:
			depth--
			if depth == 0 {
				if !formatNote(note.String()) {
					b.WriteString(" (" + note.String() + ")")
				}
			} else {
				note.WriteRune(r)
			}
		case depth == 0:
			b.WriteRune(r)
		default:
			note.WriteRune(r)
		}
	}
	if depth > 0 { // an unclosed bracket: nothing is stripped
		return s
	}
	return b.String()
}

// formatNote reports whether a header's bracketed note only says how the
// value is written.
func formatNote(n string) bool {
	n = strings.TrimSpace(n)
	if len(n) == 3 && strings.ToUpper(n) == n && isLetters(n) {
		return true // a currency or code list: (USD), [RGT]
	}
	f := strings.ToLower(n)
	f = strings.NewReplacer(" ", "", "'", "", "’", "").Replace(f)
	if isCurrencyCode(f) {
		return true
	}
	switch f {
	case "$", "€", "£", "¥", "us$", "k", "m", "mn", "bn", "000", "000s", "k$", "$k", "€k", "k€", "£k", "m$", "$m", "€m", "m€", "£m",
		"in$", "in€", "in£", "ink", "inm", "in000", "inthousands", "thousands", "millions", "inmillions",
		"%", "in%", "pct", "percent", "0-1", "0–1", "0..1", "0-100", "0-100%", "0–100%",
		"date", "iso", "isodate", "y/n", "yes/no", "true/false", "x", "✓",
		"h", "hrs", "hours", "inhours", "d", "days", "indays", "min", "mins", "minutes", "#", "count", "no.", "number",
		"required", "optional", "mandatory", "*", "text", "id", "ids", "list", "commaseparated", "separatedbycommas", "utc", "localtime":
		return true
	}
	// a date format: dd/mm/yyyy, yyyy-mm-dd, mm.yy
	if strings.Trim(f, "dmy/-. ") == "" && strings.ContainsAny(f, "dmy") {
		return true
	}
	// the values allowed: (Run/Grow/Transform), (Low, Medium, High)
	if parts := strings.FieldsFunc(n, func(r rune) bool { return r == '/' || r == ',' || r == '|' }); len(parts) >= 2 {
		for _, p := range parts {
			if p = strings.TrimSpace(p); p == "" || !isLetters(strings.ReplaceAll(p, " ", "")) {
				return false
			}
		}
		return true
	}
	return false
}

func isLetters(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// FoldName folds a sheet or file name for table recognition: lower case
// with spaces, "-" and "_" removed.
func FoldName(s string) string {
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

// FoldValue folds an enum value: lower case with spaces, "-" and "_"
// removed, so "Big-bang", "big bang" and "BIG_BANG" are equal.
func FoldValue(s string) string { return FoldName(s) }

// CleanSpaces trims a cell: spaces, non-breaking spaces and byte-order
// marks at either end. Inner whitespace is kept as written.
func CleanSpaces(s string) string {
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
		return CleanSpaces(s)
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

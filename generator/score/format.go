package score

import (
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// pct writes a share as a percentage with at most one decimal: 0.75 → "75%",
// 0.2449 → "24.5%".
func pct(x float64) string {
	s := strconv.FormatFloat(100*x, 'f', 1, 64)
	if s == "-0.0" { // −0, or a negative share that rounds to 0
		s = "0.0"
	}
	return strings.TrimSuffix(s, ".0") + "%"
}

// points writes a difference of shares in percentage points: 0.032 → "3.2".
func points(x float64) string { return strings.TrimSuffix(pct(x), "%") }

// num writes a number as short as it reads back exactly, with at most 4
// decimals for computed figures: 1.48, 106.25, 0.1541.
func num(v float64) string {
	r := math.Round(v*1e4) / 1e4
	if r == 0 {
		r = 0 // not −0
	}
	return strconv.FormatFloat(r, 'f', -1, 64)
}

// date writes a date as 2026-11-20.
func date(t time.Time) string { return t.Format(dateFormat) }

// plural writes "1 review" or "3 reviews".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// list joins ids for a reason: "M-01, M-02".
func list(ids []string) string { return strings.Join(ids, ", ") }

// noun picks the singular or plural of a word for n things.
func noun(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// lineBreaks are the white-space characters that would break a reason
// over lines or columns.
const lineBreaks = "\t\n\v\f\r\u0085\u2028\u2029"

// oneLine keeps a reason on one line: each run of white space that holds a
// line break or tab (quoted from a spreadsheet cell) becomes one space.
// Other runs of spaces are kept, as the reader keeps them.
func oneLine(s string) string {
	if !hasLineBreak(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	run, broken := -1, false // start of the current run of white space
	flush := func(end int) {
		if broken {
			b.WriteByte(' ')
		} else {
			b.WriteString(s[run:end])
		}
		run, broken = -1, false
	}
	for i, r := range s {
		if unicode.IsSpace(r) {
			if run < 0 {
				run = i
			}
			broken = broken || strings.ContainsRune(lineBreaks, r)
			continue
		}
		if run >= 0 {
			flush(i)
		}
		b.WriteRune(r)
	}
	if run >= 0 {
		flush(len(s))
	}
	return b.String()
}

// hasLineBreak reports whether s holds a character of lineBreaks. It scans
// bytes: strings.ContainsAny with a non-ASCII set costs a third of Score's
// time on ten thousand initiatives.
func hasLineBreak(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '\t' && c <= '\r':
			return true
		case c == 0xC2 && i+1 < len(s) && s[i+1] == 0x85: // U+0085
			return true
		case c == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0xA8 || s[i+2] == 0xA9): // U+2028, U+2029
			return true
		}
	}
	return false
}

package value

import (
	"errors"
	"math"
	"strconv"
	"strings"
)

// ErrEmpty is returned by the value parsers for a blank cell.
var ErrEmpty = errors.New("empty")

// ParseNumber reads a number written as finance writes it: 1234.5,
// 1,234.5, 1 234.5 (also with a non-breaking space), -12, (12) = −12 and
// the suffixes k, m and bn (1.2k, 3.5m, 1.1bn). decimal is the decimal
// separator, "." or ","; with "," the thousands separator is "." or a space
// (1.234,5). A blank cell is an error.
func ParseNumber(s string, decimal string) (float64, error) {
	if v, ok := plainNumber(s, decimal); ok {
		return v, nil
	}
	s = normSpaces(s)
	if s == "" {
		return 0, ErrEmpty
	}
	if s == "-" || s == "\u2013" || s == "\u2014" { // accounting's zero
		return 0, nil
	}
	neg := false
	if strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") {
		neg = true
		s = strings.TrimSpace(s[1 : len(s)-1])
	}
	switch {
	case strings.HasPrefix(s, "-"):
		neg = !neg
		s = strings.TrimSpace(s[1:])
	case strings.HasPrefix(s, "\u2212"):
		neg = !neg
		s = strings.TrimSpace(s[len("\u2212"):])
	case strings.HasPrefix(s, "+"):
		s = strings.TrimSpace(s[1:])
	}
	mult := 1.0
	low := strings.ToLower(s)
	switch {
	case strings.HasSuffix(low, "bn"):
		mult, s = 1e9, s[:len(s)-2]
	case strings.HasSuffix(low, "mn"):
		mult, s = 1e6, s[:len(s)-2]
	case strings.HasSuffix(low, "k"):
		mult, s = 1e3, s[:len(s)-1]
	case strings.HasSuffix(low, "m"):
		mult, s = 1e6, s[:len(s)-1]
	}
	s = strings.TrimSpace(s)
	v, err := parsePlain(s, decimal)
	if err != nil {
		return 0, err
	}
	v *= mult
	if neg {
		v = -v
	}
	if math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, errors.New("number out of range")
	}
	return v, nil
}

// plainNumber is the fast path for the common cell: digits with at most
// one decimal separator and an optional leading minus.
func plainNumber(s string, decimal string) (float64, bool) {
	if s == "" || len(s) > 20 {
		return 0, false
	}
	dec := byte('.')
	if decimal == "," {
		dec = ','
	}
	digits, seps, frac := 0, 0, 0
	var mant uint64 // the digits as an integer; wraps past 19 digits, used only up to 15
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digits++
			frac += seps
			mant = mant*10 + uint64(c-'0')
		case c == dec:
			seps++
		case c == '-' && i == 0:
		default:
			return 0, false
		}
	}
	if digits == 0 || seps > 1 || s[len(s)-1] == dec {
		return 0, false
	}
	if digits <= 15 {
		// mant < 10^15 < 2^53 and 10^frac are exact floats, so one
		// division rounds correctly: the value strconv.ParseFloat returns.
		v := float64(mant)
		if frac > 0 {
			p := 10.0
			for range frac - 1 {
				p *= 10
			}
			v /= p
		}
		if s[0] == '-' {
			v = -v
		}
		return v, true
	}
	if seps == 1 && dec == ',' {
		s = strings.Replace(s, ",", ".", 1)
	}
	v, err := strconv.ParseFloat(s, 64)
	return v, err == nil
}

// parsePlain reads unsigned digits with optional thousands groups and one
// decimal separator.
func parsePlain(s string, decimal string) (float64, error) {
	if s == "" {
		return 0, errors.New("no digits")
	}
	dec, grp := byte('.'), byte(',')
	if decimal == "," {
		dec, grp = ',', '.'
	}
	// With a decimal comma, a lone "." that cannot be a thousands
	// separator (0.45, 1.5) is read as the decimal point.
	if dec == ',' && strings.IndexByte(s, ',') < 0 && strings.Count(s, ".") == 1 && !validGroups(s, '.') {
		dec, grp = '.', ','
	}
	intPart, frac := s, ""
	if i := strings.IndexByte(s, dec); i >= 0 {
		intPart, frac = s[:i], s[i+1:]
		if frac == "" || !allDigits(frac) {
			return 0, errors.New("bad decimals")
		}
	}
	if intPart == "" {
		intPart = "0"
	}
	var b strings.Builder
	b.Grow(len(s))
	if strings.IndexByte(intPart, grp) >= 0 || strings.IndexByte(intPart, ' ') >= 0 {
		if !validGroups(intPart, grp) {
			return 0, errors.New("bad thousands grouping")
		}
		for i := 0; i < len(intPart); i++ {
			if c := intPart[i]; c >= '0' && c <= '9' {
				b.WriteByte(c)
			}
		}
	} else {
		if !allDigits(intPart) {
			return 0, errors.New("not a number")
		}
		b.WriteString(intPart)
	}
	if frac != "" {
		b.WriteByte('.')
		b.WriteString(frac)
	}
	return strconv.ParseFloat(b.String(), 64)
}

// validGroups reports whether s is digits in thousands groups separated by
// grp or spaces: 1-3 digits, then groups of exactly 3.
func validGroups(s string, grp byte) bool {
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == rune(grp) || r == ' ' })
	if len(parts) == 0 {
		return false
	}
	// separators must be single
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] == grp || s[i] == ' ' {
			n++
		}
	}
	if n != len(parts)-1 || s[0] == grp || s[len(s)-1] == grp {
		return false
	}
	for i, p := range parts {
		if !allDigits(p) {
			return false
		}
		if i == 0 && (len(p) < 1 || len(p) > 3) || i > 0 && len(p) != 3 {
			return false
		}
	}
	return true
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// currencySymbols maps symbols to the currency they name ("$" and "¥" stand
// for several; see CurrencyMatches).
var currencySymbols = []struct{ sym, code string }{
	{"US$", "USD"}, {"A$", "AUD"}, {"C$", "CAD"}, {"NZ$", "NZD"}, {"HK$", "HKD"}, {"S$", "SGD"}, {"R$", "BRL"},
	{"$", "$"}, {"€", "EUR"}, {"£", "GBP"}, {"¥", "¥"}, {"₹", "INR"}, {"₩", "KRW"}, {"CHF", "CHF"}, {"Fr.", "CHF"},
	{"kr", "kr"},
}

// ParseMoney reads an amount: a number (see ParseNumber) optionally with a
// currency symbol or ISO code before or after it ($1,234, 1.234,5 €,
// EUR 12k). It returns the amount and the currency the cell named ("" when
// none; "$", "¥" and "kr" when only an ambiguous symbol was given).
func ParseMoney(s string, decimal string) (float64, string, error) {
	if v, ok := plainNumber(s, decimal); ok {
		return v, "", nil
	}
	s = normSpaces(s)
	if s == "" {
		return 0, "", ErrEmpty
	}
	neg := false
	if strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") {
		neg = true
		s = strings.TrimSpace(s[1 : len(s)-1])
	}
	if strings.HasPrefix(s, "-") && len(s) > 1 {
		neg = !neg
		s = strings.TrimSpace(s[1:])
	}
	code := ""
	for pass := 0; pass < 2; pass++ {
		if c, rest, ok := cutCurrency(s, true); ok && code == "" {
			code, s = c, rest
		}
		if c, rest, ok := cutCurrency(s, false); ok && code == "" {
			code, s = c, rest
		}
	}
	v, err := ParseNumber(s, decimal)
	if err != nil {
		return 0, "", err
	}
	if neg {
		v = -v
	}
	return v, code, nil
}

// cutCurrency removes a currency symbol or a three-letter code from the
// start (prefix) or end of s.
func cutCurrency(s string, prefix bool) (code, rest string, ok bool) {
	for _, cs := range currencySymbols {
		if prefix && strings.HasPrefix(s, cs.sym) {
			return cs.code, strings.TrimSpace(s[len(cs.sym):]), true
		}
		if !prefix && strings.HasSuffix(s, cs.sym) {
			return cs.code, strings.TrimSpace(s[:len(s)-len(cs.sym)]), true
		}
	}
	if len(s) < 4 {
		return "", s, false
	}
	var c string
	if prefix {
		c, rest = s[:3], s[3:]
	} else {
		c, rest = s[len(s)-3:], s[:len(s)-3]
	}
	if !isCurrencyCode(c) {
		return "", s, false
	}
	// The code must stand apart from the digits or touch them directly;
	// "1.1bn" must not lose "1bn".
	if prefix && rest[0] != ' ' && !isDigitOrSign(rest[0]) || !prefix && rest[len(rest)-1] != ' ' && !isDigit(rest[len(rest)-1]) {
		return "", s, false
	}
	return strings.ToUpper(c), strings.TrimSpace(rest), true
}

// ErrDash is a dash where an observation is wanted.
var ErrDash = errors.New("a dash is not a number")

// IsDash reports whether a cell holds only a dash (-, – or —), perhaps
// with a currency symbol or code: how an accounting number format shows
// zero ("$ -").
func IsDash(s string) bool {
	if !hasDash(s) {
		return false
	}
	s = normSpaces(s)
	for _, p := range []bool{true, false} {
		if _, rest, ok := cutCurrency(s, p); ok {
			s = rest
		}
	}
	return s == "-" || s == "\u2013" || s == "\u2014"
}

// hasDash reports whether s holds "-", "–" or "—", as
// strings.ContainsAny(s, "-–—") does, without decoding runes: the
// bytes of "–" and "—" can only start a rune.
func hasDash(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '-':
			return true
		case 0xE2:
			if t := s[i:]; strings.HasPrefix(t, "\u2013") || strings.HasPrefix(t, "\u2014") {
				return true
			}
		}
	}
	return false
}

func isDigit(b byte) bool       { return b >= '0' && b <= '9' }
func isDigitOrSign(b byte) bool { return isDigit(b) || b == '-' || b == '(' || b == '.' }

// CurrencyMatches reports whether a currency read from a cell is the site's.
// An ambiguous symbol matches every currency it can stand for.
func CurrencyMatches(code, site string) bool {
	switch code {
	case "", site:
		return true
	case "$":
		return strings.HasSuffix(site, "D") || site == "MXN" || site == "ARS" || site == "CLP" || site == "COP"
	case "¥":
		return site == "JPY" || site == "CNY"
	case "kr":
		return site == "SEK" || site == "NOK" || site == "DKK" || site == "ISK"
	}
	return false
}

// ParsePercent reads a share: 45% and 45 % are 0.45, 0.45 is 0.45, and a
// bare number above 1 and up to 100 is read as percent points (45 is
// 0.45). The result is a fraction from 0 to 1.
func ParsePercent(s string, decimal string) (float64, error) {
	s = normSpaces(s)
	if s == "" {
		return 0, ErrEmpty
	}
	if s == "-" || s == "\u2013" || s == "\u2014" {
		return 0, ErrEmpty // a dash in a share column means "not given"
	}
	if t, ok := strings.CutSuffix(s, "%"); ok {
		v, err := ParseNumber(t, decimal)
		if err != nil {
			return 0, err
		}
		if v < 0 || v > 100 {
			return 0, errors.New("percent outside 0–100%")
		}
		return v / 100, nil
	}
	v, err := ParseNumber(s, decimal)
	if err != nil {
		return 0, err
	}
	return PercentOf(v)
}

// PercentOf reads a bare number as a share (fraction up to 1, percent
// points up to 100).
func PercentOf(v float64) (float64, error) {
	switch {
	case v < 0 || v > 100 || math.IsNaN(v):
		return 0, errors.New("percent outside 0–100%")
	case v <= 1:
		return v, nil
	default:
		return v / 100, nil
	}
}

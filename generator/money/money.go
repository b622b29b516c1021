// Package money writes amounts of money: the one place opsalign formats
// money, for pages (Whole, Compact), the reasons of the scorecard (Exact)
// and the terminal (Whole without a currency).
//
// Amounts are float64 in the site currency, an ISO 4217 code such as
// "USD". Currencies with a symbol of their own (see Symbol) are written
// with it before the amount ("$1,250,000"); others with their code after it
// ("1,200 CHF"); no currency writes the bare number.
package money

import (
	"math"
	"strconv"
	"strings"
)

// Symbol returns the symbol written before amounts of a currency, or ""
// for a currency written by its code after the amount.
func Symbol(code string) string {
	switch code {
	case "USD":
		return "$"
	case "EUR":
		return "€"
	case "GBP":
		return "£"
	case "JPY", "CNY":
		return "¥"
	case "INR":
		return "₹"
	case "AUD":
		return "A$"
	case "CAD":
		return "C$"
	}
	return ""
}

// withCurrency puts the currency symbol or code on a formatted amount
// (without its sign).
func withCurrency(s, currency string) string {
	if sym := Symbol(currency); sym != "" {
		return sym + s
	}
	if currency != "" {
		return s + " " + currency
	}
	return s
}

// Whole writes an amount rounded to whole units (half away from zero) with
// thousands separators: "$1,250,000", "-€300", "1,200 CHF", "12" without a
// currency. An amount that rounds to zero has no sign.
func Whole(v float64, currency string) string {
	r := math.Round(v)
	s := withCurrency(Group(strconv.FormatFloat(math.Abs(r), 'f', 0, 64)), currency)
	if r < 0 {
		s = "-" + s
	}
	return s
}

// Compact writes an amount to three significant figures with a suffix k
// (thousands), M (millions) or bn (billions), for figures in prose and
// tiles where the exact amount stands in a table: 52,980,000 USD is
// "$53.0M", 8,651,370,896 USD "$8.65bn", 320,000 USD "$320k", 12,450 USD
// "$12.5k", 1,200,000 CHF "1.20M CHF". Amounts under a thousand are written
// whole ("$950"); an amount that rounds up to the next suffix takes it
// (999,999 is "$1.00M"). Negative amounts lead with "-" ("-$1.25M").
func Compact(v float64, currency string) string {
	a := math.Abs(v)
	var s string
	if r := math.Round(a); r < 1000 {
		s = strconv.FormatFloat(r, 'f', 0, 64)
		if r == 0 {
			return withCurrency(s, currency)
		}
	} else {
		s = compact(a)
	}
	s = withCurrency(s, currency)
	if v < 0 {
		s = "-" + s
	}
	return s
}

// compact writes a ≥ 999.5 to three significant figures with its suffix.
func compact(a float64) string {
	units := []struct {
		size   float64
		suffix string
	}{{1e3, "k"}, {1e6, "M"}, {1e9, "bn"}}
	u := 0
	for u+1 < len(units) && a >= units[u+1].size {
		u++
	}
	for {
		x := a / units[u].size
		dec := 0
		switch {
		case x < 10:
			dec = 2
		case x < 100:
			dec = 1
		}
		// Divided by a power of ten in one step (9995 / 10, not 9.995 ×
		// 100, which is 999.4999…): halves round as written.
		p := math.Pow10(dec)
		r := math.Round(a/(units[u].size/p)) / p
		if r >= 1000 && u+1 < len(units) {
			u++ // 999.95k rounds to 1000k: write 1.00M
			continue
		}
		if dec == 1 && r >= 100 || dec == 2 && r >= 10 {
			dec-- // 9.995 rounded up to 10.00: three figures are 10.0
		}
		digits := strconv.FormatFloat(r, 'f', dec, 64)
		whole, frac, _ := strings.Cut(digits, ".")
		if frac != "" {
			frac = "." + frac
		}
		return Group(whole) + frac + units[u].suffix
	}
}

// Exact writes an amount as the reasons of the scorecard quote it: the
// currency code first, thousands separators, and cents only when there
// are any: "USD 1,234,567", "USD 1,234,567.50", "USD -1,234.01"; "999"
// without a currency.
func Exact(v float64, currency string) string {
	neg := v < 0
	v = math.Abs(v)
	whole := math.Floor(v)
	cents := math.Round((v - whole) * 100)
	if cents == 100 {
		whole, cents = whole+1, 0
	}
	var buf [64]byte
	digits := strconv.AppendFloat(buf[:0], whole, 'f', 0, 64)
	b := make([]byte, 0, len(currency)+1+len(digits)*4/3+4)
	if currency != "" {
		b = append(b, currency...)
		b = append(b, ' ')
	}
	if neg {
		b = append(b, '-')
	}
	for i, c := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b = append(b, ',')
		}
		b = append(b, c)
	}
	if cents != 0 {
		b = append(b, '.', byte('0'+int(cents)/10), byte('0'+int(cents)%10))
	}
	return string(b)
}

// Group inserts thousands separators into a string of digits:
// "1234567" → "1,234,567".
func Group(digits string) string {
	if len(digits) <= 3 {
		return digits
	}
	var b strings.Builder
	b.Grow(len(digits) + len(digits)/3)
	pre := len(digits) % 3
	if pre > 0 {
		b.WriteString(digits[:pre])
	}
	for i := pre; i < len(digits); i += 3 {
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		b.WriteString(digits[i : i+3])
	}
	return b.String()
}

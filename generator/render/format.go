package render

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// Formatter formats figures for pages: money in the site currency, shares
// as percentages, numbers with fixed decimals. Templates reach it as
// .Fmt; its zero value formats money without a currency.
type Formatter struct {
	Currency string // ISO code such as "USD"
}

// symbol returns the symbol written before amounts of a currency, or ""
// for a currency written by its code after the amount ("1,200 CHF").
func symbol(code string) string {
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

// withCurrency puts the currency symbol or code on a formatted amount.
func (f Formatter) withCurrency(s string) string {
	if sym := symbol(f.Currency); sym != "" {
		return sym + s
	}
	if f.Currency != "" {
		return s + " " + f.Currency
	}
	return s
}

// Money formats an amount rounded to whole units with thousands
// separators: "$1,250,000", "-€300", "1,200 CHF".
func (f Formatter) Money(v float64) string {
	s := group(strconv.FormatFloat(math.Abs(math.Round(v)), 'f', 0, 64))
	s = f.withCurrency(s)
	if math.Round(v) < 0 {
		s = "-" + s
	}
	return s
}

// Compact formats an amount for prose and tiles with three significant
// digits and a scale: "$53.0M", "$8.65bn", "$950k", "$420"; tables keep
// the exact Money.
func (f Formatter) Compact(v float64) string {
	a := math.Abs(v)
	scales := []struct {
		div    float64
		suffix string
	}{{1e9, "bn"}, {1e6, "M"}, {1e3, "k"}}
	s := ""
	for i, sc := range scales {
		if a < sc.div {
			continue
		}
		x := a / sc.div
		digits := 2 - int(math.Floor(math.Log10(x)))
		x = roundTo(x, digits)
		if x >= 1000 && i > 0 { // 999.6k rounds to 1.00M
			x, sc = roundTo(x/1000, 2), scales[i-1]
			digits = 2
		}
		s = strconv.FormatFloat(x, 'f', max(digits, 0), 64) + sc.suffix
		break
	}
	if s == "" {
		s = group(strconv.FormatFloat(math.Round(a), 'f', 0, 64))
	}
	s = f.withCurrency(s)
	if v < 0 && s != f.withCurrency("0") {
		s = "-" + s
	}
	return s
}

// MoneyP formats *v as Money, or "–" when v is nil.
func (f Formatter) MoneyP(v *float64) string {
	if v == nil {
		return "–"
	}
	return f.Money(*v)
}

// Pct formats a share 0–1 as a whole percentage: 0.4213 → "42%", or "–"
// when it is nil (the figure could not be computed).
func (f Formatter) Pct(v *float64) string {
	if v == nil {
		return "–"
	}
	return f.Share(*v)
}

// Share formats a share 0–1 as a whole percentage.
func (f Formatter) Share(v float64) string {
	return strconv.FormatFloat(roundTo(v*100, 0), 'f', 0, 64) + "%"
}

// Num formats a number with up to two decimals and thousands separators,
// dropping trailing zeros: 1234.5 → "1,234.5", 3 → "3".
func (f Formatter) Num(v float64) string {
	s := strconv.FormatFloat(roundTo(v, 2), 'f', 2, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	int, frac, _ := strings.Cut(s, ".")
	s = group(int)
	if frac != "" {
		s += "." + frac
	}
	if neg && s != "0" {
		s = "-" + s
	}
	return s
}

// NumP formats *v as Num, or "–" when v is nil.
func (f Formatter) NumP(v *float64) string {
	if v == nil {
		return "–"
	}
	return f.Num(*v)
}

// Hours formats a duration in hours with one decimal: "5.3 h", or "–".
func (f Formatter) Hours(v *float64) string {
	if v == nil {
		return "–"
	}
	return strconv.FormatFloat(roundTo(*v, 1), 'f', 1, 64) + " h"
}

// IntP formats *v, or "–" when nil.
func (f Formatter) IntP(v *int) string {
	if v == nil {
		return "–"
	}
	return strconv.Itoa(*v)
}

// Date formats a date as 2026-09-30, or "–" for the zero time.
func (f Formatter) Date(t time.Time) string {
	if t.IsZero() {
		return "–"
	}
	return t.Format(time.DateOnly)
}

// DateTime formats an instant as 2026-09-30 14:05, or "–".
func (f Formatter) DateTime(t time.Time) string {
	if t.IsZero() {
		return "–"
	}
	return t.Format("2006-01-02 15:04")
}

// YesNo formats a flag.
func (f Formatter) YesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// roundTo rounds v to d decimals, half away from zero, and turns -0 into 0.
func roundTo(v float64, d int) float64 {
	p := math.Pow10(d)
	r := math.Round(v*p) / p
	if r == 0 {
		return 0
	}
	return r
}

// group inserts thousands separators into a string of digits.
func group(digits string) string {
	if len(digits) <= 3 {
		return digits
	}
	var b strings.Builder
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

package render

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/opsalign/opsalign/generator/money"
)

// Formatter formats figures for pages: money in the site currency, shares
// as percentages, numbers with fixed decimals. Templates reach it as
// .Fmt; its zero value formats money without a currency.
type Formatter struct {
	Currency string // ISO code such as "USD"
}

// Money formats an amount rounded to whole units with thousands
// separators: "$1,250,000", "-€300", "1,200 CHF" (money.Whole).
func (f Formatter) Money(v float64) string { return money.Whole(v, f.Currency) }

// Compact formats an amount to three significant figures with k, M or bn:
// "$53.0M", "$8.65bn", "$320k" (money.Compact), for figures in prose and
// tiles whose exact amount stands in a table.
func (f Formatter) Compact(v float64) string { return money.Compact(v, f.Currency) }

// CompactP formats *v as Compact, or "–" when v is nil.
func (f Formatter) CompactP(v *float64) string {
	if v == nil {
		return "–"
	}
	return f.Compact(*v)
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
	s = money.Group(int)
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

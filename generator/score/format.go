package score

import (
	"math"
	"strconv"
	"strings"
	"time"
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

// money writes an amount with thousands separators and the currency code:
// "USD 1,234,567" (cents only when there are any).
func money(v float64, currency string) string {
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

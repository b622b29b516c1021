package value

import (
	"math"
	"strconv"
	"strings"
	"testing"
	"time"
)

func plainNumberRef(s string, decimal string) (float64, bool) {
	if s == "" || len(s) > 20 {
		return 0, false
	}
	dec := byte('.')
	if decimal == "," {
		dec = ','
	}
	digits, seps := 0, 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digits++
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
	if seps == 1 && dec == ',' {
		s = strings.Replace(s, ",", ".", 1)
	}
	v, err := strconv.ParseFloat(s, 64)
	return v, err == nil
}

func checkPlainNumber(t *testing.T, s, dec string) {
	t.Helper()
	got, ok := plainNumber(s, dec)
	want, wantOK := plainNumberRef(s, dec)
	if ok != wantOK || math.Float64bits(got) != math.Float64bits(want) {
		t.Errorf("plainNumber(%q, %q) = %v, %v; want %v, %v", s, dec, got, ok, want, wantOK)
	}
}

func TestPlainNumberExact(t *testing.T) {
	for _, s := range []string{"0", "-0", "-0.0", "0.1", "0.2", "0.3", "-.5", ".5", "5.", "1.5", "1,5", "007", "-", "--5", "1.2.3",
		"999999999999999", "9999999999999999", "99999999999999999999", "999999999999999.9", "0.000000000000001", "0.0000000000000001",
		"123456789012345.6", "12345678.9012345", "9007199254740993", "4503599627370497.5", "0.30000000000000004", "1234.5678",
		"18446744073709551616", "1844674407370955161.6", "3.14159", "2.675", "1.005", "0.07", "46000.5", "12345678901234567890x"} {
		checkPlainNumber(t, s, ".")
		checkPlainNumber(t, s, ",")
		checkPlainNumber(t, strings.ReplaceAll(s, ".", ","), ",")
	}
	// every two-decimal amount up to 100 000, as money columns hold them
	for c := 0; c <= 10_000_000; c += 7 {
		s := strconv.Itoa(c/100) + "." + strconv.Itoa(100 + c%100)[1:]
		checkPlainNumber(t, s, ".")
	}
}

func FuzzPlainNumber(f *testing.F) {
	for _, s := range []string{"1234.5", "-0", "0.1", "999999999999999.9", "1,5", ".5"} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, s string, comma bool) {
		dec := "."
		if comma {
			dec = ","
		}
		checkPlainNumber(t, s, dec)
	})
}

func isoDayRef(s string) (time.Time, bool) {
	if !allDigits(s[:4]) || !allDigits(s[5:7]) || !allDigits(s[8:]) {
		return time.Time{}, false
	}
	y, m, d := atoi(s[:4]), atoi(s[5:7]), atoi(s[8:])
	if y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31 || d > daysIn(y, m) {
		return time.Time{}, false
	}
	return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC), true
}

func TestUTCDay(t *testing.T) {
	want := time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC)
	for want.Year() <= 9999 {
		y, m, d := want.Date()
		if got := utcDay(y, int(m), d); got != want {
			t.Fatalf("utcDay(%d, %d, %d) = %#v, want %#v", y, m, d, got, want)
		}
		want = want.AddDate(0, 0, 1)
		want = time.Date(want.Year(), want.Month(), want.Day(), 0, 0, 0, 0, time.UTC)
	}
}

func checkISODay(t *testing.T, s string) {
	t.Helper()
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return
	}
	got, ok := isoDay(s)
	want, wantOK := isoDayRef(s)
	if ok != wantOK || got != want {
		t.Errorf("isoDay(%q) = %v, %v; want %v, %v", s, got, ok, want, wantOK)
	}
}

func TestISODayExact(t *testing.T) {
	for _, s := range []string{"2026-03-15", "2024-02-29", "2023-02-29", "2100-02-29", "2000-02-29", "1900-01-01", "1899-12-31",
		"9999-12-31", "0000-01-01", "2026-00-10", "2026-13-01", "2026-04-31", "2026-04-00", "2026-1a-01", "+026-01-01", "2026-01-+1"} {
		checkISODay(t, s)
	}
}

func FuzzISODay(f *testing.F) {
	for _, s := range []string{"2026-03-15", "2024-02-29", "1899-12-31", "9999-12-31"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkISODay(t, s) })
}

func checkHasDash(t *testing.T, s string) {
	t.Helper()
	if got, want := hasDash(s), strings.ContainsAny(s, "-\u2013\u2014"); got != want {
		t.Errorf("hasDash(%q) = %v, want %v", s, got, want)
	}
}

func TestHasDash(t *testing.T) {
	for _, s := range []string{"", "-", "10001", "$ -", "\u2013", "\u2014", "\u2012", "\xe2\x80", "\xe2\xe2\x80\x93", "\x80\x93", "1\u20135", "x\xe2"} {
		checkHasDash(t, s)
	}
}

func FuzzHasDash(f *testing.F) {
	for _, s := range []string{"-", "\u2013", "\xe2\xe2\x80\x94", "12"} {
		f.Add(s)
	}
	f.Fuzz(checkHasDash)
}

package read

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"
)

// The fast paths must return exactly what the general code returns. Each
// reference below is the code as it was before its fast path.

// plainNumberRef is plainNumber reading every accepted cell with
// strconv.ParseFloat.
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

// isoDayRef is isoDay as it was: strconv digits and time.Date.
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

// TestUTCDay compares utcDay with time.Date on every day from 1900 to
// 9999, comparing the whole time.Time value (==, not Equal).
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

// splitListRef is splitList as it was, on strings.FieldsFunc.
func splitListRef(s string) []string {
	f := strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || r == '|' || r == '\n' || r == '\r' })
	out := f[:0]
	for _, x := range f {
		if x = cleanSpacesRef(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

// cleanSpacesRef is cleanSpaces as it was, trimming with unicode.IsSpace.
func cleanSpacesRef(s string) string {
	return strings.TrimFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '\ufeff' || r == '\u200b' })
}

func checkSplitList(t *testing.T, s string) {
	t.Helper()
	got, want := splitList(s), splitListRef(s)
	if got == nil || !slices.Equal(got, want) {
		t.Errorf("splitList(%q) = %#v, want %#v", s, got, want)
	}
	if got, want := cleanSpaces(s), cleanSpacesRef(s); got != want {
		t.Errorf("cleanSpaces(%q) = %q, want %q", s, got, want)
	}
}

func TestSplitListExact(t *testing.T) {
	for _, s := range []string{"", " ", ",", "M-01; M-02", " , M-01,, ", "M-01\r\nM-02", "a|b;c,d\ne\rf", "\u00a0M-01\u00a0, \ufeffM-02\u200b",
		"\t\v\f x \x85", "x\xff,\xfe y", "1,2,3,4,5,6,7,8,9,10,11", "\u2003é\u2003", "\x7f", " \x7f "} {
		checkSplitList(t, s)
	}
}

func FuzzSplitList(f *testing.F) {
	for _, s := range []string{"M-01; M-02", " , M-01,, ", "\u00a0M-01\u00a0, \ufeffM-02\u200b", "x\xff,\xfe y"} {
		f.Add(s)
	}
	f.Fuzz(checkSplitList)
}

// TestReaderList checks the slab-allocated lists: equal to splitList,
// never nil, capacity equal to length (an append by a caller must not
// overwrite the next list).
func TestReaderList(t *testing.T) {
	var rd reader
	var lists [][]string
	inputs := []string{"", "M-01; M-02", " , ", "a|b|c", strings.Repeat("x,", 100), "M-03"}
	for i := 0; i < 600; i++ {
		lists = append(lists, rd.list(inputs[i%len(inputs)]))
	}
	for i, l := range lists {
		want := splitList(inputs[i%len(inputs)])
		if l == nil || !slices.Equal(l, want) || cap(l) != len(l) {
			t.Fatalf("list %d = %q (cap %d), want %q", i, l, cap(l), want)
		}
	}
	_ = append(lists[1], "extra")
	if lists[2] == nil || len(lists[2]) != 0 || lists[3][0] != "a" {
		t.Errorf("an append to one list changed the next: %q, %q", lists[2], lists[3])
	}
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

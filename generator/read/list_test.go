package read

import (
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/opsalign/opsalign/generator/read/value"
)

// The fast paths must return exactly what the general code returns. Each
// reference below is the code as it was before its fast path.

// plainNumberRef is plainNumber reading every accepted cell with

// strconv.ParseFloat.

// isoDayRef is isoDay as it was: strconv digits and time.Date.

// TestUTCDay compares utcDay with time.Date on every day from 1900 to

// 9999, comparing the whole time.Time value (==, not Equal).

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

// cleanSpacesRef is value.CleanSpaces as it was, trimming with unicode.IsSpace.

func cleanSpacesRef(s string) string {
	return strings.TrimFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '\ufeff' || r == '\u200b' })
}

func checkSplitList(t *testing.T, s string) {
	t.Helper()
	got, want := splitList(s), splitListRef(s)
	if got == nil || !slices.Equal(got, want) {
		t.Errorf("splitList(%q) = %#v, want %#v", s, got, want)
	}
	if got, want := value.CleanSpaces(s), cleanSpacesRef(s); got != want {
		t.Errorf("value.CleanSpaces(%q) = %q, want %q", s, got, want)
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
func TestSplitList(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"M-01, M-02", []string{"M-01", "M-02"}},
		{"M-01;M-02|M-03", []string{"M-01", "M-02", "M-03"}},
		{"M-01\nM-02\r\nM-03", []string{"M-01", "M-02", "M-03"}},
		{" , M-01,, ", []string{"M-01"}},
		{"", []string{}},
	}
	for _, tt := range tests {
		got := splitList(tt.in)
		if len(got) != len(tt.want) {
			t.Errorf("splitList(%q) = %q, want %q", tt.in, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("splitList(%q) = %q, want %q", tt.in, got, tt.want)
			}
		}
	}
}

package export

import (
	"bytes"
	"encoding/xml"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/opsalign/opsalign/generator/model"
)

// TestSpliceSameBytes: the spliced rows are byte for byte what the
// StreamWriter writes, on hostile text (repeated down a column and not)
// and awkward numbers; a sheet with text excelize escapes (_xHHHH_) takes
// the StreamWriter.
func TestSpliceSameBytes(t *testing.T) {
	hostile := []string{
		" leading space", "trailing space ", "\tTab", "line\nfeed", "cr\r\nlf", "trail\n",
		`<b>&amp;"quoted" 'single'</b>`, "é ü 日本 😀", "bad \xff utf-8", "ctl \x01\x7f",
		"=1+1", "plain", "under_score", "a]]>b",
	}
	numbers := []float64{1.0 / 3, 1e-7, 123456.789, 1e21, 2.5e-300, 42, 123456789.123456789, -2.0 / 3}
	tests := []struct {
		name  string
		extra string // appended to every hostile text
	}{
		{"simple", ""},
		{"escaped by excelize", " _x0041_ _x005F_x0041_"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sc := scorecard()
			base := sc.Initiatives[0]
			for i, h := range hostile {
				in := base
				in.ID, in.Name, in.BusinessUnit = "INI-H"+h, h+tt.extra, h
				n := numbers[i%len(numbers)]
				in.Budget, in.Spend = n, &n
				// Two checks: the id, name, unit and reason repeat on
				// the next row (whose cells reuse the XML above them).
				in.Checks = []model.CheckResult{
					{ID: model.CheckOutcomeLinked, Principle: 1, Result: model.Pass, Reason: h + tt.extra},
					{ID: model.CheckPeakClear, Principle: 6, Result: model.Warn, Reason: h + tt.extra},
				}
				sc.Initiatives = append(sc.Initiatives, in)
			}
			for i, n := range numbers {
				m := sc.Metrics[0]
				m.ID, m.Name, m.Baseline, m.Target = "M-N", hostile[i], n, -n
				sc.Metrics = append(sc.Metrics, m)
			}
			var spliced, streamed bytes.Buffer
			if err := workbook(&spliced, sc, true); err != nil {
				t.Fatal(err)
			}
			if err := workbook(&streamed, sc, false); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(spliced.Bytes(), streamed.Bytes()) {
				t.Errorf("spliced workbook (%d bytes) differs from the streamed one (%d bytes)", spliced.Len(), streamed.Len())
			}
		})
	}
}

// appendEscaped escapes as xml.EscapeText with the line feeds kept, on
// hand-picked text and on every short string of awkward bytes.
func TestAppendEscaped(t *testing.T) {
	want := func(s string) string {
		var b bytes.Buffer
		xml.EscapeText(&b, []byte(s))
		return strings.ReplaceAll(b.String(), "&#xA;", "\n")
	}
	tests := []struct{ in, out string }{
		{"plain", "plain"},
		{`<b>&"q" 'a'</b>`, "&lt;b&gt;&amp;&#34;q&#34; &#39;a&#39;&lt;/b&gt;"},
		{"tab\there\r\nline", "tab&#x9;here&#xD;\nline"},
		{"ctl \x01 del \x7f", "ctl \uFFFD del \x7f"},
		{"bad \xff utf-8 \xe2\x82", "bad \uFFFD utf-8 \uFFFD\uFFFD"},
		{"é ü 日本 😀 \uFFFE", "é ü 日本 😀 \uFFFD"},
		{"&#xA;", "&amp;#xA;"},
	}
	for _, tt := range tests {
		if got := string(appendEscaped(nil, tt.in)); got != tt.out || got != want(tt.in) {
			t.Errorf("appendEscaped(%q) = %q, want %q (EscapeText: %q)", tt.in, got, tt.out, want(tt.in))
		}
	}
	alphabet := []string{"a", "\n", "\r", "\t", "&", "<", "\"", "'", "\x00", "\x7f", "\xc3", "\xa9", "\xef\xbf\xbd", "\xed\xa0\x80", "😀"}
	var walk func(prefix string, depth int)
	walk = func(prefix string, depth int) {
		if got := string(appendEscaped([]byte("x"), prefix)); got != "x"+want(prefix) {
			t.Fatalf("appendEscaped(%q) = %q, want %q", prefix, got[1:], want(prefix))
		}
		if depth == 0 {
			return
		}
		for _, a := range alphabet {
			walk(prefix+a, depth-1)
		}
	}
	walk("", 3)
}

// appendNumber writes what AppendFloat 'f' -1 writes, appendRounded
// what 'f' 0 writes.
func TestAppendNumber(t *testing.T) {
	xs := []float64{0, math.Copysign(0, -1), 1, -1, 4, 525000, -82831, 1e15 - 1, -(1e15 - 1), 1e15, 1e21, 0.5, -2.5,
		1.0 / 3, 123456.789, 2.5e-300, math.MaxInt64, math.Nextafter(1e15, 0), 9007199254740993}
	for i := range 2000 {
		xs = append(xs, float64(i*i*i)-5e8, float64(i)*1e9+0.25)
	}
	for _, x := range xs {
		if got, want := string(appendNumber([]byte("v"), x)), "v"+strconv.FormatFloat(x, 'f', -1, 64); got != want {
			t.Errorf("appendNumber(%v) = %q, want %q", x, got, want)
		}
		if got, want := string(appendRounded([]byte("v"), x)), "v"+strconv.FormatFloat(x, 'f', 0, 64); got != want {
			t.Errorf("appendRounded(%v) = %q, want %q", x, got, want)
		}
	}
}

// simpleText refuses a text excelize would escape (_xHHHH_) or truncate.
func TestSimpleText(t *testing.T) {
	for _, tt := range []struct {
		s    string
		want bool
	}{
		{"", true}, {"plain", true}, {"under_score", true}, {"_", true}, {"x_", true}, {"a_b_c", true},
		{"_x", false}, {"_x0041_", false}, {"a_b_x", false}, {"__x", false},
		{strings.Repeat("a", 32767), true}, {strings.Repeat("a", 32768), false},
	} {
		if got := simpleText(tt.s); got != tt.want {
			t.Errorf("simpleText(%.20q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}

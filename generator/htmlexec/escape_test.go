package htmlexec

import (
	"bytes"
	"errors"
	"html/template"
	"reflect"
	"strings"
	"testing"
)

// escaperCases are values a page shows: plain text, markup, entities,
// URLs of every scheme, CSS, numbers, bad UTF-8, NUL.
var escaperCases = []any{
	"", "plain", "O'Neill & <Sons> \"quoted\" a+b", "\x00nul", "bad \xff utf-8", "é ü 日本 🚀",
	"../initiatives/INI-001.html", "initiatives/INI 001#frag?q=a b&c=d", "javascript:alert(1)", "JavaScript:x",
	"http://example.com/a?b=c", "HTTPS://x", "mailto:a@b.c", "data:text/html,x", "a/b:c", "%41%zz%4", "~_-.",
	"#1f4e79", "300", "red;background:url(x)", "expression(x)", "moz-binding", "a--b", "-x", "10px",
	template.HTML("<b>bold</b> &amp; 'x'"), template.URL("javascript:ok"), template.JS(`{"a":1}`),
	template.JSStr(`a\"b`), template.CSS("color: red"), template.HTMLAttr(`title="x"`),
	7, -3, int64(1 << 40), uint8(200), true, false, 1.5, 1e21, 0.000012, float32(0.1), ptr(2.25), ptr(ptr("<p>")),
	ptr(template.HTML("<i>")), []string{"a", "<b>"}, struct{ A, B string }{"x", "<y>"}, map[string]int{"b": 2, "a": 1},
}

func ptr[T any](v T) *T { return &v }

// contexts are markup in which html/template puts each of the escapers
// the fast run knows, with the escaper chain it puts there.
var contexts = []struct {
	tmpl  string
	chain []string
}{
	{`<p>{{.}}</p>`, []string{"_html_template_htmlescaper"}},
	{`<p title="{{.}}"></p>`, []string{"_html_template_attrescaper"}},
	{`<title>{{.}}</title>`, []string{"_html_template_rcdataescaper"}},
	{`<a href="{{.}}"></a>`, []string{"_html_template_urlfilter", "_html_template_urlnormalizer", "_html_template_attrescaper"}},
	{`<a href="/x?q={{.}}"></a>`, []string{"_html_template_urlescaper", "_html_template_attrescaper"}},
	{`<script type="application/json">{{.}}</script>`, []string{"_html_template_jsvalescaper"}},
	{`<p style="height: {{.}}px"></p>`, []string{"_html_template_cssvaluefilter", "_html_template_attrescaper"}},
}

// Each escaper gives html/template's bytes, or declines (ok false) and
// leaves the value to html/template.
func TestEscapers(t *testing.T) {
	for _, c := range contexts {
		tm := template.Must(template.New("t").Parse(c.tmpl))
		// The chain html/template puts there is the one the case names.
		if err := tm.Execute(&bytes.Buffer{}, ""); err != nil {
			t.Fatal(err)
		}
		if got := tm.Tree.Root.String(); !strings.Contains(got, strings.Join(c.chain, " | ")) {
			t.Fatalf("%s escapes as %s, not %v", c.tmpl, got, c.chain)
		}
		open, close, _ := strings.Cut(c.tmpl, "{{.}}")
		handled := 0
		for _, v := range escaperCases {
			var want bytes.Buffer
			if err := tm.Execute(&want, v); err != nil {
				t.Fatal(err)
			}
			s, ct, ok := stringify(reflect.ValueOf(v))
			for _, name := range c.chain {
				if !ok {
					break
				}
				s, ok = escapers[name](s, ct)
				ct = contentTypePlain
			}
			if !ok {
				continue
			}
			handled++
			if got := open + s + close; got != want.String() {
				t.Errorf("%s with %#v:\n got %q\nwant %q", c.tmpl, v, got, want.String())
			}
		}
		if handled < 2 {
			t.Errorf("%s: only %d of %d values handled", c.tmpl, handled, len(escaperCases))
		}
	}
}

// A value fmt would print with a method is never stringified here.
func TestStringifyDeclinesMethods(t *testing.T) {
	for _, v := range []any{stringer("s"), ptr(stringer("p")), ptr(ptr(stringer("pp"))), (*string)(nil), errors.New("e")} {
		if _, _, ok := stringify(reflect.ValueOf(v)); ok {
			t.Errorf("stringify(%#v) handled", v)
		}
	}
}

type stringer string

func (s stringer) String() string { return "S" + string(s) }

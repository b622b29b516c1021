package htmlexec

import (
	"bytes"
	"html/template"
	"reflect"
	"strings"
	"testing"
)

// fuzzValue makes the value a case runs with: text as a string, as each
// of html/template's content types, as a number.
func fuzzValue(s string, kind uint8) any {
	switch kind % 8 {
	case 1:
		return template.HTML(s)
	case 2:
		return template.URL(s)
	case 3:
		return template.JS(s)
	case 4:
		return template.CSS(s)
	case 5:
		return template.HTMLAttr(s)
	case 6:
		return len(s) - 7
	case 7:
		return &s
	}
	return s
}

// fuzzPage puts a value in every context the fast run knows, and a
// struct's fields in text, attributes and a range.
const fuzzPage = `{{define "page"}}<p title="{{.V}}">{{.V}}</p><a href="{{.V}}">a</a><a href="/q?x={{.V}}&amp;y={{.S}}">b</a>` +
	`<textarea>{{.V}}</textarea><p style="height: {{.V}}px"></p><script type="application/json">{{.V}}</script>` +
	`<ul>{{range $i, $s := .L}}<li class="c{{$i}}" title="{{$s}}">{{if eq $s ""}}(blank){{else}}{{$s}}{{end}}</li>{{end}}</ul>` +
	`{{with .S}}<a href="{{$.Root}}{{.}}">{{.}}</a>{{end}}{{end}}`

type fuzzData struct {
	V    any
	S    string
	Root string
	L    []string
}

// Spreadsheet text reaches pages through htmlexec's escapers: every one
// of them, in its context, and a page of several, must give html/template's
// bytes (or leave the value to html/template).
func FuzzEscapers(f *testing.F) {
	for _, v := range escaperCases {
		if s, ok := v.(string); ok {
			f.Add(s, uint8(0))
		}
	}
	f.Add("<b>x</b>", uint8(1))
	f.Add("javascript:alert(1)", uint8(2))
	f.Add(`{"a":"</script>"}`, uint8(3))
	f.Add("red", uint8(4))
	f.Add(`title="x"`, uint8(5))
	f.Add("1234567", uint8(6))
	f.Add("a\x00b\xff", uint8(7))
	std := template.Must(template.New("").Parse(fuzzPage))
	set := New(template.Must(template.New("").Parse(fuzzPage)), nil)
	tms := make([]*template.Template, len(contexts))
	for i, c := range contexts {
		tms[i] = template.Must(template.New("t").Parse(c.tmpl))
	}
	f.Fuzz(func(t *testing.T, s string, kind uint8) {
		v := fuzzValue(s, kind)
		for i, c := range contexts {
			var want bytes.Buffer
			if err := tms[i].Execute(&want, v); err != nil {
				continue // html/template's error: the fast run would hand it back
			}
			str, ct, ok := stringify(reflect.ValueOf(v))
			for _, name := range c.chain {
				if !ok {
					break
				}
				str, ok = escapers[name](str, ct)
				ct = contentTypePlain
			}
			if !ok {
				continue
			}
			open, close, _ := strings.Cut(c.tmpl, "{{.}}")
			if got := open + str + close; got != want.String() {
				t.Fatalf("%s with %#v:\n got %q\nwant %q", c.tmpl, v, got, want.String())
			}
		}
		d := fuzzData{V: v, S: s, Root: "../", L: []string{s, "", s + "<"}}
		var want bytes.Buffer
		wantErr := std.ExecuteTemplate(&want, "page", d)
		for run := range 2 { // html/template's run the first time, then the fast one
			var got bytes.Buffer
			err := set.Execute(&got, "page", d)
			if (err == nil) != (wantErr == nil) || got.String() != want.String() {
				t.Fatalf("run %d with %#v:\n got %q, %v\nwant %q, %v", run, v, got.String(), err, want.String(), wantErr)
			}
		}
		if wantErr == nil && !set.Fast("page") {
			t.Fatalf("page not compiled: %s", set.Unsupported("page"))
		}
	})
}

// A template with an escaper the fast run does not know (here a string
// in a script, _html_template_jsstrescaper) is left to html/template,
// with its bytes.
func TestUnknownEscaperFallsBack(t *testing.T) {
	const src = `{{define "p"}}<p>{{.}}</p><script>var x = "{{.}}";</script>{{end}}`
	std := template.Must(template.New("").Parse(src))
	set := New(template.Must(template.New("").Parse(src)), nil)
	var want bytes.Buffer
	if err := std.ExecuteTemplate(&want, "p", `a"</script>`); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		var got bytes.Buffer
		if err := set.Execute(&got, "p", `a"</script>`); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("got %q, want %q", got.String(), want.String())
		}
	}
	if set.Fast("p") {
		t.Error("a template with _html_template_jsstrescaper runs fast")
	}
	if why := set.Unsupported("p"); !strings.Contains(why, "_html_template_jsstrescaper") {
		t.Errorf("Unsupported = %q, want it to name _html_template_jsstrescaper", why)
	}
}

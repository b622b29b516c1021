package htmlexec

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"strings"
	"testing"
)

type frame struct {
	*site
	Root, Title string
}

type site struct{ Name, Accent string }

func (f frame) Chrome(name string) (template.HTML, error) {
	if name == "fail" {
		return "", errors.New("no chrome")
	}
	return template.HTML("<" + name + " root=" + f.Root + ">"), nil
}

type row struct {
	ID, Name, Path string
	Sev            int
	Notes          []string
	Badge          *badge
	Tags           map[string]string
	secret         string
}

type badge struct{ Class, Label string }

func (b *badge) Text() string { return b.Label + "!" }

type page struct {
	frame
	Rows  []row
	Empty []row
	Count int
	Ptr   *row
	Any   any
	Flag  bool
	HTML  template.HTML
	JS    template.JS
	Str   stringer
}

func (p *page) Greet(who string, n int) string { return fmt.Sprintf("hi %s %d", who, n) }

const testTemplates = `
{{define "base"}}{{$f := .}}<html style="--accent: {{$f.Accent}}"><title>{{.Title}} · {{$f.Name}}</title>
{{$f.Chrome "nav"}}{{template "main" .}}</html>{{end}}
{{define "main"}}{{$root := .Root}}
{{range $i, $r := .Rows}}{{if $i}}, {{end}}<a href="{{$root}}{{$r.Path}}" title="{{.Name}}">{{.ID}}</a>{{if eq .Sev 1 2}} sev{{.Sev}}{{else if gt .Sev 2}} low{{else}} none{{end}}{{end}}
{{range .Empty}}x{{else}}<p>none</p>{{end}}
{{with .Ptr}}<b>{{.Name}}</b>{{else}}<i>no ptr</i>{{end}}
{{if and .Flag (not .Empty)}}and{{end}}{{if or .Empty .Count}}or {{.Count}}{{end}} len={{len .Rows}} {{if lt .Count 3}}lt{{end}}{{if ne .Title "x"}}ne{{end}}
{{.HTML}} <script type="application/json">{{.JS}}</script>
{{range .Rows}}{{with .Badge}}<span class="{{.Class}}">{{.Text}}</span>{{end}}{{range .Notes}}[{{.}}]{{end}}{{template "cell" .}}{{end}}
{{up .Title}} {{join "a" .Title}} {{.Greet "you" 3}} {{(up .Root)}} {{partial "badge" .Ptr}}
{{end}}
{{define "cell"}}<code>{{.Path}}</code>{{end}}
{{define "badge"}}{{if .}}<em>{{.Name}}</em>{{end}}{{end}}
{{define "maprange"}}{{range $k, $v := .Rows}}{{range $kk, $vv := .Tags}}{{$kk}}={{$vv}};{{end}}{{end}}{{end}}
{{define "mapfield"}}{{range .Rows}}{{.Tags.a}}{{end}}{{end}}
{{define "unexported"}}{{range .Rows}}{{.secret}}{{end}}{{end}}
{{define "nilptr"}}{{.Ptr.Name}}{{end}}
{{define "chromefail"}}{{.Chrome "fail"}}{{end}}
{{define "stringer"}}<p>{{.Str}}</p>{{end}}
{{define "anyfield"}}{{.Any}}{{end}}
{{define "printf"}}{{printf "%d" .Count}}{{end}}
{{define "float"}}{{if gt .Count 1.5}}x{{end}}{{end}}
{{define "attrhtml"}}<p title="{{.HTML}}"></p>{{end}}
{{define "chains"}}{{.In.Deep.Leaf}}|{{.In.Name}}|{{.P.Name}}|{{.In.Shout}}|{{with .In}}{{.Deep.Leaf}}{{end}}|{{$o := .}}{{$o.In.Deep.Leaf}}|{{.Any.Deep.Leaf}}|{{if .In.Deep.Leaf}}y{{end}}{{end}}
{{define "leaf"}}{{.In.Deep.Leaf}} {{.In.Name}}{{end}}
{{define "tree"}}{{$n := .Name}}{{.Name}}{{range .Kids}}({{template "tree" .}}{{$n}}){{end}}{{end}}
`

// Chains of fields (evalChain's cached paths).
type outer struct {
	In  inner
	P   *inner
	Any any
}

type inner struct {
	Deep deep
	Name string
}

type deep struct{ Leaf string }

func (i inner) Shout() string { return strings.ToUpper(i.Name) }

// other has the names of outer with other types: a chain cached for one
// is not taken for the other.
type other struct {
	Pad string
	In  struct {
		Name int
		Deep struct {
			Pad  string
			Leaf int
		}
	}
}

func testOuter() outer {
	in := inner{Deep: deep{Leaf: "leaf <1>"}, Name: "in & out"}
	return outer{In: in, P: &inner{Name: "ptr"}, Any: in}
}

type tree struct {
	Name string
	Kids []tree
}

// newTestSet parses testTemplates twice: one set for html/template, one
// for htmlexec, each with its own functions.
func newTestSet(t *testing.T) (*template.Template, *Set) {
	t.Helper()
	mk := func() (*template.Template, template.FuncMap) {
		var tm *template.Template
		fm := template.FuncMap{
			"up":   strings.ToUpper,
			"join": func(a string, b ...string) string { return a + strings.Join(b, "+") },
		}
		tm = template.New("").Funcs(fm)
		partial := func(name string, data any) (template.HTML, error) {
			var buf bytes.Buffer
			err := tm.ExecuteTemplate(&buf, name, data)
			return template.HTML(buf.String()), err
		}
		tm.Funcs(template.FuncMap{"partial": partial})
		fm["partial"] = partial
		template.Must(tm.Parse(testTemplates))
		return tm, fm
	}
	std, _ := mk()
	fast, fm := mk()
	return std, New(fast, fm)
}

func testPage() *page {
	s := &site{Name: "Site <1>", Accent: "#1f4e79"}
	return &page{
		frame: frame{site: s, Root: "../", Title: "O'Neill & co"},
		Rows: []row{
			{ID: "INI-1", Name: "A \"quoted\"", Path: "initiatives/INI-1.html", Sev: 1, Notes: []string{"n1", "<n2>"},
				Badge: &badge{Class: "verdict verdict-at_risk", Label: "At risk"}, Tags: map[string]string{"b": "2", "a": "1"}, secret: "s"},
			{ID: "INI-2", Name: "B", Path: "javascript:alert(1)", Sev: 4},
			{ID: "INI-3", Name: "C", Path: "x y?z=1&w", Sev: 0},
		},
		Count: 2,
		Ptr:   &row{Name: "ptr <row>"},
		Flag:  true,
		HTML:  "<b>ok</b>",
		JS:    `{"a":"<\u0026>"}`,
		Str:   "str",
		Any:   7,
	}
}

// Every template gives html/template's bytes and errors, the first time
// (html/template's run) and after (the fast run, or html/template again
// when the template or its data holds what the fast run leaves to it).
func TestExecuteAsHTMLTemplate(t *testing.T) {
	tests := []struct {
		name string
		data func() any
		fast bool // runs fast from the second execution on
	}{
		{"base", func() any { return testPage() }, true},
		{"main", func() any { return testPage() }, true},
		{"main", func() any { p := testPage(); p.Ptr, p.Flag, p.Count, p.Rows = nil, false, 0, nil; return p }, true},
		{"cell", func() any { return row{Path: "<p>"} }, true},
		{"badge", func() any { return nil }, true},
		{"maprange", func() any { return testPage() }, true}, // compiles; the map falls back at run time
		{"mapfield", func() any { return testPage() }, true},
		{"unexported", func() any { return testPage() }, true},
		{"nilptr", func() any { p := testPage(); p.Ptr = nil; return p }, true},
		{"chromefail", func() any { return testPage() }, true},
		{"stringer", func() any { return testPage() }, true},
		{"anyfield", func() any { return testPage() }, true},
		{"printf", func() any { return testPage() }, false},
		{"float", func() any { return testPage() }, false},
		{"attrhtml", func() any { return testPage() }, true},
		{"chains", func() any { return testOuter() }, true},
		{"chains", func() any { o := testOuter(); return &o }, true},
		{"chains", func() any { o := testOuter(); o.P = nil; return o }, true}, // nil on the way: html/template's error
		{"leaf", func() any { return other{} }, true},
		{"tree", func() any {
			return tree{"a", []tree{{"b", []tree{{"c", nil}, {"d<", nil}}}, {"e", nil}}}
		}, true},
	}
	for _, tt := range tests {
		std, set := newTestSet(t)
		var want bytes.Buffer
		wantErr := std.ExecuteTemplate(&want, tt.name, tt.data())
		for run := range 3 {
			var got bytes.Buffer
			got.WriteString("kept:")
			err := set.Execute(&got, tt.name, tt.data())
			if (err == nil) != (wantErr == nil) || err != nil && err.Error() != wantErr.Error() {
				t.Errorf("%s run %d: error %v, want %v", tt.name, run, err, wantErr)
			}
			if got.String() != "kept:"+want.String() {
				t.Errorf("%s run %d:\n got %q\nwant %q", tt.name, run, got.String(), "kept:"+want.String())
			}
		}
		if fast := set.Fast(tt.name); fast != tt.fast && wantErr == nil {
			t.Errorf("%s: Fast = %v, want %v", tt.name, fast, tt.fast)
		}
	}
}

// A chain's cached path is taken only for the receiver type it was made
// for: one template run with values of two types with the same names.
func TestChainTypes(t *testing.T) {
	std, set := newTestSet(t)
	o := other{Pad: "pad"}
	o.In.Deep.Leaf, o.In.Name, o.In.Deep.Pad = 7, -3, "deep pad"
	for run, data := range []any{testOuter(), o, testOuter(), &o, other{}, testOuter()} {
		var want, got bytes.Buffer
		wantErr := std.ExecuteTemplate(&want, "leaf", data)
		err := set.Execute(&got, "leaf", data)
		if (err == nil) != (wantErr == nil) || got.String() != want.String() {
			t.Errorf("run %d (%T): %q, %v; want %q, %v", run, data, got.String(), err, want.String(), wantErr)
		}
	}
	if set.Fallbacks() != 0 {
		t.Errorf("%d fallbacks (%s)", set.Fallbacks(), set.LastFallback())
	}
}

// The fast run takes the values it handles itself: the page above runs
// without falling back to html/template.
func TestFastRunTakesPage(t *testing.T) {
	_, set := newTestSet(t)
	var buf bytes.Buffer
	if err := set.Execute(&buf, "base", testPage()); err != nil {
		t.Fatal(err)
	}
	p := set.progs["base"]
	buf.Reset()
	if !set.run(&buf, p, testPage()) {
		t.Fatal("the fast run fell back to html/template")
	}
}

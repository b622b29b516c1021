package render

import (
	"bytes"
	"html/template"
	"testing"

	"github.com/opsalign/opsalign/generator/model"
)

// hostile holds every character html/template escapes, and a few it keeps.
const hostile = "<script>alert('x')</script> \"q\" a+b & \x00 é \u2028 \xff"

// TestRowsHTMLLikeTemplate checks the Go-written rows against the
// template loops they replace, on text holding every escaped character.
func TestRowsHTMLLikeTemplate(t *testing.T) {
	loops := template.Must(template.New("").Funcs(funcs()).Parse(
		`{{define "badge"}}<span class="{{.Class}}">{{.Label}}</span>{{end}}` +
			`{{define "fields"}}{{- range .Fields}}
<tr><th scope="row">{{.Label}}</th><td>{{.Value}}</td><td><code>{{.Ref}}</code></td></tr>
{{- end}}{{end}}` +
			`{{define "checks"}}{{- range .}}
<tr class="row-{{.Result}}"><td class="num">{{if .Principle}}{{.Principle}}{{else}}–{{end}}</td><th scope="row">{{.Title}} <code class="id">{{.ID}}</code></th><td>{{template "badge" .Badge}}</td><td>{{.Reason}}</td></tr>
{{- end}}{{end}}` +
			`{{define "go-checks"}}{{checkRows .}}{{end}}`))
	bindPartial(loops)
	v := &InitiativeView{Fields: []FieldRow{{Label: hostile, Value: hostile, Ref: hostile}, {Label: "Budget", Value: "1,000", Ref: "r.xlsx:R!B2"}}}
	checks := []CheckRow{
		{ID: hostile, Title: hostile, Principle: 3, Result: model.Result(hostile), Badge: Badge{Class: hostile, Label: hostile}, Reason: hostile},
		{ID: "peak_clear", Title: "Sequencing", Result: model.Pass, Badge: Badge{Class: "result result-pass", Label: "Pass"}, Reason: "ok"},
	}
	run := func(name string, data any) string {
		var buf bytes.Buffer
		if err := loops.ExecuteTemplate(&buf, name, data); err != nil {
			t.Fatal(err)
		}
		return buf.String()
	}
	if got, want := string(v.FieldRowsHTML()), run("fields", v); got != want {
		t.Errorf("FieldRowsHTML:\n got %q\nwant %q", got, want)
	}
	if got, want := run("go-checks", checks), run("checks", checks); got != want {
		t.Errorf("checkRows:\n got %q\nwant %q", got, want)
	}
}

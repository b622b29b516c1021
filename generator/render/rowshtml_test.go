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

// TestInitiativeRowsLikeTemplate checks the Go-written initiatives index
// rows against the theme's loop, and that a link html/template would
// rewrite leaves the rows to the loop.
func TestInitiativeRowsLikeTemplate(t *testing.T) {
	loops := template.Must(template.New("").Funcs(funcs()).Parse(
		`{{define "badge"}}<span class="{{.Class}}">{{.Label}}</span>{{end}}` +
			`{{define "loop"}}{{$root := .Root}}{{- range .Rows}}
<tr><th scope="row"><a href="{{$root}}{{.Path}}">{{.ID}}</a></th><td>{{.Name}}</td><td>{{.Unit}}</td><td>{{.CategoryText}}</td><td>{{.Owners}}</td><td class="num" data-sort="{{.Budget}}">{{.BudgetText}}</td><td class="num" data-sort="{{with .Spend}}{{.}}{{end}}">{{.SpendText}}</td><td class="num" data-sort="{{with .Score}}{{.}}{{end}}">{{.ScoreText}}</td><td data-sort="{{.Verdict}}">{{partial "badge" .VerdictBadge}}</td>
{{- range .Checks}}<td class="check" data-sort="{{.Result}}" title="{{.Reason}}">{{partial "badge" .Badge}}</td>{{end}}
</tr>
{{- end}}{{end}}` +
			`{{define "go"}}{{initiativeRows .Root .Rows}}{{end}}`))
	bindPartial(loops)
	spend, score := 1234567.5, 0
	rows := []InitiativeRow{
		{ID: hostile, Path: "initiatives/~3Cx~3E.html", Name: hostile, Unit: hostile, CategoryText: hostile, Owners: hostile,
			Budget: 1.25e6, BudgetText: hostile, Spend: &spend, SpendText: hostile, Score: &score, ScoreText: hostile,
			Verdict: model.Verdict(hostile), VerdictBadge: Badge{Class: hostile, Label: hostile},
			Checks: []CheckRow{{Result: model.Result(hostile), Reason: hostile, Badge: Badge{Class: "c", Label: hostile}}}},
		{ID: "INI-2", Path: "initiatives/INI-2.html", Budget: 0.1, Verdict: model.Aligned},
	}
	run := func(name string, root string) string {
		var buf bytes.Buffer
		if err := loops.ExecuteTemplate(&buf, name, struct {
			Root string
			Rows []InitiativeRow
		}{root, rows}); err != nil {
			t.Fatal(err)
		}
		return buf.String()
	}
	if got, want := run("go", "../"), run("loop", "../"); got != want || got == "" {
		t.Errorf("initiativeRows:\n got %q\nwant %q", got, want)
	}
	if got := run("go", "javascript:"); got != "" {
		t.Errorf("initiativeRows with a root html/template rewrites = %q, want empty", got)
	}
}

// TestIncidentRowsLikeTemplate checks the Go-written incident rows against
// the theme's loop.
func TestIncidentRowsLikeTemplate(t *testing.T) {
	loops := template.Must(template.New("").Funcs(funcs()).Parse(
		`{{define "link" -}}
{{if .Link.Path}}<a href="{{.Root}}{{.Link.Path}}">{{.Link.Text}}</a>{{else}}{{.Link.Text}}{{end}}
{{- end}}` +
			`{{define "loop"}}{{$root := .Root}}{{- range .Rows}}
<tr><th scope="row">{{.ID}}</th><td class="num">{{.Severity}}</td><td>{{.Opened}}</td><td>{{.Resolved}}</td><td>{{template "link" (link $root .Initiative)}}</td><td>{{.Unit}}</td><td>{{.Service}}</td><td><code>{{.Ref}}</code></td></tr>
{{- end}}{{end}}` +
			`{{define "go"}}{{incidentRows .Root .Rows}}{{end}}`))
	rows := []IncidentRow{
		{ID: hostile, Opened: hostile, Resolved: hostile, Severity: -2, Initiative: Link{Path: "initiatives/a~3C.html", Text: hostile}, Unit: hostile, Service: hostile, Ref: hostile},
		{ID: "INC-2", Severity: 1, Initiative: Link{Text: hostile}},
	}
	run := func(name, root string, rows []IncidentRow) string {
		var buf bytes.Buffer
		if err := loops.ExecuteTemplate(&buf, name, struct {
			Root string
			Rows []IncidentRow
		}{root, rows}); err != nil {
			t.Fatal(err)
		}
		return buf.String()
	}
	if got, want := run("go", "../", rows), run("loop", "../", rows); got != want || got == "" {
		t.Errorf("incidentRows:\n got %q\nwant %q", got, want)
	}
	if got := run("go", "a:", rows); got != "" {
		t.Errorf("incidentRows with a root html/template rewrites = %q, want empty", got)
	}
	if got := run("go", "", nil); got != "" {
		t.Errorf("incidentRows of none = %q, want empty", got)
	}
}

// TestScoreboardRowsLikeTemplate checks the Go-written scoreboard rows
// against the theme's loop, and that a link html/template would rewrite
// leaves the rows to the loop.
func TestScoreboardRowsLikeTemplate(t *testing.T) {
	loops := template.Must(template.New("").Funcs(funcs()).Parse(
		`{{define "loop"}}{{$root := .Root}}{{- range .Rows}}
<tr><th scope="row"><a href="{{$root}}{{.Path}}">{{.ID}}</a></th><td>{{.Name}}</td><td>{{.Direction}}</td><td class="num">{{.BaselineText}}</td><td class="num">{{.TargetText}}</td><td class="num">{{.LatestText}}</td><td>{{.LatestPeriod}}</td><td class="num" data-sort="{{with .Progress}}{{.}}{{end}}">{{.ProgressText}}</td><td>{{range $i, $l := .Initiatives}}{{if $i}}, {{end}}{{if $l.Path}}<a href="{{$root}}{{$l.Path}}">{{$l.Text}}</a>{{else}}{{$l.Text}}{{end}}{{end}}</td></tr>
{{- end}}{{end}}` +
			`{{define "go"}}{{scoreboardRows .Root .Rows}}{{end}}`))
	progress := 0.075
	rows := []MetricRow{
		{ID: hostile, Path: "metrics/~3Cm~3E.html", Name: hostile, Direction: model.Direction(hostile), BaselineText: hostile, TargetText: hostile,
			LatestText: hostile, LatestPeriod: hostile, Progress: &progress, ProgressText: hostile,
			Initiatives: []Link{{Path: "initiatives/~3Ci~3E.html", Text: hostile}, {Text: hostile}, {Path: "initiatives/INI-2.html", Text: "INI-2"}}},
		{ID: "M-2", Path: "metrics/M-2.html", Direction: model.Higher},
	}
	run := func(name, root string, rows []MetricRow) string {
		var buf bytes.Buffer
		if err := loops.ExecuteTemplate(&buf, name, struct {
			Root string
			Rows []MetricRow
		}{root, rows}); err != nil {
			t.Fatal(err)
		}
		return buf.String()
	}
	if got, want := run("go", "../", rows), run("loop", "../", rows); got != want || got == "" {
		t.Errorf("scoreboardRows:\n got %q\nwant %q", got, want)
	}
	if got := run("go", "a:", rows); got != "" {
		t.Errorf("scoreboardRows with a root html/template rewrites = %q, want empty", got)
	}
	bad := []MetricRow{{ID: "M", Path: "metrics/M.html", Initiatives: []Link{{Path: "javascript:alert(1)", Text: "x"}}}}
	if got := run("go", "", bad); got != "" {
		t.Errorf("scoreboardRows with a link html/template rewrites = %q, want empty", got)
	}
	if got := run("go", "", nil); got != "" {
		t.Errorf("scoreboardRows of none = %q, want empty", got)
	}
}

// TestLinkItemsLikeTemplate checks the Go-written list items against the
// theme's loop.
func TestLinkItemsLikeTemplate(t *testing.T) {
	loops := template.Must(template.New("").Funcs(funcs()).Parse(
		`{{define "link" -}}
{{if .Link.Path}}<a href="{{.Root}}{{.Link.Path}}">{{.Link.Text}}</a>{{else}}{{.Link.Text}}{{end}}
{{- end}}` +
			`{{define "loop"}}{{$root := .Root}}{{- range .Links}}
<li>{{template "link" (link $root .)}}</li>
{{- end}}{{end}}` +
			`{{define "go"}}{{linkItems .Root .Links}}{{end}}`))
	links := []Link{{Path: "initiatives/~3Ci~3E.html", Text: hostile}, {Text: hostile}, {Path: "initiatives/INI-2.html", Text: "INI-2"}}
	run := func(name, root string, links []Link) string {
		var buf bytes.Buffer
		if err := loops.ExecuteTemplate(&buf, name, struct {
			Root  string
			Links []Link
		}{root, links}); err != nil {
			t.Fatal(err)
		}
		return buf.String()
	}
	if got, want := run("go", "../", links), run("loop", "../", links); got != want || got == "" {
		t.Errorf("linkItems:\n got %q\nwant %q", got, want)
	}
	if got := run("go", "../", []Link{{Path: "javascript:x", Text: "x"}}); got != "" {
		t.Errorf("linkItems with a link html/template rewrites = %q, want empty", got)
	}
	if got := run("go", "", nil); got != "" {
		t.Errorf("linkItems of none = %q, want empty", got)
	}
}

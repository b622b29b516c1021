package render

import (
	"bytes"
	"html/template"
	"strconv"
	"testing"
)

func TestPartial(t *testing.T) {
	set := template.Must(template.New("").Funcs(funcs()).Parse(
		`{{define "b"}}<b>{{.Label}}</b>{{end}}` +
			`{{define "s"}}{{range .}}[{{.}}]{{end}}{{end}}` +
			`{{define "page"}}{{partial "b" .B}} {{partial "b" .B}} {{partial "s" .S}}{{end}}`))
	bindPartial(set)
	tests := []struct {
		name string
		data any
		want string
	}{
		{"comparable data", struct {
			B Badge
			S []string
		}{Badge{Label: "<x>"}, []string{"a", "b"}}, "<b>&lt;x&gt;</b> <b>&lt;x&gt;</b> [a][b]"},
		{"same badge again, other slice", struct {
			B Badge
			S []string
		}{Badge{Label: "<x>"}, []string{"c"}}, "<b>&lt;x&gt;</b> <b>&lt;x&gt;</b> [c]"},
		{"other badge", struct {
			B Badge
			S []string
		}{Badge{Label: "y"}, nil}, "<b>y</b> <b>y</b> "},
	}
	for _, tt := range tests {
		var buf bytes.Buffer
		if err := set.ExecuteTemplate(&buf, "page", tt.data); err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if buf.String() != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, buf.String(), tt.want)
		}
	}
}

func TestPartialCacheBound(t *testing.T) {
	set := template.Must(template.New("b").Parse(`{{.}}`))
	c := &partialCache{t: set}
	for i := range maxPartials + 10 {
		h, err := c.exec("b", i)
		if err != nil {
			t.Fatal(err)
		}
		if want := template.HTML(strconv.Itoa(i)); h != want {
			t.Fatalf("exec(%d) = %q, want %q", i, h, want)
		}
	}
	if n := c.n.Load(); n != maxPartials {
		t.Errorf("cache holds %d outputs, want %d", n, maxPartials)
	}
}

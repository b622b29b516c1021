package render

import (
	"bytes"
	"html/template"
	"strconv"
	"testing"

	"github.com/opsalign/opsalign/generator/htmlexec"
)

func TestPartial(t *testing.T) {
	set := template.Must(template.New("").Funcs(funcs()).Parse(
		`{{define "b"}}<b>{{.Label}}</b>{{end}}` +
			`{{define "s"}}{{range .}}[{{.}}]{{end}}{{end}}` +
			`{{define "page"}}{{partial "b" .B}} {{partial "b" .B}} {{partial "s" .S}}{{end}}`))
	p := newPartials(set)
	tests := []struct {
		name string
		data any
		want string
	}{
		{"badge", struct {
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
	for _, tt := range append(tests, tests...) { // the second time through htmlexec's fast run
		var buf bytes.Buffer
		if err := p.t.Execute(&buf, "page", tt.data); err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if buf.String() != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, buf.String(), tt.want)
		}
	}
	if n := len(p.badges.m); n != 2 {
		t.Errorf("badge memo holds %d outputs, want 2", n)
	}
}

// A memo never holds more than its max outputs, and stays right when it
// starts again.
func TestMemoBound(t *testing.T) {
	set := htmlexec.New(template.Must(template.New("b").Parse(`{{.}}`)), nil)
	c := memo[int]{max: 100}
	for i := range c.max + 10 {
		h, err := c.get(set, "b", i)
		if err != nil {
			t.Fatal(err)
		}
		if want := template.HTML(strconv.Itoa(i)); h != want {
			t.Fatalf("get(%d) = %q, want %q", i, h, want)
		}
		if len(c.m) > c.max {
			t.Fatalf("memo holds %d outputs, more than %d", len(c.m), c.max)
		}
	}
	if h, _ := c.get(set, "b", 3); h != "3" {
		t.Errorf("get(3) after a restart = %q", h)
	}
}

package render

import (
	"bytes"
	"hash/maphash"
	"html/template"
	"reflect"
	"strconv"
	"testing"

	"github.com/opsalign/opsalign/generator/htmlexec"
	"github.com/opsalign/opsalign/generator/model"
	"github.com/opsalign/opsalign/themes"
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
	if n := p.badges.len(); n != 2 {
		t.Errorf("badge memo holds %d outputs, want 2", n)
	}
}

// A memo never holds more than its max outputs, and stays right when it
// starts again.
func TestMemoBound(t *testing.T) {
	set := htmlexec.New(template.Must(template.New("b").Parse(`{{.}}`)), nil)
	var c memo[int]
	c.init(100)
	for i := range c.max + 10 {
		h, err := c.get(set, "b", i)
		if err != nil {
			t.Fatal(err)
		}
		if want := template.HTML(strconv.Itoa(i)); h != want {
			t.Fatalf("get(%d) = %q, want %q", i, h, want)
		}
		if c.len() > c.max {
			t.Fatalf("memo holds %d outputs, more than %d", c.len(), c.max)
		}
	}
	if h, _ := c.get(set, "b", 3); h != "3" {
		t.Errorf("get(3) after a restart = %q", h)
	}
}

// expect sizes the memo's next map to at most max outputs and keeps the
// outputs of a map already made; a build's Jobs presizes the initiative
// layout's check rows at four a page.
func TestMemoExpect(t *testing.T) {
	set := htmlexec.New(template.Must(template.New("b").Parse(`{{.}}`)), nil)
	for _, tt := range []struct{ max, n, want int }{
		{max: 100, n: 40, want: 40},
		{max: 100, n: 100, want: 100},
		{max: 100, n: 4000, want: 100},
		{max: 100, n: 0, want: 0},
	} {
		var c memo[int]
		c.init(tt.max)
		c.expect(tt.n)
		if c.hint != tt.want {
			t.Errorf("max %d, expect(%d): hint %d, want %d", tt.max, tt.n, c.hint, tt.want)
		}
	}
	var c memo[int]
	c.init(100)
	if _, err := c.get(set, "b", 7); err != nil {
		t.Fatal(err)
	}
	c.expect(50)
	k := memoKey[int]{"b", 7}
	if h, ok := c.lookup(k, maphash.Comparable(c.seed, k)); c.len() != 1 || !ok || h != "7" {
		t.Errorf("expect dropped the memo's outputs: %d, %q", c.len(), h)
	}

	for _, tt := range []struct{ pages, want int }{{pages: 10, want: 40}, {pages: 10000, want: 1 << 15}} {
		cfg, ds, sc := bigFixture(tt.pages)
		e, err := Parse(themes.Default(), nil)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := e.Jobs(Input{Config: cfg, Dataset: ds, Scorecard: sc}); err != nil {
			t.Fatal(err)
		}
		if got := e.layouts.initiative.parts.checks.hint; got != tt.want {
			t.Errorf("%d initiative pages: check-row memo sized for %d, want %d", tt.pages, got, tt.want)
		}
	}
}

// Two check rows that differ in any one field, or in one field of their
// cell or of one of their linked parts, have different memo keys (the
// same key would give the second row the first one's output); the same
// row copied has the same key.
func TestCheckKey(t *testing.T) {
	if n := reflect.TypeFor[CheckRow]().NumField(); n != 10 {
		t.Fatalf("CheckRow has %d fields: add the new ones to key and to this test", n)
	}
	base := func() CheckRow {
		return CheckRow{ID: "P1.a", Title: "Owner named", Principle: 1, Result: model.Fail,
			Badge: Badge{Class: "badge fail", Icon: "✗", Label: "Fail"}, Reason: "M-1 has no owner", Fix: "name one",
			Cell:  &CellLink{Text: "E7", Ref: "register!E7", Anchor: "c-E7"},
			Parts: []Segment{{Text: "M-1", Path: "metrics/m-1.html", Title: "Uptime"}, {Text: " has no owner"}},
			Root:  "../"}
	}
	edits := []struct {
		name string
		edit func(*CheckRow)
	}{
		{"id", func(r *CheckRow) { r.ID = "P1.b" }},
		{"title", func(r *CheckRow) { r.Title = "Owner known" }},
		{"principle", func(r *CheckRow) { r.Principle = 2 }},
		{"no principle", func(r *CheckRow) { r.Principle = 0 }},
		{"result", func(r *CheckRow) { r.Result = model.Warn }},
		{"badge class", func(r *CheckRow) { r.Badge.Class = "badge warn" }},
		{"badge icon", func(r *CheckRow) { r.Badge.Icon = "!" }},
		{"badge label", func(r *CheckRow) { r.Badge.Label = "Warn" }},
		{"reason", func(r *CheckRow) { r.Reason = "M-1 has no owners" }},
		{"fix", func(r *CheckRow) { r.Fix = "" }},
		{"no cell", func(r *CheckRow) { r.Cell = nil }},
		{"empty cell", func(r *CheckRow) { r.Cell = &CellLink{} }},
		{"cell text", func(r *CheckRow) { r.Cell.Text = "E8" }},
		{"cell ref", func(r *CheckRow) { r.Cell.Ref = "register!E8" }},
		{"cell anchor", func(r *CheckRow) { r.Cell.Anchor = "" }},
		{"no parts", func(r *CheckRow) { r.Parts = nil }},
		{"part text", func(r *CheckRow) { r.Parts[1].Text = " has no owners" }},
		{"part path", func(r *CheckRow) { r.Parts[0].Path = "metrics/m-2.html" }},
		{"part title", func(r *CheckRow) { r.Parts[0].Title = "Uptime %" }},
		{"one more part", func(r *CheckRow) { r.Parts = append(r.Parts, Segment{}) }},
		{"parts split elsewhere", func(r *CheckRow) {
			r.Parts = []Segment{{Text: "M-1 ", Path: "metrics/m-1.html", Title: "Uptime"}, {Text: "has no owner"}}
		}},
		{"path into title", func(r *CheckRow) { r.Parts[0].Path, r.Parts[0].Title = "", "metrics/m-1.htmlUptime" }},
		{"root", func(r *CheckRow) { r.Root = "../../" }},
	}
	b := base()
	seen := map[checkKey]string{b.key(): "base"}
	for _, e := range edits {
		r := base()
		e.edit(&r)
		k := r.key()
		if other, ok := seen[k]; ok {
			t.Errorf("%s: the same key as %s", e.name, other)
		}
		seen[k] = e.name
	}
	// The same row built again (other strings, other slices) has the same key.
	c := base()
	c.Reason = string([]byte(b.Reason))
	c.Cell = &CellLink{Text: "E7", Ref: "register!E7", Anchor: "c-E7"}
	c.Parts = append([]Segment(nil), b.Parts...)
	if c.key() != b.key() {
		t.Errorf("a copy of the row has another key:\n%+v\n%+v", c.key(), b.key())
	}
}

// Outputs whose keys share a hash are each found (lookup follows the
// entries of one hash), and a key of that hash not kept is not.
func TestMemoSameHash(t *testing.T) {
	var c memo[int]
	c.init(10)
	c.at = map[uint64]int32{42: 2, 7: 1}
	c.entries = []memoEntry[int]{
		{key: memoKey[int]{"b", 1}, html: "one", next: -1},
		{key: memoKey[int]{"b", 9}, html: "nine", next: -1},
		{key: memoKey[int]{"b", 2}, html: "two", next: 0},
	}
	for _, tt := range []struct {
		k    memoKey[int]
		hash uint64
		want template.HTML
		ok   bool
	}{
		{memoKey[int]{"b", 1}, 42, "one", true},
		{memoKey[int]{"b", 2}, 42, "two", true},
		{memoKey[int]{"b", 9}, 7, "nine", true},
		{memoKey[int]{"b", 3}, 42, "", false},
		{memoKey[int]{"c", 1}, 42, "", false},
		{memoKey[int]{"b", 1}, 8, "", false},
	} {
		if h, ok := c.lookup(tt.k, tt.hash); h != tt.want || ok != tt.ok {
			t.Errorf("lookup(%v, %d) = %q, %v; want %q, %v", tt.k, tt.hash, h, ok, tt.want, tt.ok)
		}
	}
}

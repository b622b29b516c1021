package render

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/opsalign/opsalign/generator/model"
	"github.com/opsalign/opsalign/generator/site"
	"github.com/opsalign/opsalign/themes"
)

// renderWays renders the fixture, changed by mutate, with initiative
// pages written in Go and through the templates, and returns both sites.
func renderWays(t testing.TB, mutate func(*Input)) (goSite, tmplSite *site.Memory) {
	t.Helper()
	render := func(compiled bool) *site.Memory {
		cfg, ds, sc := fixture()
		in := Input{Config: cfg, Dataset: ds, Scorecard: sc, Theme: themes.Default(), Version: "test", Content: testContent(), Markdown: testMarkdown}
		if mutate != nil {
			mutate(&in)
		}
		r, err := Parse(in.Theme, in.Layouts)
		if err != nil {
			t.Fatal(err)
		}
		if compiled && !r.compiled {
			t.Fatal("the default theme's initiative page is not written in Go")
		}
		r.compiled = compiled
		m := site.NewMemory()
		if err := r.Render(context.Background(), in, m); err != nil {
			t.Fatal(err)
		}
		return m
	}
	return render(true), render(false)
}

// TestInitiativePageLikeTemplate checks that every page written in Go is
// byte for byte what the default theme's templates write, on plain and
// hostile text, with and without a closed quarter, and with the parts a
// page may lack (metrics, observations, go-live, business unit).
func TestInitiativePageLikeTemplate(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(*Input)
	}{
		{"fixture", nil},
		{"hostile", hostileInput},
		{"history", func(in *Input) { in.History = closedFixture(t) }},
		{"hostile history", func(in *Input) { hostileInput(in); in.History = closedFixture(t) }},
		{"gaps", func(in *Input) {
			in.Dataset.Actuals = nil // every chart empty
			in.Dataset.Initiatives[0].GoLive = model.Initiative{}.GoLive
			in.Dataset.Initiatives[1].Metrics = nil
			in.Scorecard.Initiatives[2].BusinessUnit = ""
			in.Version = hostile
			in.Config.Brand.Accent = ""
		}},
		{"hostile metric id", func(in *Input) {
			const id = "M-02" // M-01 is named by the narrative
			rename := func(s string) string {
				if s == id {
					return hostile + id
				}
				return s
			}
			for i := range in.Scorecard.Metrics {
				in.Scorecard.Metrics[i].ID = rename(in.Scorecard.Metrics[i].ID)
			}
			for i := range in.Dataset.Metrics {
				in.Dataset.Metrics[i].ID = rename(in.Dataset.Metrics[i].ID)
			}
			for i := range in.Dataset.Initiatives {
				for j, m := range in.Dataset.Initiatives[i].Metrics {
					in.Dataset.Initiatives[i].Metrics[j] = rename(m)
				}
			}
			for i := range in.Dataset.Actuals {
				in.Dataset.Actuals[i].Metric = rename(in.Dataset.Actuals[i].Metric)
			}
		}},
		// Left to the templates: html/template would filter these.
		{"named accent", func(in *Input) { in.Config.Brand.Accent = "rgb(1,2,3)" }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, tm := renderWays(t, tt.mutate)
			if !slicesEqual(g.Paths(), tm.Paths()) {
				t.Fatalf("paths differ:\n%v\n%v", g.Paths(), tm.Paths())
			}
			pages := 0
			for _, p := range g.Paths() {
				a, _ := g.Get(p)
				b, _ := tm.Get(p)
				if !bytes.Equal(a, b) {
					t.Errorf("%s written in Go differs from the templates' page:\n%s", p, firstDiff(a, b))
				}
				if strings.HasPrefix(p, "initiatives/") && p != "initiatives/index.html" {
					pages++
				}
			}
			if pages == 0 {
				t.Error("no initiative page rendered")
			}
		})
	}
}

func slicesEqual(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestInitiativePageOverrides checks that a site overriding a template
// the Go page replaces gets its own template, and that overriding only
// the navigation keeps the Go page (nav comes from the theme's partial
// either way).
func TestInitiativePageOverrides(t *testing.T) {
	tests := []struct {
		file, text string
		compiled   bool
	}{
		{"initiative.html", `{{template "base" .}}{{define "main"}}<p>mine {{.Row.ID}}</p>{{end}}`, false},
		{"partials/chart.html", `{{define "chart"}}<div>my chart {{.ID}}</div>{{end}}{{define "data-table"}}{{end}}`, false},
		{"partials/zz-badge.html", `{{define "badge"}}<b>{{.Label}}</b>{{end}}`, false},
		{"base.html", `{{define "base"}}<html>{{template "main" .}}</html>{{end}}`, false},
		{"partials/nav.html", `{{define "nav"}}<nav>my nav</nav>{{end}}`, true},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			layouts := fstest.MapFS{tt.file: {Data: []byte(tt.text)}}
			r, err := Parse(themes.Default(), layouts)
			if err != nil {
				t.Fatal(err)
			}
			if r.compiled != tt.compiled {
				t.Fatalf("compiled = %v, want %v", r.compiled, tt.compiled)
			}
			m := renderFixture(t, func(in *Input) { in.Layouts = layouts })
			page, _ := m.Get("initiatives/INI-001.html")
			mark := map[string]string{"initiative.html": "<p>mine INI-001</p>", "partials/chart.html": "<div>my chart chart-metric-M-01</div>",
				"partials/zz-badge.html": "<b>Aligned</b>", "base.html": "<html>", "partials/nav.html": "<nav>my nav</nav>"}[tt.file]
			if !strings.Contains(string(page), mark) {
				t.Errorf("INI-001's page does not show the override %q:\n%.600s", mark, page)
			}
		})
	}
}

// TestInitiativePageWrittenInGo checks which pages the Go writer takes:
// every page of the plain and hostile fixtures, none with an accent
// html/template would filter.
func TestInitiativePageWrittenInGo(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(*Input)
		want   bool
	}{
		{"fixture", nil, true},
		{"hostile", hostileInput, true},
		{"history", func(in *Input) { in.History = closedFixture(t) }, true},
		{"named accent", func(in *Input) { in.Config.Brand.Accent = "rgb(1,2,3)" }, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, ds, sc := fixture()
			in := Input{Config: cfg, Dataset: ds, Scorecard: sc, Theme: themes.Default(), Version: "test"}
			if tt.mutate != nil {
				tt.mutate(&in)
			}
			r, err := Parse(in.Theme, nil)
			if err != nil {
				t.Fatal(err)
			}
			b, err := newBuild(r, in)
			if err != nil {
				t.Fatal(err)
			}
			for i := range sc.Initiatives {
				ir := &sc.Initiatives[i]
				var buf bytes.Buffer
				ok, err := b.writeInitiativePage(&buf, b.initiativeView(ir, "initiatives/"+b.iniFiles[ir.ID]))
				if err != nil || ok != tt.want {
					t.Errorf("%s: written in Go = %v, %v; want %v", ir.ID, ok, err, tt.want)
				}
			}
		})
	}
}

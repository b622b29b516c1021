package render

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/opsalign/opsalign/generator/model"
	"github.com/opsalign/opsalign/generator/narrative"
	"github.com/opsalign/opsalign/generator/site"
	"github.com/opsalign/opsalign/themes"
)

func parseDefault(t *testing.T) *Engine {
	t.Helper()
	r, err := Parse(themes.Default(), nil)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestRenderCancelled(t *testing.T) {
	cfg, ds, sc := fixture()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := parseDefault(t).Render(ctx, Input{Config: cfg, Dataset: ds, Scorecard: sc}, newDiscard())
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Render with a cancelled context = %v, want context.Canceled", err)
	}
}

func TestRenderSinkError(t *testing.T) {
	cfg, ds, sc := fixture()
	m := site.NewMemory()
	if err := m.Put("portfolio.html", []byte("taken")); err != nil {
		t.Fatal(err)
	}
	err := parseDefault(t).Render(context.Background(), Input{Config: cfg, Dataset: ds, Scorecard: sc}, m)
	if err == nil || !strings.Contains(err.Error(), "portfolio.html") {
		t.Errorf("Render into a sink that refuses portfolio.html = %v, want an error naming it", err)
	}
}

func TestRenderNoScorecard(t *testing.T) {
	if err := parseDefault(t).Render(context.Background(), Input{}, newDiscard()); err == nil {
		t.Error("Render without a scorecard: want an error")
	}
}

// TestDuplicateIDs checks that ids repeated in the scorecard give one page
// each, not a second write of the same file.
func TestDuplicateIDs(t *testing.T) {
	m := renderFixture(t, func(in *Input) {
		sc := in.Scorecard
		sc.Initiatives = append(sc.Initiatives, sc.Initiatives[0])
		sc.Metrics = append(sc.Metrics, sc.Metrics[0])
	})
	if _, ok := m.Get("initiatives/INI-001.html"); !ok {
		t.Error("no page for INI-001")
	}
}

// TestNarrativeError checks that a narrative error fails the build and
// names the file.
func TestNarrativeError(t *testing.T) {
	cfg, ds, sc := fixture()
	in := Input{Config: cfg, Dataset: ds, Scorecard: sc, Markdown: testMarkdown,
		Content: []narrative.Page{{File: "content/_index.md", Name: "_index", BodyLine: 4, Body: `{{ figure "nope" }}`}}}
	err := parseDefault(t).Render(context.Background(), in, newDiscard())
	if err == nil || !strings.Contains(err.Error(), "content/_index.md:4") || !strings.Contains(err.Error(), `unknown figure "nope"`) {
		t.Errorf("Render with an unknown figure = %v", err)
	}
}

// TestQualityBanner checks that the banner shows on every page when a row
// was excluded, and on none otherwise.
func TestQualityBanner(t *testing.T) {
	for _, excluded := range []int{1, 0} {
		m := renderFixture(t, func(in *Input) { in.Dataset.Summary.Tables[0].Excluded = excluded })
		for _, p := range m.Paths() {
			if !strings.HasSuffix(p, ".html") {
				continue
			}
			b, _ := m.Get(p)
			if got := strings.Contains(string(b), `class="quality-banner"`); got != (excluded > 0) {
				t.Errorf("excluded %d: %s shows the banner: %v", excluded, p, got)
			}
		}
	}
}

// TestEmptySite renders a site with nothing in it: no initiative, metric,
// incident, window or issue, and no dataset at all.
func TestEmptySite(t *testing.T) {
	m := site.NewMemory()
	in := Input{Scorecard: &model.Scorecard{Schema: 1, AsOf: "2026-09-30", Period: "2026-Q3", Headline: model.Headline{Answer: "yes"}}}
	if err := parseDefault(t).Render(context.Background(), in, m); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"index.html", "initiatives/index.html", "metrics/index.html", "portfolio.html", "calendar.html", "reliability.html", "data-quality.html", "board-pack.html", "assets/echarts.min.js"} {
		if _, ok := m.Get(p); !ok {
			t.Errorf("no %s", p)
		}
	}
	idx, _ := m.Get("index.html")
	if !strings.Contains(string(idx), "<strong>Yes</strong>") {
		t.Error("index.html does not answer Yes")
	}
}

package render

import (
	"context"
	"testing"

	"github.com/opsalign/opsalign/themes"
)

// The default theme's pages run on htmlexec's fast run, never handed back
// to html/template: a view value or template construct it does not handle
// would make every page of that kind several times slower (issue 15: the
// 10k build within 1.5× the naive floor). Bytes are the goldens' business.
func TestPagesRunFast(t *testing.T) {
	cfg, ds, sc := fixture()
	e, err := Parse(themes.Default(), nil)
	if err != nil {
		t.Fatal(err)
	}
	in := Input{Config: cfg, Dataset: ds, Scorecard: sc, Version: "test"}
	for range 2 { // the first render compiles, the second runs fast
		if err := e.Render(context.Background(), in, newDiscard()); err != nil {
			t.Fatal(err)
		}
	}
	l := &e.layouts
	// The board pack is one page and uses printf, which the fast run leaves
	// to html/template.
	for _, k := range []struct {
		name, layout string
		run          interface {
			Fast(string) bool
			Unsupported(string) string
			Fallbacks() int64
			LastFallback() string
		}
	}{
		{"initiative", l.initiative.name, l.initiative.run},
		{"metric", l.metric.name, l.metric.run},
		{"index", l.index.name, l.index.run},
		{"initiatives", l.initiatives.name, l.initiatives.run},
		{"metrics", l.metrics.name, l.metrics.run},
		{"portfolio", l.portfolio.name, l.portfolio.run},
		{"calendar", l.calendar.name, l.calendar.run},
		{"reliability", l.reliability.name, l.reliability.run},
		{"data quality", l.dataQuality.name, l.dataQuality.run},
		{"chart bodies (shared, once per chart)", "chart-body", e.sharedRun},
	} {
		if !k.run.Fast(k.layout) {
			t.Errorf("%s pages (%s) are executed by html/template, not the fast run: %s", k.name, k.layout, k.run.Unsupported(k.layout))
		}
		if n := k.run.Fallbacks(); n != 0 {
			t.Errorf("%s pages: %d fast runs fell back to html/template, the last at %s", k.name, n, k.run.LastFallback())
		}
	}
}

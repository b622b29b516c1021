package e2e

import (
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/opsalign/opsalign/internal/browsertest"
)

// phonePages are the sample pages also checked at a phone's width.
var phonePages = []string{"index.html", "initiatives/index.html", "initiatives/INI-001.html", "metrics/index.html", "metrics/M-01.html", "portfolio.html", "calendar.html", "reliability.html", "data-quality.html", "board-pack.html", "methodology.html"}

// TestBrowser opens built sites in one headless Chromium, started once for
// all its subtests. Pages open two at a time (-parallel), each in its own
// tab.
func TestBrowser(t *testing.T) {
	bctx := browsertest.Start(t)
	sample := build(t, filepath.Join(repoRoot(t), "opsalign.toml"))
	if len(htmlPaths(sample)) < 20 {
		t.Fatalf("the sample site has only %d pages: %q", len(htmlPaths(sample)), htmlPaths(sample))
	}

	t.Run("sample over HTTP", func(t *testing.T) {
		srv := serve(t, sample)
		base := srv.URL + "/"
		var mu sync.Mutex
		charts := map[string]int{}
		t.Run("pages", func(t *testing.T) {
			for _, p := range htmlPaths(sample) {
				t.Run(p, func(t *testing.T) {
					t.Parallel()
					tab := open(t, bctx, base+p)
					n := waitCharts(t, tab)
					assertClean(t, tab, base)
					assertPolicy(t, tab, p)
					assertLinks(t, tab, base, sample)
					if slices.Contains(phonePages, p) {
						checkPhone(t, tab)
					}
					mu.Lock()
					charts[p] = n
					mu.Unlock()
				})
			}
		})
		t.Run("sorting", func(t *testing.T) {
			checkSort(t, open(t, bctx, base+"initiatives/index.html"))
		})
		t.Run("filtering", func(t *testing.T) {
			checkFilter(t, bctx, base)
		})
		// A trend chart marks the go-live of the page's initiative: the
		// page's own marks, added to the option every page shares.
		t.Run("go-live marked", func(t *testing.T) {
			tab := open(t, bctx, base+"initiatives/INI-005.html")
			waitCharts(t, tab)
			marks := eval[[]string](t, tab, `Array.from(document.querySelectorAll(".chart-canvas")).flatMap(el => {
				const s = echarts.getInstanceByDom(el).getOption().series[0];
				return ((s.markLine || {}).data || []).map(d => d.name);
			})`)
			if !slices.Contains(marks, "Go-live: Route optimisation engine (INI-005)") {
				t.Errorf("the trend charts of INI-005's page mark %q, not its go-live", marks)
			}
		})
		// The chart check is vacuous on a page without charts: the key
		// pages must have some.
		for _, p := range []string{"index.html", "portfolio.html", "calendar.html", "reliability.html", "metrics/M-01.html"} {
			if n, ok := charts[p]; ok && n == 0 {
				t.Errorf("%s: no chart container", p)
			}
		}
	})

	t.Run("hostile site", func(t *testing.T) {
		dir := t.TempDir()
		ids := writeSite(t, dir, hostile)
		moveToWorkbook(t, dir)
		mem := build(t, filepath.Join(dir, "opsalign.toml"))
		srv := serve(t, mem)
		base := srv.URL + "/"
		var mu sync.Mutex
		seen := map[string]hostilePage{}
		t.Run("pages", func(t *testing.T) {
			for _, p := range htmlPaths(mem) {
				t.Run(p, func(t *testing.T) {
					t.Parallel()
					tab := open(t, bctx, base+p)
					n := waitCharts(t, tab)
					hp := checkHostile(t, tab)
					hp.charts = n
					assertClean(t, tab, base)
					assertPolicy(t, tab, p)
					assertLinks(t, tab, base, mem)
					// Long unbroken names do not push a phone's page sideways.
					checkPhone(t, tab)
					mu.Lock()
					seen[base+p] = hp
					mu.Unlock()
				})
			}
		})
		if t.Failed() || len(seen) != len(htmlPaths(mem)) {
			return
		}
		// The hostile text is on the pages, as text.
		list := seen[base+"initiatives/index.html"].text
		for _, h := range hostile[:7] { // the eighth is a metric unit
			if !strings.Contains(list, h) {
				t.Errorf("initiatives/index.html does not show %q as text", h)
			}
		}
		page := hostileLink(t, bctx, base, ids[0])
		for _, want := range []string{"</script><script>window.__pwned=1</script>", hostileSheet, hostileFile} {
			if !strings.Contains(seen[page].text, want) {
				t.Errorf("%s does not show %q (its id, sheet and file) as text", page, want)
			}
		}
		// And in the tooltips, as text.
		var tipped bool
		charts := 0
		for _, hp := range seen {
			charts += hp.charts
			for _, tip := range hp.tips {
				tipped = tipped || strings.Contains(tip, hostile[0]) || strings.Contains(tip, hostile[1])
			}
		}
		if charts < 5 {
			t.Errorf("the hostile site has only %d charts; the chart checks say little", charts)
		}
		if !tipped {
			t.Errorf("no tooltip of the hostile site shows a hostile name as text")
		}
	})

	// Under a sub-path of an intranet server, as the same files.
	t.Run("sample under a sub-path", func(t *testing.T) {
		const prefix = "/intranet/ops-report/"
		base := serveAt(t, sample, prefix).URL + prefix
		for _, p := range []string{"index.html", "initiatives/index.html", "initiatives/INI-001.html", "metrics/index.html"} {
			t.Run(p, func(t *testing.T) {
				tab := open(t, bctx, base+p)
				waitCharts(t, tab)
				assertClean(t, tab, base)
				assertLinks(t, tab, base, sample)
			})
		}
	})

	// From a file share: written to disk and opened with file://, every
	// kind of page must draw and link to each other with nothing from
	// outside, under its Content-Security-Policy ('self' is the files
	// beside the page there too).
	t.Run("sample from file", func(t *testing.T) {
		dir := t.TempDir()
		writeDir(t, sample, dir)
		base := (&url.URL{Scheme: "file", Path: filepath.ToSlash(dir) + "/"}).String()
		charted := []string{"index.html", "initiatives/INI-001.html", "metrics/M-01.html", "portfolio.html", "calendar.html", "reliability.html", "board-pack.html"}
		for _, p := range phonePages {
			t.Run(p, func(t *testing.T) {
				t.Parallel()
				tab := open(t, bctx, base+p)
				if n := waitCharts(t, tab); n == 0 && slices.Contains(charted, p) {
					t.Errorf("no chart container")
				}
				assertClean(t, tab, base)
				assertPolicy(t, tab, p)
				assertLinks(t, tab, base, sample)
			})
		}
	})
}

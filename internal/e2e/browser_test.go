package e2e

import (
	"net/url"
	"path/filepath"
	"sync"
	"testing"

	"github.com/opsalign/opsalign/internal/browsertest"
)

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
					assertLinks(t, tab, base, sample)
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
			checkFilter(t, open(t, bctx, base+"initiatives/index.html"))
		})
		for _, p := range []string{"index.html", "initiatives/index.html", "initiatives/INI-001.html", "portfolio.html"} {
			t.Run("phone/"+p, func(t *testing.T) {
				checkPhone(t, open(t, bctx, base+p))
			})
		}
		// The chart check is vacuous on a page without charts: the key
		// pages must have some.
		for _, p := range []string{"index.html", "portfolio.html", "calendar.html", "reliability.html", "metrics/M-01.html"} {
			if n, ok := charts[p]; ok && n == 0 {
				t.Errorf("%s: no chart container", p)
			}
		}
	})

	// From a file share: written to disk and opened with file://, the
	// pages must draw and link to each other with nothing from outside.
	t.Run("sample from file", func(t *testing.T) {
		dir := t.TempDir()
		writeDir(t, sample, dir)
		base := (&url.URL{Scheme: "file", Path: filepath.ToSlash(dir) + "/"}).String()
		for _, p := range []string{"index.html", "initiatives/INI-001.html", "portfolio.html"} {
			t.Run(p, func(t *testing.T) {
				tab := open(t, bctx, base+p)
				if n := waitCharts(t, tab); n == 0 {
					t.Errorf("no chart container")
				}
				assertClean(t, tab, base)
				assertLinks(t, tab, base, sample)
			})
		}
	})
}

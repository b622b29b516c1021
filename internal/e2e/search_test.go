package e2e

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/opsalign/opsalign/generator/browser"
	"github.com/opsalign/opsalign/internal/browsertest"
)

// searchResult is one result of the header's search as the page lists it.
type searchResult struct {
	Kind  string `json:"kind"`
	Title string `json:"title"`
	Href  string `json:"href"`
}

// resultsJS reads the search results in their order.
const resultsJS = `Array.from(document.querySelectorAll(".site-search-results li a:not(.site-search-all)")).map(a => ({
	kind: a.querySelector(".site-search-kind").textContent,
	title: a.querySelector(".site-search-title").textContent,
	href: a.getAttribute("href"),
}))`

// search types q into the header's search field of tab, key by key as a
// reader does, and returns the results once the first shows and how long
// after the last key that was. The field is cleared first.
func search(t *testing.T, tab *browser.Tab, q string) ([]searchResult, time.Duration) {
	t.Helper()
	const field = `form.site-search input[type=search]`
	eval[bool](t, tab, `(() => { const i = document.querySelector("`+field+`"); i.value = ""; i.focus(); return true; })()`)
	if err := chromedp.Do(tab.Ctx, chromedp.SendKeys(chromedp.CSS(field), q)); err != nil {
		t.Fatalf("typing %q into the search: %v", q, err)
	}
	start := time.Now()
	ctx, cancel := context.WithTimeout(tab.Ctx, 5*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS(".site-search-results li a"))); err != nil {
		t.Fatalf("searching %q: no result shows: %v (status %q)", q, err,
			eval[string](t, tab, `document.querySelector(".site-search-status").textContent`))
	}
	return eval[[]searchResult](t, tab, resultsJS), time.Since(start)
}

// checkSearch searches the sample site from a page of tab and checks the
// first result of each query.
func checkSearch(t *testing.T, tab *browser.Tab, prefix string) {
	for _, tc := range []struct {
		q    string
		want searchResult
	}{
		{"INI-005", searchResult{"Initiative", "Route optimisation engine", prefix + "initiatives/INI-005.html"}},
		{"route optim", searchResult{"Initiative", "Route optimisation engine", prefix + "initiatives/INI-005.html"}},
		{"M-01", searchResult{"Metric", "", prefix + "metrics/M-01.html"}},
		{"INC0040347", searchResult{"Incident", "INC0040347 · severity 1", prefix + "reliability.html#q=INC0040347&severity=all"}},
	} {
		got, _ := search(t, tab, tc.q)
		if len(got) == 0 {
			t.Errorf("search %q: no result", tc.q)
			continue
		}
		first := got[0]
		if tc.want.Title == "" {
			first.Title = ""
		}
		if first != tc.want {
			t.Errorf("search %q: first result %+v, want %+v", tc.q, got[0], tc.want)
		}
	}
}

// TestSearchAndViews checks, on the sample site opened from file://, that
// the header's search finds initiatives, metrics and incidents, that an
// incident result opens the incident list showing it, and that a
// metric's "claimed by" count opens the initiatives that claim it.
func TestSearchAndViews(t *testing.T) {
	bctx := browsertest.Start(t)
	sample := build(t, repoRoot(t)+"/opsalign.toml")
	dir := t.TempDir()
	writeDir(t, sample, dir)
	base := "file://" + dir + "/"

	t.Run("search", func(t *testing.T) {
		tab := open(t, bctx, base+"initiatives/INI-001.html")
		checkSearch(t, tab, "../")
		if f := os.Getenv("OPSALIGN_SHOT"); f != "" {
			search(t, tab, "distribution")
			if png, err := chromedp.Run(tab.Ctx, chromedp.CaptureScreenshot()); err == nil {
				os.WriteFile(f, png, 0o644)
			}
		}
		assertClean(t, tab, base)
	})
	t.Run("incident view", func(t *testing.T) {
		// The headline names the incident as a link to this view.
		idx := open(t, bctx, base+"index.html")
		if href := eval[string](t, idx, `(document.querySelector('.headline a[href*="INC0040347"]') || {getAttribute: () => "none"}).getAttribute("href")`); href != "reliability.html#q=INC0040347&severity=all" {
			t.Errorf("the headline's INC0040347 links to %q", href)
		}
		tab := open(t, bctx, base+"reliability.html#q=INC0040347&severity=all")
		waitList(t, tab, "#incident-list")
		rows := eval[[]string](t, tab, `Array.from(document.querySelectorAll("#incident-list tbody tr")).map(r => r.cells[0].textContent)`)
		if strings.Join(rows, ",") != "INC0040347" {
			t.Errorf("reliability.html#q=INC0040347&severity=all lists %q", rows)
		}
		assertClean(t, tab, base)
	})
	t.Run("claimed by", func(t *testing.T) {
		tab := open(t, bctx, base+"index.html")
		href := eval[string](t, tab, `document.querySelector('table.scoreboard a[href*="#metric="]').getAttribute("href")`)
		if href != "initiatives/index.html#metric=M-01" {
			t.Fatalf("the first claimed-by link is %q", href)
		}
		view := open(t, bctx, base+href)
		waitList(t, view, "#initiatives")
		got := eval[[]tableRow](t, view, rowsJS)
		want := eval[[]string](t, view, `opsalignData.initiatives.rows.filter(r => (" " + r[16] + " ").includes(" M-01 ")).map(r => r[0])`)
		if len(want) == 0 || strings.Join(ids(got), ",") != strings.Join(want, ",") {
			t.Errorf("#metric=M-01 lists %q, want %q", ids(got), want)
		}
	})
	t.Run("blank filters and chips", func(t *testing.T) {
		// The data-quality page links each blank field to the list
		// filtered to "(blank)"; those rows and the row an input
		// warning touches (INI-039, budget in EUR) carry a chip whose
		// tooltip says why.
		dq := open(t, bctx, base+"data-quality.html")
		hrefs := eval[[]string](t, dq, `Array.from(document.querySelectorAll(".blank-fields")[0].previousElementSibling.querySelectorAll("a")).map(a => a.getAttribute("href"))`)
		want := map[string][]string{
			"initiatives/index.html#unit=%28blank%29":   {"INI-029", "INI-030"},
			"initiatives/index.html#status=%28blank%29": {"INI-028"},
		}
		if len(hrefs) != len(want) {
			t.Fatalf("data-quality.html links the blank fields to %q", hrefs)
		}
		for _, href := range hrefs {
			view := open(t, bctx, base+href)
			waitList(t, view, "#initiatives")
			got := eval[[]tableRow](t, view, rowsJS)
			if strings.Join(ids(got), ",") != strings.Join(want[href], ",") {
				t.Errorf("%s lists %q, want %q", href, ids(got), want[href])
			}
			sel := eval[string](t, view, `(() => { const s = document.querySelector("form.list-controls select[name=`+strings.Split(strings.TrimPrefix(href, "initiatives/index.html#"), "=")[0]+`]"); return s.options[s.selectedIndex].text; })()`)
			if sel != "(blank)" {
				t.Errorf("%s: the filter shows %q, want (blank)", href, sel)
			}
			chips := eval[[]string](t, view, `Array.from(document.querySelectorAll("#initiatives tbody tr th .chip")).map(c => c.textContent.trim() + " | " + c.title)`)
			if len(chips) != len(want[href]) {
				t.Errorf("%s: chips %q, want one a row", href, chips)
			}
		}
		view := open(t, bctx, base+"initiatives/index.html#q=INI-039")
		waitList(t, view, "#initiatives")
		chips := eval[[]string](t, view, `Array.from(document.querySelectorAll("#initiatives tbody tr th .chip")).map(c => c.textContent.trim() + " | " + c.title)`)
		if len(chips) != 1 || chips[0] != "⚠ warning | budget: amount is in EUR, not the site currency USD; it is used as if it were USD (no conversion) (Register!H43)" {
			t.Errorf("INI-039's row: chips %q", chips)
		}
		assertClean(t, view, base)
	})
}

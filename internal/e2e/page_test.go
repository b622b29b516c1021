package e2e

import (
	"context"
	"net/url"
	"path"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/opsalign/opsalign/generator/browser"
	"github.com/opsalign/opsalign/generator/site"
)

// pageWait bounds everything done with one page: opening it, drawing its
// charts and the checks on it. A broken page fails the test instead of
// hanging it.
const pageWait = 30 * time.Second

// chartWait bounds the wait for a page's charts to draw.
const chartWait = 10 * time.Second

// within returns a context of parent (which carries the browser) that ends
// after d or when t ends, whichever comes first.
func within(t testing.TB, parent context.Context, d time.Duration) (context.Context, context.CancelFunc) {
	ctx, cancel := context.WithTimeout(parent, d)
	stop := context.AfterFunc(t.Context(), cancel)
	return ctx, func() { stop(); cancel() }
}

// open opens url in a new tab of the browser bctx; the tab closes when t
// ends or after pageWait.
func open(t testing.TB, bctx context.Context, url string) *browser.Tab {
	t.Helper()
	ctx, cancel := within(t, bctx, pageWait)
	t.Cleanup(cancel)
	tab, err := browser.Open(ctx, url)
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(tab.Close)
	return tab
}

// eval evaluates js in the tab and decodes its value as T, failing t on
// error.
func eval[T any](t testing.TB, tab *browser.Tab, js string) T {
	t.Helper()
	v, err := chromedp.Run(tab.Ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("evaluating %.80q: %v", js, err)
	}
	return v
}

// chartsDrawn is true when every chart container holds a canvas or svg.
const chartsDrawn = `Array.from(document.querySelectorAll(".chart-canvas")).every(c => c.querySelector("canvas, svg") !== null)`

// waitCharts waits until every chart container of the page drew a canvas
// or svg and returns how many there are; on timeout it fails t naming the
// containers left empty.
func waitCharts(t testing.TB, tab *browser.Tab) int {
	t.Helper()
	// The poll ends before the tab does, so that the tab can still say
	// which charts are missing.
	ctx, cancel := context.WithTimeout(tab.Ctx, chartWait)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](chartsDrawn, chromedp.WithPollingInterval(20*time.Millisecond))); err != nil {
		empty, _ := chromedp.Run(tab.Ctx, chromedp.Evaluate[[]string](
			`Array.from(document.querySelectorAll(".chart-canvas")).filter(c => !c.querySelector("canvas, svg")).map(c => c.getAttribute("data-option"))`))
		t.Fatalf("charts not drawn (%v): %q", err, empty)
	}
	return eval[int](t, tab, `document.querySelectorAll(".chart-canvas").length`)
}

// assertClean fails t for every console error of the tab and every request
// that did not go to base (the site's own root).
func assertClean(t testing.TB, tab *browser.Tab, base string) {
	t.Helper()
	rep := tab.Report()
	// Every page names its icon (assets/favicon.svg), so the browser has
	// no reason to ask for /favicon.ico: that too would be an error.
	for _, e := range rep.ConsoleErrors {
		t.Errorf("console error: %s", e)
	}
	if len(rep.Requests) == 0 {
		t.Errorf("no request recorded")
	}
	for _, r := range rep.Requests {
		if !strings.HasPrefix(r, base) {
			t.Errorf("request outside the site %s: %s", base, r)
		}
	}
}

// ref is one URL a page refers to: the attribute as written and the URL
// the browser resolved it to.
type ref struct {
	Tag  string `json:"tag"`
	Attr string `json:"attr"`
	URL  string `json:"url"`
}

const refsJS = `Array.from(document.querySelectorAll("a[href], link[href], script[src], img[src], iframe[src]")).map(e => {
	const a = e.hasAttribute("href") ? "href" : "src";
	return {tag: e.tagName.toLowerCase(), attr: e.getAttribute(a), url: e[a]};
})`

// assertLinks fails t for every link, stylesheet, script or image of the
// page that is not relative or whose target is not a file of mem (base is
// the URL of the site root). A link to a page of the site must work under
// any sub-path and from file://, so it must not start with "/".
func assertLinks(t testing.TB, tab *browser.Tab, base string, mem *site.Memory) {
	t.Helper()
	for _, r := range eval[[]ref](t, tab, refsJS) {
		if strings.HasPrefix(r.Attr, "/") {
			t.Errorf("<%s> %q is not relative", r.Tag, r.Attr)
			continue
		}
		if !strings.HasPrefix(r.URL, base) {
			if r.Tag == "a" && (strings.HasPrefix(r.URL, "https://") || strings.HasPrefix(r.URL, "mailto:")) {
				continue // a link out, followed only when the reader clicks it
			}
			t.Errorf("<%s> %q resolves to %s, outside the site", r.Tag, r.Attr, r.URL)
			continue
		}
		u, err := url.Parse(r.URL)
		if err != nil {
			t.Errorf("<%s> %q: %v", r.Tag, r.Attr, err)
			continue
		}
		bu, _ := url.Parse(base)
		p := strings.TrimPrefix(u.Path, bu.Path)
		if p == "" || strings.HasSuffix(p, "/") {
			p += "index.html"
		}
		if _, ok := mem.Get(path.Clean(p)); !ok {
			t.Errorf("<%s> %q: no file %s in the site", r.Tag, r.Attr, p)
		}
	}
}

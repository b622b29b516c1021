package axe_test

import (
	"bytes"
	"context"
	"fmt"
	"mime"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/opsalign/opsalign/generator/browser"
	"github.com/opsalign/opsalign/generator/commands"
	"github.com/opsalign/opsalign/generator/pipeline"
	"github.com/opsalign/opsalign/generator/site"
	"github.com/opsalign/opsalign/internal/axe"
	"github.com/opsalign/opsalign/internal/browsertest"
)

// The gate lives in its own package (not internal/e2e) so that its minute
// or so of axe runs has a test binary, and a timeout, of its own.

// widths are the viewport widths every page type is checked at: a
// laptop's and a phone's.
var widths = []struct {
	name          string
	width, height int64
	mobile        bool
}{
	{"1440", 1440, 900, false},
	{"390", 390, 844, true},
}

// also are pages checked besides the first of each page type: the
// cancelled initiative, the one whose budget is in EUR and one without a
// business unit, whose pages carry banners and chips the others lack.
var also = []string{"initiatives/INI-009.html", "initiatives/INI-039.html", "initiatives/INI-029.html"}

// digits makes a page path into its page type: initiatives/INI-001.html
// and initiatives/INI-002.html are one type.
var digits = regexp.MustCompile(`[0-9]+`)

// pageTypes returns one page of each type of paths (the first, in order)
// and the pages of extra that paths has.
func pageTypes(paths, extra []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, p := range paths {
		k := digits.ReplaceAllString(p, "N")
		if !seen[k] || slices.Contains(extra, p) {
			seen[k] = true
			out = append(out, p)
		}
	}
	return out
}

func TestPageTypes(t *testing.T) {
	got := pageTypes([]string{"a.html", "i/INI-001.html", "i/INI-002.html", "i/INI-009.html", "i/index.html", "history/2026-Q1/b.html", "history/2026-Q2/b.html"}, []string{"i/INI-009.html"})
	want := []string{"a.html", "i/INI-001.html", "i/INI-009.html", "i/index.html", "history/2026-Q1/b.html"}
	if !slices.Equal(got, want) {
		t.Errorf("pageTypes = %q, want %q", got, want)
	}
}

// TestAccessibility runs axe-core (WCAG 2.0, 2.1 and 2.2, A and AA, and
// axe's best practices) on every page type of the sample site at 1440 and
// 390 px, on a quarter closed afresh, and on the initiatives list once
// sorted and filtered by keyboard. A page passes with no violation at all.
func TestAccessibility(t *testing.T) {
	bctx := browsertest.Start(t)
	sample := build(t, filepath.Join(repoRoot(t), "opsalign.toml"))
	base := serve(t, sample).URL + "/"
	var pages, frozen []string
	for _, p := range pageTypes(htmlPaths(sample), also) {
		if strings.HasPrefix(p, "history/") {
			frozen = append(frozen, p)
			continue
		}
		pages = append(pages, p)
	}
	for _, want := range []string{"index.html", "initiatives/index.html", "initiatives/INI-001.html", "initiatives/INI-009.html", "metrics/index.html", "metrics/M-01.html", "board-pack.html", "methodology.html", "data-quality.html", "calendar.html", "reliability.html", "portfolio.html"} {
		if !slices.Contains(pages, want) {
			t.Errorf("%s is not among the pages checked: %q", want, pages)
		}
	}
	// A closed quarter's pages are frozen as the theme of its day drew
	// them; the gate holds what closing a quarter writes now, in a copy.
	closed := closedCopy(t, "2026-Q2")
	for _, w := range widths {
		t.Run(w.name, func(t *testing.T) {
			for _, p := range pages {
				t.Run(p, func(t *testing.T) {
					t.Parallel()
					tab := openTab(t, bctx, base+p)
					atWidth(t, tab, w.width, w.height, w.mobile)
					assertAxe(t, tab, p+" at "+w.name+"px")
					assertChartsDescribed(t, tab, p)
				})
			}
			t.Run("closed quarter", func(t *testing.T) {
				t.Parallel()
				p := "history/2026-Q2/board-pack.html"
				tab := openTab(t, bctx, closed+p)
				atWidth(t, tab, w.width, w.height, w.mobile)
				assertAxe(t, tab, p+" (closed now) at "+w.name+"px")
			})
			t.Run("list by keyboard", func(t *testing.T) {
				t.Parallel()
				tab := openTab(t, bctx, base+"initiatives/index.html")
				atWidth(t, tab, w.width, w.height, w.mobile)
				byKeyboard(t, tab)
				assertAxe(t, tab, "initiatives/index.html sorted and filtered at "+w.name+"px")
			})
		})
	}
	// The quarters frozen in the sample are reported, not held: only
	// closing them again redraws them.
	for _, p := range frozen {
		tab := openTab(t, bctx, base+p)
		res, err := axe.Run(tab.Ctx)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		n := 0
		for _, v := range res.Violations {
			n += len(v.Nodes)
		}
		t.Logf("%s, as frozen in the sample: %d rules broken on %d elements", p, len(res.Violations), n)
	}
}

// byKeyboard sorts the list by its first sortable column header and
// filters it by its search field, with keys only: Tab-reachable controls
// focused, Enter pressed, text typed.
func byKeyboard(t *testing.T, tab *browser.Tab) {
	t.Helper()
	const sortBtn = `main thead button`
	const search = `main input[type="search"]`
	if err := chromedp.Do(tab.Ctx,
		chromedp.Focus(chromedp.CSS(sortBtn)),
		chromedp.KeyEvent("\r"),
	); err != nil {
		t.Fatalf("sorting by keyboard: %v", err)
	}
	sorted, err := chromedp.Run(tab.Ctx, chromedp.Evaluate[int](`document.querySelectorAll('main thead th[aria-sort="ascending"], main thead th[aria-sort="descending"]').length`))
	if err != nil || sorted != 1 {
		t.Errorf("after Enter on the first sort button, %d headers say they sort (err %v), want 1", sorted, err)
	}
	const visible = `Array.from(document.querySelectorAll("main tbody tr")).filter(r => !r.hidden && r.offsetParent !== null).length`
	before, err := chromedp.Run(tab.Ctx, chromedp.Evaluate[int](visible))
	if err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(tab.Ctx,
		chromedp.Focus(chromedp.CSS(search)),
		chromedp.KeyEvent("Distribution"),
	); err != nil {
		t.Fatalf("filtering by keyboard: %v", err)
	}
	// The list may filter after a pause in typing.
	ctx, cancel := context.WithTimeout(tab.Ctx, 5*time.Second)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](fmt.Sprintf("(%s) < %d", visible, before))); err != nil {
		after, _ := chromedp.Run(tab.Ctx, chromedp.Evaluate[int](visible))
		t.Errorf("typing a unit into the search field left %d of %d rows shown (%v)", after, before, err)
	}
}

// closedCopy copies the sample site into a temporary folder, closes
// period there again (with the theme and code of this tree) and serves
// the folder as files; it returns the server's root URL.
func closedCopy(t *testing.T, period string) string {
	t.Helper()
	dir := t.TempDir()
	root := repoRoot(t)
	for _, name := range []string{"content", "sample-data", "themes", "history"} {
		if err := os.CopyFS(filepath.Join(dir, name), os.DirFS(filepath.Join(root, name))); err != nil {
			t.Fatal(err)
		}
	}
	cfg, err := os.ReadFile(filepath.Join(root, "opsalign.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "opsalign.toml"), cfg, 0o644); err != nil {
		t.Fatal(err)
	}
	// The sample's board pack text follows up the decisions of the quarter
	// last closed, so it cannot close that quarter again; the closed pack
	// is checked without it (the live board pack is checked with it).
	if err := os.Remove(filepath.Join(dir, "content", "board-pack.md")); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	o := commands.Options{Config: filepath.Join(dir, "opsalign.toml"), Stdout: &out, Stderr: &out, Version: "test"}
	if err := commands.Close(t.Context(), o, period, true); err != nil {
		t.Fatalf("close %s: %v\n%s", period, err, out.String())
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	t.Cleanup(srv.Close)
	return srv.URL + "/"
}

// tabWait bounds everything done with one page; axe takes seconds on a
// long page of a busy machine.
const tabWait = 2 * time.Minute

// openTab opens url in a new tab of bctx; the tab closes when t ends or
// after tabWait.
func openTab(t *testing.T, bctx context.Context, url string) *browser.Tab {
	t.Helper()
	ctx, cancel := context.WithTimeout(bctx, tabWait)
	stop := context.AfterFunc(t.Context(), cancel)
	t.Cleanup(func() { stop(); cancel() })
	tab, err := browser.Open(ctx, url)
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(tab.Close)
	return tab
}

// chartsDrawn is true when every chart container holds a canvas or svg.
const chartsDrawn = `Array.from(document.querySelectorAll(".chart-canvas")).every(c => c.querySelector("canvas, svg") !== null)`

// atWidth reloads the tab's page in a viewport width×height (a phone's
// when mobile) and waits for its charts: axe judges what is drawn.
func atWidth(t *testing.T, tab *browser.Tab, width, height int64, mobile bool) {
	t.Helper()
	var opts []chromedp.EmulateViewportOption
	if mobile {
		opts = append(opts, chromedp.EmulateMobile)
	}
	if err := chromedp.Do(tab.Ctx,
		chromedp.EmulateViewport(width, height, opts...),
		chromedp.Reload(),
		chromedp.Poll[chromedp.Void](chartsDrawn, chromedp.WithPollingInterval(20*time.Millisecond)),
	); err != nil {
		t.Fatalf("viewport %dpx: %v", width, err)
	}
}

// assertAxe runs axe in the tab and fails t with one entry per violation:
// the page, the rule, what it asks and, for each element, where it is,
// its HTML and what would fix it.
func assertAxe(t *testing.T, tab *browser.Tab, page string) {
	t.Helper()
	res, err := axe.Run(tab.Ctx)
	if err != nil {
		t.Fatalf("%s: %v", page, err)
	}
	if res.Passes == 0 {
		t.Fatalf("%s: axe passed no rule; did it run?", page)
	}
	for _, v := range res.Violations {
		var b strings.Builder
		fmt.Fprintf(&b, "%s: %s (%s): %s", page, v.Rule, v.Impact, v.Help)
		for _, n := range v.Nodes {
			fmt.Fprintf(&b, "\n\t%s\n\t\t%.160s\n\t\t%s", n.Where(), n.HTML, strings.ReplaceAll(n.Summary, "\n", "\n\t\t"))
		}
		t.Error(b.String())
	}
}

// assertChartsDescribed fails t for every drawn chart whose accessible
// name (ECharts' ARIA description) does not start with its caption and go
// on to its data: the first rows of its data table, or, for a metric's
// trend on an initiative's page, whose table is on the metric's page, the
// words that say what it shows (.chart-gist).
func assertChartsDescribed(t *testing.T, tab *browser.Tab, page string) {
	t.Helper()
	bad, err := chromedp.Run(tab.Ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll(".chart-canvas")).filter(el => {
		const fig = el.closest(".chart");
		const cap = fig.querySelector("figcaption").textContent.trim();
		const gist = fig.querySelector(".chart-gist");
		const name = el.getAttribute("aria-label") || "";
		const end = fig.querySelector(".chart-data table") || !gist ? "Every value is in the data table that follows." : " " + gist.textContent.trim();
		return !name.startsWith(cap + ". ") || !name.endsWith(end);
	}).map(el => el.getAttribute("data-option") + ": " + el.getAttribute("aria-label"))`))
	if err != nil {
		t.Fatalf("%s: %v", page, err)
	}
	for _, b := range bad {
		t.Errorf("%s: chart described as %.200q", page, b)
	}
}

// repoRoot is the repository root, which is itself the sample site.
func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// build builds the site of configPath into memory.
func build(t *testing.T, configPath string) *site.Memory {
	t.Helper()
	b := pipeline.NewBuilder(configPath, true, time.Time{}, "test")
	mem := site.NewMemory()
	if _, err := b.Build(t.Context(), nil, mem); err != nil {
		t.Fatalf("building %s: %v", configPath, err)
	}
	return mem
}

// htmlPaths returns the site's HTML pages, sorted.
func htmlPaths(mem *site.Memory) []string {
	var ps []string
	for _, p := range mem.Paths() {
		if strings.HasSuffix(p, ".html") {
			ps = append(ps, p)
		}
	}
	return ps
}

// serve serves mem as a static web server would, until t ends.
func serve(t *testing.T, mem *site.Memory) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := strings.TrimPrefix(r.URL.Path, "/")
		if p == "" || strings.HasSuffix(p, "/") {
			p += "index.html"
		}
		b, ok := mem.Get(p)
		if !ok {
			http.NotFound(w, r)
			return
		}
		if ct := mime.TypeByExtension(path.Ext(p)); ct != "" {
			w.Header().Set("Content-Type", ct)
		}
		w.Write(b)
	}))
	t.Cleanup(srv.Close)
	return srv
}

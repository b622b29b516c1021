package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/opsalign/opsalign/generator/browser"
	"github.com/opsalign/opsalign/internal/browsertest"
	"github.com/opsalign/opsalign/internal/sampledata"
)

// chartPages are the sample's pages of every type that has charts.
var chartPages = []string{"index.html", "portfolio.html", "calendar.html", "reliability.html", "metrics/M-10.html",
	"initiatives/INI-005.html", "initiatives/INI-029.html", "board-pack.html"}

// chartWidths are the widths every chart is checked at: a laptop and a phone.
var chartWidths = []int{1440, 390}

// chartText is what chartTextJS measures: per chart, its text boxes and the
// pairs of them that overlap.
type chartText struct {
	Chart    string
	Texts    int
	Overlaps []string
}

// chartTextJS collects, for every chart of the page drawn as SVG, the
// bounding boxes of its visible text elements (getBBox, turned as drawn by
// the element's transform: a label at 45° is a turned box, not the upright
// box around it) and every pair of them that overlaps by more than half a
// pixel (boxes that only touch do not), and every text box that a data
// symbol (a scatter or line point) overlaps.
const chartTextJS = `(() => {
	const out = [];
	for (const el of document.querySelectorAll(".chart-canvas")) {
		const svg = el.querySelector("svg");
		if (!svg) { out.push({Chart: el.getAttribute("data-option"), Texts: -1, Overlaps: ["not drawn as SVG"]}); continue; }
		const boxes = [];
		for (const t of svg.querySelectorAll("text")) {
			if (!t.textContent.trim()) continue;
			const cs = getComputedStyle(t);
			if (cs.display === "none" || cs.visibility === "hidden" || Number(cs.opacity) === 0) continue;
			if (t.getAttribute("fill-opacity") === "0" || t.getAttribute("opacity") === "0") continue;
			// Text clipped away (a scrolled legend's other pages) is not seen.
			let clipped = false;
			for (let p = t; p && p !== svg; p = p.parentElement) {
				const c = p.getAttribute && p.getAttribute("clip-path");
				if (c) {
					const id = c.replace(/^url\(["']?#|["']?\)$/g, "");
					const clip = document.getElementById(id);
					const r = t.getBoundingClientRect(), cr = clip && clip.firstElementChild && clip.firstElementChild.getBoundingClientRect();
					if (cr && (r.right <= cr.left || r.left >= cr.right || r.bottom <= cr.top || r.top >= cr.bottom)) clipped = true;
				}
			}
			if (clipped) continue;
			// The text's own box, turned as it is drawn: its corners in
			// the page's pixels.
			const bb = t.getBBox(), m = t.getScreenCTM();
			if (!m || bb.width === 0 || bb.height === 0) continue;
			const pt = (x, y) => [m.a * x + m.c * y + m.e, m.b * x + m.d * y + m.f];
			boxes.push({text: t.textContent, c: [pt(bb.x, bb.y), pt(bb.x + bb.width, bb.y), pt(bb.x + bb.width, bb.y + bb.height), pt(bb.x, bb.y + bb.height)]});
		}
		// Two boxes overlap when no edge direction of either separates
		// them; depth is how far they overlap along the axis that
		// separates them least, so that boxes which touch do not count.
		const depth = (a, b) => {
			let least = Infinity;
			for (const poly of [a, b]) for (let i = 0; i < 4; i++) {
				const [x1, y1] = poly[i], [x2, y2] = poly[(i + 1) % 4];
				let nx = y1 - y2, ny = x2 - x1;
				const len = Math.hypot(nx, ny);
				if (len === 0) continue;
				nx /= len; ny /= len;
				const proj = p => p.map(([x, y]) => x * nx + y * ny);
				const pa = proj(a), pb = proj(b);
				const d = Math.min(Math.max(...pa), Math.max(...pb)) - Math.max(Math.min(...pa), Math.min(...pb));
				least = Math.min(least, d);
			}
			return least;
		};
		const overlaps = [];
		for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
			const d = depth(boxes[i].c, boxes[j].c);
			if (d > 0.5) overlaps.push(JSON.stringify(boxes[i].text) + " × " + JSON.stringify(boxes[j].text) + " (" + d.toFixed(1) + " px deep)");
		}
		// Data symbols (ECharts draws a scatter or line point as a unit
		// path scaled by a matrix transform: a circle or diamond, as
		// wide as it is high) must not sit on a text either: a go-live's
		// dot on a neighbour's name. Legend icons of bars, also scaled,
		// are wider than high and sit beside their names.
		for (const p of svg.querySelectorAll('path[transform^="matrix("]')) {
			if (p.getAttribute("fill-opacity") === "0" || p.getAttribute("opacity") === "0") continue;
			const r = p.getBoundingClientRect();
			if (r.width === 0 || r.height === 0 || Math.abs(r.width - r.height) > 1.5 || r.width > 24) continue;
			const c = [[r.left, r.top], [r.right, r.top], [r.right, r.bottom], [r.left, r.bottom]];
			for (const b of boxes) {
				const d = depth(b.c, c);
				if (d > 0.5) overlaps.push(JSON.stringify(b.text) + " × a symbol at " + Math.round(r.left) + "," + Math.round(r.top) + " (" + d.toFixed(1) + " px deep)");
			}
		}
		out.push({Chart: el.getAttribute("data-option"), Texts: boxes.length, Overlaps: overlaps});
	}
	return JSON.stringify(out);
})()`

// TestChartTextApart checks that no two text boxes of any chart overlap,
// on every sample page type with charts and on a site large enough for
// horizontal bars and the calendar heat map, at a laptop's and a phone's
// width.
func TestChartTextApart(t *testing.T) {
	bctx := browsertest.Start(t)
	sample := serve(t, build(t, filepath.Join(repoRoot(t), "opsalign.toml")))
	for _, p := range chartPages {
		for _, w := range chartWidths {
			t.Run(fmt.Sprintf("%s at %d", p, w), func(t *testing.T) {
				t.Parallel()
				checkChartText(t, bctx, sample.URL+"/"+p, w)
			})
		}
	}
}

// TestCalendarAtScale checks that the calendar of a large portfolio
// (2,500 initiatives in 10 business units) is a heat map of go-lives per
// unit and week, that its charts' text stays apart, and that its units
// are horizontal bars, largest first.
func TestCalendarAtScale(t *testing.T) {
	bctx := browsertest.Start(t)
	dir := t.TempDir()
	if err := sampledata.WriteSynthetic(t.Context(), dir, sampledata.ScaleFor(2500, 7)); err != nil {
		t.Fatal(err)
	}
	srv := serve(t, build(t, filepath.Join(dir, "opsalign.toml")))
	tab := open(t, bctx, srv.URL+"/calendar.html")
	waitCharts(t, tab)
	var got struct {
		Type  string
		Units int
		Weeks int
		Cells int
		Sum   int
	}
	js := `(() => {
		const c = echarts.getInstanceByDom(document.querySelector("#chart-calendar .chart-canvas"));
		const o = c.getOption(), s = o.series[0];
		return JSON.stringify({Type: s.type, Units: o.yAxis[0].data.length, Weeks: o.xAxis[0].data.length,
			Cells: s.data.length, Sum: s.data.reduce((n, d) => n + d[2], 0)});
	})()`
	if err := json.Unmarshal([]byte(eval[string](t, tab, js)), &got); err != nil {
		t.Fatal(err)
	}
	rows := eval[int](t, tab, `document.querySelectorAll("#chart-calendar table.data tbody tr").length`)
	// as_of is the synthetic company's; the span is a month back and nine
	// ahead: 41 to 45 weeks by their Mondays.
	if got.Type != "heatmap" || got.Units != 10 || got.Weeks < 41 || got.Weeks > 45 || got.Cells == 0 || got.Sum <= 200 || rows == 0 || rows > got.Weeks {
		t.Errorf("calendar at scale: %+v, %d table rows; want a heat map of 10 units by 41–45 weeks over more than 200 go-lives, a row a week at most", got, rows)
	}
	for _, p := range []string{"calendar.html", "portfolio.html", "index.html"} {
		for _, w := range chartWidths {
			t.Run(fmt.Sprintf("%s at %d", p, w), func(t *testing.T) {
				checkChartText(t, bctx, srv.URL+"/"+p, w)
			})
		}
	}
	tab = open(t, bctx, srv.URL+"/portfolio.html")
	waitCharts(t, tab)
	var bars struct {
		Type   string
		Labels []string
		Totals []float64
	}
	js = `(() => {
		const c = echarts.getInstanceByDom(document.querySelector("#chart-split-by-unit .chart-canvas"));
		const o = c.getOption(), y = o.yAxis[0];
		const totals = y.data.map((_, i) => o.series.reduce((n, s) => n + (s.data[i] || 0), 0));
		return JSON.stringify({Type: y.type, Labels: y.data, Totals: totals});
	})()`
	if err := json.Unmarshal([]byte(eval[string](t, tab, js)), &bars); err != nil {
		t.Fatal(err)
	}
	if bars.Type != "category" || len(bars.Labels) != 10 {
		t.Fatalf("budget by unit: %+v, want 10 horizontal bars", bars)
	}
	for i := 1; i < len(bars.Totals); i++ {
		if bars.Totals[i] > bars.Totals[i-1] {
			t.Errorf("budget by unit not largest first: %v", bars.Totals)
		}
	}
}

// checkChartText opens url at the given width and fails t for every pair
// of overlapping text boxes of its charts.
func checkChartText(t *testing.T, bctx context.Context, url string, width int) {
	t.Helper()
	tab := open(t, bctx, url)
	if width != 1440 {
		if err := chromedp.Do(tab.Ctx, chromedp.EmulateViewport(int64(width), 844, chromedp.EmulateMobile), chromedp.Reload()); err != nil {
			t.Fatalf("viewport: %v", err)
		}
	} else if err := chromedp.Do(tab.Ctx, chromedp.EmulateViewport(1440, 900), chromedp.Reload()); err != nil {
		t.Fatalf("viewport: %v", err)
	}
	n := waitCharts(t, tab)
	if n == 0 {
		t.Fatalf("%s: no chart", url)
	}
	got := settledText(t, tab)
	texts := 0
	for _, c := range got {
		texts += c.Texts
		if len(c.Overlaps) > 0 {
			t.Errorf("%s at %d px: %s: %d overlapping text boxes:\n%s", url, width, c.Chart, len(c.Overlaps), strings.Join(c.Overlaps, "\n"))
		}
	}
	if texts < 3*len(got) {
		t.Errorf("%s at %d px: only %d text boxes in %d charts: the check saw little", url, width, texts, len(got))
	}
}

// settledText measures the charts' text until two measures 100 ms apart
// agree: ECharts draws on the next animation frame, and go-live labels are
// placed after a first draw.
func settledText(t *testing.T, tab *browser.Tab) []chartText {
	t.Helper()
	var last string
	for range 30 {
		time.Sleep(100 * time.Millisecond)
		s := eval[string](t, tab, chartTextJS)
		if s == last {
			var got []chartText
			if err := json.Unmarshal([]byte(s), &got); err != nil {
				t.Fatal(err)
			}
			return got
		}
		last = s
	}
	t.Fatalf("the charts' text did not settle in 3 s")
	return nil
}

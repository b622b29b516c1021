package e2e

import (
	"encoding/json"
	"math"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"

	"github.com/opsalign/opsalign/internal/browsertest"
)

// calendarWindow is a peak or freeze window the calendar chart must shade:
// the rows (business units) it covers, or every row when rows is nil.
type calendarWindow struct {
	name       string
	start, end string
	rows       []string
}

// calendarSite writes the plain site with a calendar of its own, in the
// months after its as_of (2026-09-30) that the chart shows: windows
// of one unit (one spelt in another case with spaces around it, one of a
// unit without go-lives), of every unit ("all" and empty), and a close,
// which is not drawn. The go-lives are in Retail, Dock scan and Fleet.
func calendarSite(t *testing.T, dir string) {
	writeSite(t, dir, plain)
	write(t, filepath.Join(dir, "data", "calendar.csv"), `Name,Start,End,Kind,Business Unit
Order hub peak,2026-10-01,2026-10-30,Peak,Retail
Fleet freeze,2026-11-02,2026-11-13,Freeze, fleet `+`
Depot blackout,2027-01-04,2027-01-15,Blackout,Depot
Warehouse freeze,2027-02-01,2027-02-12,Freeze,all
Spring peak,2027-03-08,2027-03-19,Peak,
Quarter close,2026-12-28,2026-12-31,Close,Retail
`)
}

// TestCalendarWindows checks, in the drawn chart, that a window of one
// business unit shades that unit's row (the whole band, nothing else) and
// a window of every unit the whole height, on a small site and on the
// sample.
func TestCalendarWindows(t *testing.T) {
	bctx := browsertest.Start(t)
	dir := t.TempDir()
	calendarSite(t, dir)
	for _, tt := range []struct {
		name   string
		config string
		rows   []string // the chart's rows, bottom to top
		wins   []calendarWindow
		tips   bool // hover each window where no go-live is drawn
	}{
		{
			name:   "small site",
			config: filepath.Join(dir, "opsalign.toml"),
			// Depot has a window but no go-live: it gets a row.
			rows: []string{"Depot", "Dock scan", "Fleet", "Retail"},
			wins: []calendarWindow{
				{"Order hub peak", "2026-10-01", "2026-10-30", []string{"Retail"}},
				{"Fleet freeze", "2026-11-02", "2026-11-13", []string{"Fleet"}},
				{"Depot blackout", "2027-01-04", "2027-01-15", []string{"Depot"}},
				{"Warehouse freeze", "2027-02-01", "2027-02-12", nil},
				{"Spring peak", "2027-03-08", "2027-03-19", nil},
			},
			tips: true,
		},
		{
			name:   "sample",
			config: filepath.Join(repoRoot(t), "opsalign.toml"),
			rows:   []string{"(no unit)", "Customer Operations", "Distribution", "Field Services", "Shared Services"},
			// The chart looks forward from as_of (2026-09-30), from
			// 2026-08-30 to 2027-06-30: the earlier windows are not drawn.
			wins: []calendarWindow{
				{"Peak season 2026", "2026-11-15", "2026-12-31", nil},
				{"Year-end change freeze 2026", "2026-12-14", "2027-01-04", nil},
			},
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			srv := serve(t, build(t, tt.config))
			tab := open(t, bctx, srv.URL+"/calendar.html")
			waitCharts(t, tab)
			var got drawnCalendar
			if err := json.Unmarshal([]byte(eval[string](t, tab, calendarJS(tt.wins))), &got); err != nil {
				t.Fatal(err)
			}
			checkCalendar(t, got, tt.rows, tt.wins)
			if !tt.tips || t.Failed() {
				return
			}
			// The tooltip of each window names it and its unit.
			for i, w := range tt.wins {
				a := got.Areas[i][0]
				x := got.Left + a[0] + (a[1]-a[0])/4
				y := got.Top + a[2] + (a[3]-a[2])/2
				if _, err := chromedp.Run(tab.Ctx, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, x, y)); err != nil {
					t.Fatal(err)
				}
				tip := eval[string](t, tab, `Array.from(document.querySelectorAll('#chart-calendar div[style*="z-index: 9999999"]')).map(d => d.innerText).join("|")`)
				want := w.name + " ("
				if w.rows != nil {
					want = ", " + strings.Join(w.rows, "") + ")"
				}
				// The unit as the window spells it, which may differ in case from the row's.
				if !strings.Contains(tip, w.name) || !strings.Contains(strings.ToLower(tip), strings.ToLower(want)) {
					t.Errorf("%s: tooltip %q, want its name and %q", w.name, tip, want)
				}
			}
		})
	}
}

// drawnCalendar is what calendarJS measures on the page, in pixels from
// the chart's top left corner.
type drawnCalendar struct {
	Rows    []string      // the y axis' categories, bottom to top
	Centres []float64     // each row's centre
	Areas   [][][]float64 // per window: the shaded rectangles drawn at its dates, as left, right, top, bottom
	// Left and Top are where the chart is in the window, scrolled into view.
	Left, Top float64
	Error     string
}

// calendarJS measures the calendar chart: its rows, where ECharts put
// their centres, and for each window every filled path of the SVG whose
// left and right edges are those of the window's dates.
func calendarJS(wins []calendarWindow) string {
	type span struct{ Start, End string }
	var spans []span
	for _, w := range wins {
		spans = append(spans, span{w.start, w.end})
	}
	js, _ := json.Marshal(spans)
	return `(() => {
	const el = document.querySelector("#chart-calendar .chart-canvas");
	const c = el && echarts.getInstanceByDom(el);
	if (!c) return JSON.stringify({Error: "no calendar chart"});
	const rows = c.getOption().yAxis[0].data;
	el.scrollIntoView();
	const svg = el.querySelector("svg").getBoundingClientRect();
	const paths = Array.from(el.querySelectorAll("svg path")).filter(p => {
		const f = p.getAttribute("fill");
		return f && f !== "none";
	}).map(p => {
		const r = p.getBoundingClientRect();
		return {l: r.left - svg.left, r: r.right - svg.left, t: r.top - svg.top, b: r.bottom - svg.top};
	});
	const near = (a, b) => Math.abs(a - b) <= 1;
	const areas = ` + string(js) + `.map(w => {
		const l = c.convertToPixel({xAxisIndex: 0}, w.Start), r = c.convertToPixel({xAxisIndex: 0}, w.End);
		return paths.filter(p => near(p.l, l) && near(p.r, r) && p.b - p.t > 1).map(p => [p.l, p.r, p.t, p.b]);
	});
	return JSON.stringify({Rows: rows, Centres: rows.map(r => c.convertToPixel({yAxisIndex: 0}, r)), Areas: areas, Left: svg.left, Top: svg.top});
})()`
}

// checkCalendar checks the measured chart: the rows are as expected, and
// each window is shaded over exactly its rows' bands, one rectangle per
// row, or over the whole height in one rectangle.
func checkCalendar(t *testing.T, got drawnCalendar, rows []string, wins []calendarWindow) {
	t.Helper()
	if got.Error != "" {
		t.Fatal(got.Error)
	}
	if !slices.Equal(got.Rows, rows) {
		t.Fatalf("rows %q, want %q", got.Rows, rows)
	}
	if len(rows) < 2 || len(got.Centres) != len(rows) {
		t.Fatalf("centres %v for rows %q", got.Centres, rows)
	}
	// Rows are bands of equal height around their centres, the first at
	// the bottom (largest y).
	h := (got.Centres[0] - got.Centres[len(rows)-1]) / float64(len(rows)-1)
	if h < 10 {
		t.Fatalf("rows %v px high", h)
	}
	band := func(i int) [2]float64 { return [2]float64{got.Centres[i] - h/2, got.Centres[i] + h/2} }
	near := func(a, b [2]float64) bool { return math.Abs(a[0]-b[0]) <= 1.5 && math.Abs(a[1]-b[1]) <= 1.5 }
	for i, w := range wins {
		var want [][2]float64
		if w.rows == nil {
			want = [][2]float64{{band(len(rows) - 1)[0], band(0)[1]}}
		}
		for _, r := range w.rows {
			j := slices.Index(rows, r)
			if j < 0 {
				t.Fatalf("%s: no row %q", w.name, r)
			}
			want = append(want, band(j))
		}
		var drawn [][2]float64
		for _, a := range got.Areas[i] {
			drawn = append(drawn, [2]float64{a[2], a[3]})
		}
		ok := len(drawn) == len(want)
		for _, d := range drawn {
			ok = ok && slices.ContainsFunc(want, func(b [2]float64) bool { return near(b, d) })
		}
		if !ok {
			t.Errorf("%s (%s): shaded y %v, want %v (%s)", w.name, unitsOf(w), drawn, want, strings.Join(rows, ", "))
		}
	}
}

// unitsOf names a window's units for a message.
func unitsOf(w calendarWindow) string {
	if w.rows == nil {
		return "every unit"
	}
	return strings.Join(w.rows, ", ")
}

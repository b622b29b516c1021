package e2e

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/opsalign/opsalign/generator/browser"
)

// tableRow is one body row of the initiatives table as the browser shows it.
type tableRow struct {
	ID      string `json:"id"`
	Budget  string `json:"budget"`  // the cell's data-sort key
	Verdict string `json:"verdict"` // the verdict cell's data-sort key
	Text    string `json:"text"`
	Hidden  bool   `json:"hidden"`
}

// rowsJS reads the body rows of the initiatives table, in their order.
const rowsJS = `Array.from(document.querySelectorAll("#initiatives tbody tr")).map(r => ({
	id: r.cells[0].textContent.trim(),
	budget: r.cells[5].getAttribute("data-sort"),
	verdict: r.cells[8].getAttribute("data-sort"),
	text: r.textContent,
	hidden: r.hidden,
}))`

// ids returns the ids of rows, in order.
func ids(rows []tableRow) []string {
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = r.ID
	}
	return out
}

// checkSort clicks the Budget header of initiatives/index.html twice and
// checks the rows come in ascending, then descending, budget order, ties
// kept in their first order.
func checkSort(t *testing.T, tab *browser.Tab) {
	before := eval[[]tableRow](t, tab, rowsJS)
	if len(before) < 3 {
		t.Fatalf("initiatives table has %d rows", len(before))
	}
	budget := map[string]float64{}
	for _, r := range before {
		f, err := strconv.ParseFloat(r.Budget, 64)
		if err != nil {
			t.Fatalf("%s: budget sort key %q: %v", r.ID, r.Budget, err)
		}
		budget[r.ID] = f
	}
	asc := slices.Clone(before)
	slices.SortStableFunc(asc, func(a, b tableRow) int { return cmp.Compare(budget[a.ID], budget[b.ID]) })
	desc := slices.Clone(before)
	slices.SortStableFunc(desc, func(a, b tableRow) int { return cmp.Compare(budget[b.ID], budget[a.ID]) })
	if slices.Equal(ids(asc), ids(before)) {
		t.Fatalf("the table is already in budget order; the test cannot tell a sort happened")
	}
	header := chromedp.CSS("#initiatives thead th:nth-child(6) button.sort")
	for _, step := range []struct {
		aria string
		want []tableRow
	}{{"ascending", asc}, {"descending", desc}} {
		if err := chromedp.Do(tab.Ctx, chromedp.Click(header)); err != nil {
			t.Fatalf("clicking Budget: %v", err)
		}
		got := eval[[]tableRow](t, tab, rowsJS)
		if !slices.Equal(ids(got), ids(step.want)) {
			t.Errorf("%s by budget: rows\n%q\nwant\n%q", step.aria, ids(got), ids(step.want))
		}
		if a := eval[string](t, tab, `document.querySelector("#initiatives thead th:nth-child(6)").getAttribute("aria-sort")`); a != step.aria {
			t.Errorf("aria-sort = %q after the click, want %q", a, step.aria)
		}
	}
}

// setFilter sets a filter control of the initiatives table as a reader
// would (typing into the search box, choosing in a select).
func setFilter(t *testing.T, tab *browser.Tab, sel, value string) {
	t.Helper()
	js := `(() => { const c = document.querySelector(` + strconv.Quote(sel) + `); c.value = ` + strconv.Quote(value) + `;
		c.dispatchEvent(new Event(c.tagName === "SELECT" ? "change" : "input")); return c.value; })()`
	if got := eval[string](t, tab, js); got != value {
		t.Fatalf("%s: value %q, want %q", sel, got, value)
	}
}

// checkFilter types the first row's business unit into the search box,
// then picks a verdict, and checks that exactly the matching rows stay
// visible.
func checkFilter(t *testing.T, tab *browser.Tab) {
	const search, verdict = `input[type=search][data-filter="initiatives"]`, `select[data-filter="initiatives"][data-col="8"]`
	rows := eval[[]tableRow](t, tab, rowsJS)
	q := eval[string](t, tab, `document.querySelector("#initiatives tbody tr").cells[2].textContent.trim()`)
	if q == "" {
		t.Fatal("first row has no business unit to filter by")
	}
	// Typed, key by key, the way a reader does.
	if err := chromedp.Do(tab.Ctx, chromedp.SendKeys(chromedp.CSS(search), q)); err != nil {
		t.Fatalf("typing into the filter: %v", err)
	}
	want := func(r tableRow) bool { return strings.Contains(strings.ToLower(r.Text), strings.ToLower(q)) }
	checkShown(t, "search "+q, rows, eval[[]tableRow](t, tab, rowsJS), want)

	setFilter(t, tab, search, "")
	setFilter(t, tab, verdict, "at_risk")
	checkShown(t, "verdict at_risk", rows, eval[[]tableRow](t, tab, rowsJS), func(r tableRow) bool { return r.Verdict == "at_risk" })

	setFilter(t, tab, verdict, "")
	if n := eval[int](t, tab, `document.querySelectorAll("#initiatives tbody tr[hidden]").length`); n != 0 {
		t.Errorf("with no filter %d rows stay hidden", n)
	}
}

// checkShown checks that the rows got are shown exactly when want says
// (rows: the same rows before filtering), and that some of each are.
func checkShown(t *testing.T, what string, rows, got []tableRow, want func(tableRow) bool) {
	t.Helper()
	shown, hidden := 0, 0
	for i, r := range got {
		if r.Hidden == want(rows[i]) {
			t.Errorf("%s: row %s hidden=%v", what, r.ID, r.Hidden)
		}
		if r.Hidden {
			hidden++
		} else {
			shown++
		}
	}
	if shown == 0 || hidden == 0 {
		t.Errorf("%s: %d rows shown, %d hidden; want some of each", what, shown, hidden)
	}
}

// overflowJS lists the elements that stick out to the right of the
// viewport, or whose text sticks out of them past it, without a scrolling
// box around them.
const overflowJS = `(() => {
	const w = document.documentElement.clientWidth, bad = [];
	const boxed = el => {
		for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
			const o = getComputedStyle(p).overflowX;
			if (o === "auto" || o === "scroll" || o === "hidden" || o === "clip") return true;
		}
		return false;
	};
	const name = el => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
		(typeof el.className === "string" && el.className.trim() ? "." + el.className.trim().split(/\s+/).join(".") : "");
	for (const el of document.body.querySelectorAll("*")) {
		const r = el.getBoundingClientRect();
		if (r.width === 0) continue;
		const past = Math.max(r.right, r.left + el.scrollWidth);
		if (past <= w + 1 || getComputedStyle(el).overflowX !== "visible" && r.right <= w + 1) continue;
		if (!boxed(el)) bad.push(name(el) + " reaches " + Math.round(past) + "px: " + el.textContent.trim().slice(0, 40));
	}
	return {width: w, scrollWidth: document.documentElement.scrollWidth, bad: bad.slice(-6)};
})()`

// overflow is what overflowJS found: the viewport's width, the page's,
// and the elements sticking out (the innermost last).
type overflow struct {
	Width       int      `json:"width"`
	ScrollWidth int      `json:"scrollWidth"`
	Bad         []string `json:"bad"`
}

// checkPhone reloads the tab at a phone's width and checks nothing makes
// the page scroll sideways.
func checkPhone(t *testing.T, tab *browser.Tab) {
	if err := chromedp.Do(tab.Ctx, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile), chromedp.Reload()); err != nil {
		t.Fatalf("phone viewport: %v", err)
	}
	waitCharts(t, tab)
	o := eval[overflow](t, tab, overflowJS)
	if o.Width > 390 || o.Width < 300 {
		t.Fatalf("the viewport is %dpx wide, not a phone's 390px", o.Width)
	}
	if o.ScrollWidth > o.Width || len(o.Bad) > 0 {
		t.Errorf("at 390px the page is %dpx wide; overflowing: %q", o.ScrollWidth, o.Bad)
	}
}

package e2e

import (
	"cmp"
	"context"
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
	Verdict string `json:"verdict"` // the verdict key, from the badge's class
	Text    string `json:"text"`
}

// rowsJS reads the body rows of the initiatives table, in their order.
const rowsJS = `Array.from(document.querySelectorAll("#initiatives tbody tr")).map(r => ({
	id: (r.cells[0].querySelector(".id") || r.cells[0]).textContent.trim(),
	verdict: (r.cells[1].querySelector(".verdict").className.match(/verdict-(\w+)/) || [])[1] || "",
	text: r.textContent,
}))`

// ids returns the ids of rows, in order.
func ids(rows []tableRow) []string {
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = r.ID
	}
	return out
}

// waitList waits until the list script has loaded the table's data file.
func waitList(t *testing.T, tab *browser.Tab, table string) {
	t.Helper()
	if err := chromedp.Do(tab.Ctx, chromedp.WaitVisible(chromedp.CSS(table+"[data-ready]"))); err != nil {
		t.Fatalf("waiting for the list data of %s: %v", table, err)
	}
}

// checkSort clicks the Budget header of initiatives/index.html twice and
// checks the rows come in ascending, then descending, budget order (the
// budgets as the list's data file has them), ties kept in their first
// order, and that the address's fragment names the order.
func checkSort(t *testing.T, tab *browser.Tab) {
	waitList(t, tab, "#initiatives")
	before := eval[[]tableRow](t, tab, rowsJS)
	if len(before) < 3 {
		t.Fatalf("initiatives table has %d rows", len(before))
	}
	budget := eval[map[string]float64](t, tab, `Object.fromEntries(opsalignData.initiatives.rows.map(r => [r[0], r[7]]))`)
	asc := slices.Clone(before)
	slices.SortStableFunc(asc, func(a, b tableRow) int { return cmp.Compare(budget[a.ID], budget[b.ID]) })
	desc := slices.Clone(before)
	slices.SortStableFunc(desc, func(a, b tableRow) int { return cmp.Compare(budget[b.ID], budget[a.ID]) })
	if slices.Equal(ids(asc), ids(before)) {
		t.Fatalf("the table is already in budget order; the test cannot tell a sort happened")
	}
	header := chromedp.CSS(`#initiatives thead th[data-key="budget"] button.sort`)
	for _, step := range []struct {
		aria, hash string
		want       []tableRow
	}{{"ascending", "#sort=budget", asc}, {"descending", "#sort=-budget", desc}} {
		if err := chromedp.Do(tab.Ctx, chromedp.Click(header)); err != nil {
			t.Fatalf("clicking Budget: %v", err)
		}
		got := eval[[]tableRow](t, tab, rowsJS)
		if !slices.Equal(ids(got), ids(step.want)) {
			t.Errorf("%s by budget: rows\n%q\nwant\n%q", step.aria, ids(got), ids(step.want))
		}
		if a := eval[string](t, tab, `document.querySelector('#initiatives thead th[data-key="budget"]').getAttribute("aria-sort")`); a != step.aria {
			t.Errorf("aria-sort = %q after the click, want %q", a, step.aria)
		}
		if h := eval[string](t, tab, `location.hash`); h != step.hash {
			t.Errorf("after sorting %s the address ends %q, want %q", step.aria, h, step.hash)
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
// then picks a verdict, and checks that exactly the matching rows are
// listed, the status counts them and the address keeps the view; then
// reopens the view from its address.
func checkFilter(t *testing.T, bctx context.Context, base string) {
	tab := open(t, bctx, base+"initiatives/index.html")
	const search, verdict = `form[data-list="initiatives"] input[name="q"]`, `form[data-list="initiatives"] select[name="verdict"]`
	waitList(t, tab, "#initiatives")
	rows := eval[[]tableRow](t, tab, rowsJS)
	q := eval[string](t, tab, `document.querySelector("#initiatives tbody tr").cells[3].textContent.trim()`)
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
	atRisk := func(r tableRow) bool { return r.Verdict == "at_risk" }
	shown := checkShown(t, "verdict at_risk", rows, eval[[]tableRow](t, tab, rowsJS), atRisk)
	status := eval[string](t, tab, `document.querySelector(".list-status").textContent`)
	if w := strconv.Itoa(shown) + " of " + strconv.Itoa(len(rows)) + " shown"; status != w {
		t.Errorf("status %q, want %q", status, w)
	}
	if h := eval[string](t, tab, `location.hash`); h != "#verdict=at_risk" {
		t.Errorf("address ends %q, want #verdict=at_risk", h)
	}

	setFilter(t, tab, verdict, "")
	if n := len(eval[[]tableRow](t, tab, rowsJS)); n != len(rows) {
		t.Errorf("with no filter %d of %d rows are listed", n, len(rows))
	}

	// The view opens from its address: at-risk initiatives, by budget, largest first.
	view := open(t, bctx, base+"initiatives/index.html#verdict=at_risk&sort=-budget")
	waitList(t, view, "#initiatives")
	got := eval[[]tableRow](t, view, rowsJS)
	budget := eval[map[string]float64](t, view, `Object.fromEntries(opsalignData.initiatives.rows.map(r => [r[0], r[7]]))`)
	var exp []tableRow
	for _, r := range rows {
		if atRisk(r) {
			exp = append(exp, r)
		}
	}
	slices.SortStableFunc(exp, func(a, b tableRow) int { return cmp.Compare(budget[b.ID], budget[a.ID]) })
	if !slices.Equal(ids(got), ids(exp)) {
		t.Errorf("opened at #verdict=at_risk&sort=-budget: rows\n%q\nwant\n%q", ids(got), ids(exp))
	}
	if v := eval[string](t, view, verdictValueJS); v != "at_risk" {
		t.Errorf("opened at #verdict=at_risk, the verdict filter shows %q", v)
	}
}

// verdictValueJS reads the verdict filter's value.
const verdictValueJS = `document.querySelector('form[data-list="initiatives"] select[name="verdict"]').value`

// checkShown checks that exactly the rows of rows that want says are
// listed in got, in their order, and that some are and some are not; it
// returns how many are.
func checkShown(t *testing.T, what string, rows, got []tableRow, want func(tableRow) bool) int {
	t.Helper()
	var exp []string
	for _, r := range rows {
		if want(r) {
			exp = append(exp, r.ID)
		}
	}
	if !slices.Equal(ids(got), exp) {
		t.Errorf("%s: rows\n%q\nwant\n%q", what, ids(got), exp)
	}
	if len(exp) == 0 || len(exp) == len(rows) {
		t.Errorf("%s: %d of %d rows match; want some of each", what, len(exp), len(rows))
	}
	return len(got)
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

package e2e

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/opsalign/opsalign/generator/browser"
)

// injected counts what hostile text would have become had it reached the
// page as markup: the images, handlers and inline scripts it carries.
const injectedJS = `document.querySelectorAll('img[src="x"], [onerror], [onload], svg[onload], script:not([src]):not([type="application/json"])').length`

// tipsJS shows the tooltip of the first points of every series of every
// chart, as hovering would, and returns the tooltips' text.
const tipsJS = `(async () => {
	const texts = [];
	for (const el of document.querySelectorAll(".chart-canvas")) {
		const c = echarts.getInstanceByDom(el);
		if (!c) continue;
		const series = c.getOption().series || [];
		for (let s = 0; s < series.length; s++) {
			const n = Math.min((series[s].data || []).length, 6);
			for (let i = 0; i < n; i++) {
				c.dispatchAction({type: "showTip", seriesIndex: s, dataIndex: i});
				await new Promise(r => setTimeout(r, 0));
				el.querySelectorAll('div[style*="z-index: 9999999"]').forEach(d => texts.push(d.innerText));
			}
		}
		c.dispatchAction({type: "hideTip"});
	}
	return texts;
})()`

// hostilePage is what one page of the hostile site showed.
type hostilePage struct {
	text   string   // document.body.textContent
	tips   []string // tooltip texts
	charts int      // chart containers, every one drawn
}

// checkHostile checks one page of the hostile site: nothing injected ran
// or reached the DOM as markup, before and after showing every chart's
// tooltips.
func checkHostile(t *testing.T, tab *browser.Tab) hostilePage {
	pwned := func(when string) {
		t.Helper()
		if v := eval[string](t, tab, `String(window.__pwned)`); v != "undefined" {
			t.Errorf("%s: window.__pwned = %s: hostile text ran as script", when, v)
		}
		if n := eval[int](t, tab, injectedJS); n != 0 {
			t.Errorf("%s: %d injected elements or handlers in the page", when, n)
		}
	}
	pwned("after load")
	tips, err := chromedp.Run(tab.Ctx, chromedp.Evaluate[[]string](tipsJS, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("showing tooltips: %v", err)
	}
	pwned("after the tooltips")
	return hostilePage{text: eval[string](t, tab, `document.body.textContent`), tips: tips}
}

// hostileLink returns the URL of the row link of initiatives/index.html
// whose text is id.
func hostileLink(t *testing.T, bctx context.Context, base, id string) string {
	tab := open(t, bctx, base+"initiatives/index.html")
	defer tab.Close()
	js := `Array.from(document.querySelectorAll("#initiatives tbody th a")).filter(a => a.textContent === ` + jsString(id) + `).map(a => a.href)`
	hrefs := eval[[]string](t, tab, js)
	if len(hrefs) != 1 {
		t.Fatalf("initiatives/index.html: %d links named %q", len(hrefs), id)
	}
	return hrefs[0]
}

// jsString quotes s as a JavaScript string literal (JSON escapes <, >,
// & and U+2028/U+2029 too).
func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

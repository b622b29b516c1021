package serve

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/opsalign/opsalign/generator/browser"
	"github.com/opsalign/opsalign/internal/browsertest"
)

// TestBrowserReloadAndOverlay checks what a person sees in a real browser:
// the page reloads itself on a save, a failed build shows the overlay with
// the message as text, a page opened meanwhile shows it too, and the next
// good build takes it away.
func TestBrowserReloadAndOverlay(t *testing.T) {
	bctx := browsertest.Start(t)
	f := newFakeSite(t)
	r := start(t, f, f.options())
	tab, err := browser.Open(bctx, r.url)
	if err != nil {
		t.Fatal(err)
	}
	defer tab.Close()
	r.waitJS(tab, `document.querySelector("main p").textContent === "welcome"`)

	f.write(t, "content/_index.md", "hello browser")
	r.waitJS(tab, `document.querySelector("main p").textContent === "hello browser"`)

	f.write(t, "content/_index.md", `BROKEN <img src=x onerror="window.pwned=1">`)
	const overlay = `(document.querySelector("#opsalign-overlay pre") || {}).textContent === ` +
		`'content/_index.md:1:1: unknown figure "BROKEN <img src=x onerror=\\"window.pwned=1\\">"'`
	r.waitJS(tab, overlay)
	r.waitJS(tab, `document.querySelector("main p").textContent === "hello browser" && document.images.length === 0 && !window.pwned`)

	late, err := browser.Open(bctx, r.url) // opened while the build is failing
	if err != nil {
		t.Fatal(err)
	}
	defer late.Close()
	r.waitJS(late, overlay)

	f.write(t, "content/_index.md", "fixed")
	for _, tb := range []*browser.Tab{tab, late} {
		r.waitJS(tb, `document.querySelector("main p").textContent === "fixed" && !document.getElementById("opsalign-overlay")`)
	}
	for _, e := range tab.Report().ConsoleErrors {
		if strings.HasPrefix(e, "exception:") || strings.HasPrefix(e, "console.") {
			t.Errorf("page error: %s", e)
		}
	}
}

// waitJS evaluates expr in the tab until it is true. A reload in between
// makes an evaluation fail; it is tried again.
func (r *running) waitJS(tab *browser.Tab, expr string) {
	r.t.Helper()
	var last error
	for {
		ctx, cancel := context.WithTimeout(tab.Ctx, 5*time.Second)
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => { try { return `+expr+` } catch (e) { return false } })()`))
		cancel()
		if err == nil && ok {
			return
		}
		last = err
		select {
		case <-r.ctx.Done():
			r.t.Fatalf("page never showed %s (last error: %v)", expr, last)
		case <-time.After(20 * time.Millisecond):
		}
	}
}

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
	// The site's pages refuse inline script, as the default theme's do
	// (render.Policy): the reload script must be a file of the server.
	f.write(t, "layouts/page.html", `<!doctype html><html><head><meta charset="utf-8">`+
		`<meta http-equiv="Content-Security-Policy" content="`+sitePolicy+`">`+
		`<title>{{title}}</title></head><body><main>{{body}}</main></body></html>`)
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
	for _, tb := range []*browser.Tab{tab, late} {
		for _, e := range tb.Report().ConsoleErrors {
			if strings.HasPrefix(e, "exception:") || strings.HasPrefix(e, "console.") {
				t.Errorf("page error: %s", e)
			}
		}
		for _, v := range tb.Report().Violations {
			t.Errorf("Content-Security-Policy violation: %s", v)
		}
	}
}

// sitePolicy is the policy of the default theme's pages (render.Policy).
const sitePolicy = "default-src 'none'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; " +
	"img-src 'self'; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'"

// TestBrowserStatusPages checks the pages the server makes itself (here:
// the first build failed, then not found) under their own policy: the
// reload script and style sheet load, nothing is refused, and the overlay
// is styled by /_opsalign/serve.css.
func TestBrowserStatusPages(t *testing.T) {
	bctx := browsertest.Start(t)
	f := newFakeSite(t)
	f.write(t, "content/_index.md", `BROKEN`)
	r := start(t, f, f.options())
	tab, err := browser.Open(bctx, r.url)
	if err != nil {
		t.Fatal(err)
	}
	defer tab.Close()
	r.waitJS(tab, `document.title === "Build failed" && getComputedStyle(document.getElementById("opsalign-overlay")).position === "fixed"`)
	f.write(t, "content/_index.md", "fixed")
	r.waitJS(tab, `document.querySelector("main p").textContent === "fixed"`)
	missing, err := browser.Open(bctx, r.url+"no-such-page.html")
	if err != nil {
		t.Fatal(err)
	}
	defer missing.Close()
	r.waitJS(missing, `document.title === "Not found" && getComputedStyle(document.body).maxWidth === "800px"`)
	for _, tb := range []*browser.Tab{tab, missing} {
		for _, v := range tb.Report().Violations {
			t.Errorf("Content-Security-Policy violation: %s", v)
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

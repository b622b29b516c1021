package e2e

import (
	"regexp"
	"strings"
	"testing"

	"github.com/opsalign/opsalign/generator/browser"
	"github.com/opsalign/opsalign/generator/render"
)

// styleHashes are the hashes of inline <style> elements a page's policy
// may name (the board pack's running heads).
var styleHashes = regexp.MustCompile(` 'sha256-[A-Za-z0-9+/=]+'`)

// assertPolicy fails t unless the page declares the default theme's
// Content-Security-Policy (render.Policy, plus the hashes of its inline
// styles) and the browser reported no violation of it. Without the first
// check a page that lost its policy would pass the second vacuously.
// Quarters closed before the policy (history/) are published as frozen and
// are not checked.
func assertPolicy(t testing.TB, tab *browser.Tab, page string) {
	t.Helper()
	for _, v := range tab.Report().Violations {
		t.Errorf("Content-Security-Policy violation: %s", v)
	}
	if strings.HasPrefix(page, "history/") {
		return
	}
	got := eval[string](t, tab, `Array.from(document.querySelectorAll('meta[http-equiv="Content-Security-Policy"]')).map(m => m.content).join(" | ")`)
	if styleHashes.ReplaceAllString(got, "") != render.Policy {
		t.Errorf("the page's policy is %q, want %q", got, render.Policy)
	}
}

// Package axe runs axe-core, the accessibility rule engine, in a page open
// in headless Chromium, for the browser tests only. The engine is vendored
// (axe.min.js, axe-core 4.14.1, MPL-2.0, see axe.LICENSE; make.sh re-makes
// it from the pinned npm package) so the tests run offline. Nothing of it is
// published into a site: the generator does not import this package.
//
// The engine is injected with the DevTools protocol (Runtime.evaluate), which
// a page's Content-Security-Policy does not govern, so pages that forbid
// inline and foreign scripts are checked as they are.
package axe

import (
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/chromedp/chromedp"
)

//go:embed axe.min.js
var source string

// Tags are the axe rule tags the site is held to: WCAG 2.0, 2.1 and 2.2 at
// levels A and AA, and axe's best practices (landmarks, heading order, one
// main region), which the site meets too.
func Tags() []string {
	return []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"}
}

// Violation is one axe rule a page breaks, with the elements that break it.
type Violation struct {
	Rule   string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []Node `json:"nodes"`
}

// Node is one element that breaks a rule.
type Node struct {
	Target  []any  `json:"target"` // CSS selectors; a nested list crosses a shadow root or frame
	HTML    string `json:"html"`
	Summary string `json:"failureSummary"`
}

// Where is the node's CSS selector path.
func (n Node) Where() string {
	var parts []string
	for _, t := range n.Target {
		parts = append(parts, fmt.Sprint(t))
	}
	return strings.Join(parts, " >> ")
}

// Result is what one run of axe found.
type Result struct {
	Violations []Violation `json:"violations"`
	Passes     int         `json:"passes"` // rules the page passed
}

// runJS runs axe over the whole document with tags and returns what the
// Go side reads.
const runJS = `axe.run(document, {runOnly: {type: "tag", values: %s}, resultTypes: ["violations"]}).then(r => {
	const slim = v => ({id: v.id, impact: v.impact || "", help: v.help, nodes: v.nodes.map(n => ({target: n.target, html: n.html, failureSummary: n.failureSummary || ""}))});
	return {violations: r.violations.map(slim), passes: r.passes.length};
})`

// Run injects axe into the page of ctx (a chromedp tab context) unless it is
// there already and runs it with Tags.
func Run(ctx context.Context) (Result, error) {
	var res Result
	has, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`typeof window.axe === "object"`))
	if err != nil {
		return res, fmt.Errorf("axe: %w", err)
	}
	if !has {
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](source)); err != nil {
			return res, fmt.Errorf("axe: injecting axe-core: %w", err)
		}
	}
	tags, _ := json.Marshal(Tags())
	res, err = chromedp.Run(ctx, chromedp.Evaluate[Result](fmt.Sprintf(runJS, tags), chromedp.EvalAwaitPromise))
	if err != nil {
		return res, fmt.Errorf("axe: running: %w", err)
	}
	return res, nil
}

// Version is the vendored axe-core's version.
const Version = "4.14.1"

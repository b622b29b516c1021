package browser

import (
	"context"
	"fmt"
	"strings"
	"sync"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// Report is what opening a page showed.
type Report struct {
	ConsoleErrors []string // console.error calls, uncaught exceptions, browser log errors (failed loads), CSP violations
	Requests      []string // every URL the page requested, in order
	// Violations are the page's Content-Security-Policy violations (its
	// securitypolicyviolation events), each as "directive blocked at
	// file:line"; they are in ConsoleErrors too.
	Violations []string
}

// violationBinding is the function through which the page reports its
// Content-Security-Policy violations (a Runtime binding: it reaches the
// test whatever the page does to its console).
const violationBinding = "__opsalignViolation"

// violationHook listens for the page's securitypolicyviolation events from
// before its first script runs (Page.addScriptToEvaluateOnNewDocument runs
// it in every new document, under no policy).
const violationHook = `document.addEventListener("securitypolicyviolation", function (e) {
  ` + violationBinding + `(e.effectiveDirective + " blocked " + (e.blockedURI || "?") +
    " at " + (e.sourceFile || "?") + ":" + e.lineNumber + (e.sample ? " (" + e.sample + ")" : ""));
}, true);`

// Tab is an open page whose console and requests are being recorded.
type Tab struct {
	Ctx    context.Context // run chromedp actions against the page with it
	cancel context.CancelFunc
	mu     sync.Mutex
	rep    Report
}

// Open opens url in a new tab of the browser of ctx (from Start), records
// its console errors and requests from the first byte on, and waits until
// the document is complete. Close the tab when done.
func Open(ctx context.Context, url string) (*Tab, error) {
	tctx, cancel := chromedp.NewContext(ctx)
	t := &Tab{Ctx: tctx, cancel: cancel}
	if err := chromedp.Listen(tctx, t.record); err != nil {
		cancel()
		return nil, err
	}
	err := chromedp.Do(tctx,
		func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
			if _, err := chromedp.Call(tctx, runtime.Enable, struct{}{}); err != nil {
				return chromedp.Void{}, err
			}
			if _, err := chromedp.Call(tctx, log.Enable, struct{}{}); err != nil {
				return chromedp.Void{}, err
			}
			if _, err := chromedp.Call(tctx, runtime.AddBinding, runtime.AddBindingParams{Name: violationBinding}); err != nil {
				return chromedp.Void{}, err
			}
			if _, err := chromedp.Call(tctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: violationHook}); err != nil {
				return chromedp.Void{}, err
			}
			_, err := chromedp.Call(tctx, network.Enable, network.EnableParams{})
			return chromedp.Void{}, err
		},
		chromedp.Navigate(url),
		chromedp.Poll[chromedp.Void](`document.readyState === "complete"`),
	)
	if err != nil {
		cancel()
		return nil, fmt.Errorf("opening %s: %w", url, err)
	}
	return t, nil
}

func (t *Tab) record(ev any) {
	t.mu.Lock()
	defer t.mu.Unlock()
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
			var parts []string
			for _, a := range ev.Args {
				parts = append(parts, strings.Trim(string(a.Value), `"`)+a.Description)
			}
			t.rep.ConsoleErrors = append(t.rep.ConsoleErrors, "console."+string(ev.Type)+": "+strings.Join(parts, " "))
		}
	case *runtime.EventBindingCalled:
		if ev.Name == violationBinding {
			t.rep.Violations = append(t.rep.Violations, ev.Payload)
			t.rep.ConsoleErrors = append(t.rep.ConsoleErrors, "Content-Security-Policy violation: "+ev.Payload)
		}
	case *runtime.EventExceptionThrown:
		msg := ev.ExceptionDetails.Text
		if ev.ExceptionDetails.Exception != nil {
			msg += " " + ev.ExceptionDetails.Exception.Description
		}
		t.rep.ConsoleErrors = append(t.rep.ConsoleErrors, "exception: "+msg)
	case *log.EventEntryAdded:
		if ev.Entry.Level == log.EntryLevelError {
			t.rep.ConsoleErrors = append(t.rep.ConsoleErrors, fmt.Sprintf("log: %s %s", ev.Entry.Text, ev.Entry.URL))
		}
	case *network.EventRequestWillBeSent:
		t.rep.Requests = append(t.rep.Requests, ev.Request.URL)
	}
}

// Report returns what the tab recorded so far.
func (t *Tab) Report() Report {
	t.mu.Lock()
	defer t.mu.Unlock()
	r := t.rep
	r.ConsoleErrors = append([]string(nil), r.ConsoleErrors...)
	r.Requests = append([]string(nil), r.Requests...)
	r.Violations = append([]string(nil), r.Violations...)
	return r
}

// Close closes the tab.
func (t *Tab) Close() { t.cancel() }

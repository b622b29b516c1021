// Package browser drives a locally installed Chromium or Chrome through
// chromedp: it finds the browser, starts it headless with its background
// networking off (a report machine is often offline), prints pages to PDF,
// and opens pages while recording what a person's browser would show:
// console errors, uncaught exceptions and every request made.
package browser

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"runtime"

	"github.com/chromedp/chromedp"
)

// ErrNotFound is returned when no Chromium or Chrome is installed.
var ErrNotFound = errors.New("no Chromium or Chrome found (install it, e.g. `apt-get install chromium` on Debian/Ubuntu, or set OPSALIGN_CHROME to its path)")

// candidates are the executable names and paths looked for, in order.
var candidates = []string{
	"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome",
	"headless_shell", "/usr/bin/chromium", "/snap/bin/chromium",
	"/Applications/Chromium.app/Contents/MacOS/Chromium",
	"/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
	`C:\Program Files\Google\Chrome\Application\chrome.exe`,
	`C:\Program Files (x86)\Google\Chrome\Application\chrome.exe`,
	`C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe`,
}

// Find returns the path of the browser: $OPSALIGN_CHROME when set, else
// the first installed candidate.
func Find() (string, error) {
	if p := os.Getenv("OPSALIGN_CHROME"); p != "" {
		if _, err := os.Stat(p); err != nil {
			return "", fmt.Errorf("OPSALIGN_CHROME=%s: %w", p, err)
		}
		return p, nil
	}
	for _, c := range candidates {
		if p, err := exec.LookPath(c); err == nil {
			return p, nil
		}
	}
	return "", ErrNotFound
}

// Start starts a headless browser and returns a context for chromedp
// actions; cancel stops the browser and removes its profile.
func Start(ctx context.Context) (context.Context, context.CancelFunc, error) {
	path, err := Find()
	if err != nil {
		return nil, nil, err
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-domain-reliability", true),
		chromedp.Flag("no-pings", true),
		chromedp.Flag("allow-file-access-from-files", true),
		chromedp.WindowSize(1280, 900),
		// Nothing may leave the machine: every host name but the loopback
		// ones fails to resolve.
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1"),
	)
	if runtime.GOOS == "linux" && os.Geteuid() == 0 {
		opts = append(opts, chromedp.NoSandbox) // Chromium refuses to run as root with its sandbox
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	bctx, cancelBrowser := chromedp.NewContext(actx)
	if err := chromedp.Do(bctx); err != nil { // start the browser now, so errors surface here
		cancelBrowser()
		cancelAlloc()
		return nil, nil, fmt.Errorf("starting %s: %w", path, err)
	}
	return bctx, func() { cancelBrowser(); cancelAlloc() }, nil
}

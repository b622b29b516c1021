// Package browsertest starts one headless Chromium for a test binary's
// browser tests. Outside CI a missing browser skips the test with a clear
// message; under CI=true it fails it, so CI never passes without having
// looked at the pages.
package browsertest

import (
	"context"
	"errors"
	"os"
	"testing"

	"github.com/opsalign/opsalign/generator/browser"
)

// Start returns a browser context for t, stopped when t ends.
func Start(t testing.TB) context.Context {
	t.Helper()
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	ctx, cancel, err := browser.Start(context.Background())
	if err != nil {
		if errors.Is(err, browser.ErrNotFound) && os.Getenv("CI") != "true" {
			t.Skipf("browser test skipped: %v", err)
		}
		t.Fatalf("browser: %v", err)
	}
	t.Cleanup(cancel)
	return ctx
}

package serve

import (
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestWatchSymlinkedFolder watches a data folder that is a link to a folder
// elsewhere: a change made in the real folder is reported under the link's
// name.
func TestWatchSymlinkedFolder(t *testing.T) {
	real, site := t.TempDir(), t.TempDir()
	if err := os.MkdirAll(filepath.Join(real, "q3"), 0o755); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(site, "data")
	if err := os.Symlink(real, link); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	f, err := newFilter([]string{link}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, snap := range []bool{false, true} {
		var w watcher
		if snap {
			w = newPoller(f, 5*time.Millisecond)
		} else if w, err = newFSWatcher(f, slog.New(slog.DiscardHandler)); err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
		out := make(chan string, 16)
		go w.run(ctx, out)
		name := "actuals" + map[bool]string{false: "1", true: "2"}[snap] + ".csv"
		if err := os.WriteFile(filepath.Join(real, "q3", name), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
		want := filepath.Join(link, "q3", name)
		for got := ""; got != want; {
			select {
			case got = <-out:
			case <-ctx.Done():
				t.Fatalf("poll %v: no event for %s", snap, want)
			}
		}
		cancel()
	}
}

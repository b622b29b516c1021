package commands

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/opsalign/opsalign/generator/history"
)

// TestCloseAndBuildRecoverQuarter: a close --force killed between its two
// renames (systems that cannot exchange folders) leaves 2026-Q2 moved
// aside. The next close without --force must not find the quarter open —
// it puts it back and refuses — and the next build does the same before
// it publishes. (Before, the quarter could be closed again with other
// figures, and the hidden folder stayed for ever.)
func TestCloseAndBuildRecoverQuarter(t *testing.T) {
	ctx := context.Background()
	dir, o, _ := newSite(t)
	var logs bytes.Buffer
	o.Logger = slog.New(slog.NewTextHandler(&logs, nil))
	if err := Close(ctx, o, "2026-Q2", false); err != nil {
		t.Fatal(err)
	}
	q := filepath.Join(dir, "history", "2026-Q2")
	frozen := readTree(t, q)
	dead := exec.Command("true")
	if err := dead.Run(); err != nil {
		t.Skip("no true command:", err)
	}
	aside := filepath.Join(dir, "history", ".2026-Q2.old-"+strconv.Itoa(dead.Process.Pid)+"-abc")
	killedClose := func() {
		if err := os.Rename(q, aside); err != nil {
			t.Fatal(err)
		}
		// and the killed close's half-written folder beside it
		if err := os.MkdirAll(filepath.Join(dir, "history", ".2026-Q2.closing-"+strconv.Itoa(dead.Process.Pid)+"-def", "assets"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	check := func(when string) {
		t.Helper()
		got := readTree(t, q)
		if len(got) != len(frozen) {
			t.Fatalf("%s: 2026-Q2 holds %d files, want %d", when, len(got), len(frozen))
		}
		for n, b := range frozen {
			if !bytes.Equal(got[n], b) {
				t.Errorf("%s: %s differs", when, n)
			}
		}
		es, _ := os.ReadDir(filepath.Join(dir, "history"))
		if len(es) != 1 {
			t.Errorf("%s: history/ holds %d entries, want only 2026-Q2", when, len(es))
		}
		if !strings.Contains(logs.String(), "put back a closed quarter") {
			t.Errorf("%s: nothing logged:\n%s", when, logs.String())
		}
		logs.Reset()
	}

	killedClose()
	if err := Close(ctx, o, "2026-Q2", false); !errors.Is(err, history.ErrClosed) {
		t.Fatalf("close after a killed close --force: err = %v, want ErrClosed", err)
	}
	check("close")

	killedClose()
	if _, _, err := Build(ctx, o); err != nil {
		t.Fatal(err)
	}
	check("build")
	if _, err := os.Stat(filepath.Join(dir, "public", "history", "2026-Q2", "board-pack.html")); err != nil {
		t.Errorf("the build did not publish the quarter it put back: %v", err)
	}
}

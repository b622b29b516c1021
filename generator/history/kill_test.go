package history

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/opsalign/opsalign/generator/durable"
	"github.com/opsalign/opsalign/internal/killtest"
)

// The child process of the tests below: a close --force that is killed.
// It is this test binary, run with OPSALIGN_CLOSE_KILL set to
// "step:SITE:PATH:STEP" (close 2026-Q2 again, as version B, and kill
// itself after STEP) or "loop:SITE:PATH" (close 2026-Q2 again and again,
// as versions A and B in turn, until killed). PATH is "exchange" or
// "rename" (the path of systems that cannot exchange two folders).
func TestMain(m *testing.M) { killtest.Main(m, childEnv, closeChild) }

const childEnv = "OPSALIGN_CLOSE_KILL"

func closeChild(parts []string) int {
	mode, dir, path := parts[0], parts[1], parts[2]
	o := durable.Options{NoExchange: path == "rename", NoSync: true}
	ctx := context.Background()
	switch mode {
	case "step":
		o.Step = killtest.AtStep(parts[3])
		if err := write(ctx, dir, version("B"), true, o); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		return 3 // the step was never reached
	case "loop":
		for i := 0; ; i++ {
			v := version("A")
			if i%2 == 0 {
				v = version("B")
			}
			if err := write(ctx, dir, v, true, o); err != nil {
				fmt.Fprintln(os.Stderr, err)
				return 1
			}
			if i == 0 {
				os.Stdout.WriteString("closed\n")
			}
		}
	}
	return 2
}

// version is a close of 2026-Q2 made by opsalign version v: the two
// differ in every file.
func version(v string) Snapshot {
	files := map[string][]byte{
		ScorecardFile: fmt.Appendf(nil, `{"schema":1,"period":"2026-Q2","as_of":"2026-06-30","headline":{"answer":%q}}`, v),
		BoardPackFile: []byte("<h1>" + strings.Repeat(v, 2000) + "</h1>"),
	}
	for i := range 30 {
		files[fmt.Sprintf("assets/%02d.css", i)] = []byte(strings.Repeat(v, 50+i))
	}
	m := Manifest{Schema: ManifestSchema, Period: "2026-Q2", AsOf: "2026-06-30", Version: v}
	for _, n := range slices.Sorted(maps.Keys(files)) {
		m.Files = append(m.Files, Sum(n, files[n]))
	}
	return Snapshot{Manifest: m, Files: files}
}

// closedAs names the close of 2026-Q2 the site folder holds, checked
// against its manifest file by file (Load): "A", "B", "missing" or the
// error.
func closedAs(dir string) string {
	qs, err := Load(dir)
	switch {
	case err != nil:
		return err.Error()
	case len(qs) == 0:
		return "missing"
	}
	return qs[0].Manifest.Version
}

// besideQuarter lists what lies in history/ besides 2026-Q2.
func besideQuarter(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(filepath.Join(dir, Dir))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		if e.Name() != "2026-Q2" {
			out = append(out, e.Name())
		}
	}
	return out
}

// afterKill is what follows a killed close: Recover (which build and
// close run first), then a close without --force, which must be refused.
func afterKill(t *testing.T, dir string) {
	t.Helper()
	if _, err := Recover(dir); err != nil {
		t.Fatal(err)
	}
	if err := Write(context.Background(), dir, version("C")); !errors.Is(err, ErrClosed) {
		t.Fatalf("a close without --force after the killed one: err = %v, want ErrClosed", err)
	}
}

// TestCloseKilledBetweenSteps kills a close --force of 2026-Q2 after each
// of its steps, on both paths: the quarter is the old or the new close,
// whole, at every step where folders can be exchanged; only between the
// two renames of the other path is it missing, and Recover puts the new
// one back. A close without --force is refused after each.
func TestCloseKilledBetweenSteps(t *testing.T) {
	steps := map[string][]string{
		"exchange": {"staged", durable.StepExchanged, durable.StepDiscarded},
		"rename":   {"staged", durable.StepMovedAside, durable.StepMovedIn, durable.StepDiscarded},
	}
	want := map[string]string{"staged": "A", durable.StepExchanged: "B", durable.StepDiscarded: "B",
		durable.StepMovedAside: "missing", durable.StepMovedIn: "B"}
	for _, path := range []string{"exchange", "rename"} {
		for _, step := range steps[path] {
			t.Run(path+"/"+step, func(t *testing.T) {
				dir := t.TempDir()
				if err := Write(context.Background(), dir, version("A")); err != nil {
					t.Fatal(err)
				}
				if err := killtest.Command(childEnv, "step", dir, path, step).Run(); !killtest.Killed(err) {
					t.Fatalf("the child was not killed at %s: %v", step, err)
				}
				if got := closedAs(dir); got != want[step] {
					t.Fatalf("killed after %s: 2026-Q2 is %s, want %s", step, got, want[step])
				}
				afterKill(t, dir)
				if got, w := closedAs(dir), want[step]; got != w && !(w == "missing" && got == "B") {
					t.Errorf("after Recover 2026-Q2 is %s", got)
				}
				if left := besideQuarter(t, dir); len(left) != 0 {
					t.Errorf("left in history/: %q", left)
				}
			})
		}
	}
}

// TestCloseRandomKills kills a process closing 2026-Q2 again and again
// (--force, versions A and B in turn) at 20 random moments on each path,
// and checks each time that the quarter is A or B whole by its manifest
// (where folders can be exchanged, at every kill; elsewhere after
// Recover), and that a close without --force is refused.
func TestCloseRandomKills(t *testing.T) {
	if testing.Short() {
		t.Skip("kills 40 child processes")
	}
	for _, path := range []string{"exchange", "rename"} {
		t.Run(path, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			seen := map[string]int{}
			for i := range 20 {
				killtest.KillRandomly(t, killtest.Command(childEnv, "loop", dir, path), "closed", 200*time.Millisecond)
				got := closedAs(dir)
				seen[got]++
				if got != "A" && got != "B" && !(got == "missing" && path == "rename") {
					t.Fatalf("kill %d: 2026-Q2 is %s", i, got)
				}
				afterKill(t, dir)
				if after := closedAs(dir); after != "A" && after != "B" || (got != "missing" && after != got) {
					t.Fatalf("kill %d: after Recover 2026-Q2 is %s, was %s", i, after, got)
				}
				if left := besideQuarter(t, dir); len(left) != 0 {
					t.Fatalf("kill %d: left in history/: %q", i, left)
				}
			}
			t.Logf("%s: 2026-Q2 after the kills: %v", path, seen)
		})
	}
}

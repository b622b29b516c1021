package publish

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/opsalign/opsalign/generator/site"
	"github.com/opsalign/opsalign/internal/killtest"
)

// The child process of the tests below: a build that is killed. It is
// this test binary, run with OPSALIGN_PUBLISH_KILL set to
// "step:OUT:PATH:STEP" (publish site B over OUT and kill itself after
// STEP) or "loop:OUT:PATH" (publish sites A and B over OUT in turn until
// killed). PATH is "exchange" or "rename" (the path of systems that cannot
// exchange two folders).
func TestMain(m *testing.M) { killtest.Main(m, childEnv, killChild) }

const childEnv = "OPSALIGN_PUBLISH_KILL"

func killChild(parts []string) int {
	mode, out, path := parts[0], parts[1], parts[2]
	h := hooks{NoExchange: path == "rename", NoSync: true}
	switch mode {
	case "step":
		h.Step = killtest.AtStep(parts[3])
		if err := dir(context.Background(), out, putAll(siteB), h); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		return 3 // the step was never reached
	case "loop":
		w := bufio.NewWriter(os.Stdout)
		for i := 0; ; i++ {
			files := siteA
			if i%2 == 0 {
				files = siteB
			}
			if err := dir(context.Background(), out, putAll(files), h); err != nil {
				fmt.Fprintln(os.Stderr, err)
				return 1
			}
			if i == 0 {
				w.WriteString("published\n")
				w.Flush()
			}
		}
	}
	return 2
}

// siteA and siteB are two sites of many files, most of them different.
var siteA, siteB = sites()

func sites() (a, b map[string]string) {
	a, b = map[string]string{}, map[string]string{}
	for i := range 60 {
		p := fmt.Sprintf("p/%d/%02d.html", i%7, i)
		a[p] = strings.Repeat("A", 100+i)
		b[p] = strings.Repeat("b", 300-i)
	}
	a["only-a.html"] = "a"
	b["only-b/x.html"] = "b"
	return a, b
}

// hashes returns the SHA-256 of every file under dir by slash path; nil
// when dir does not exist.
func hashes(t *testing.T, dir string) map[string]string {
	t.Helper()
	if _, err := os.Stat(dir); errors.Is(err, os.ErrNotExist) {
		return nil
	}
	got := map[string]string{}
	for p, b := range tree(t, dir) {
		h := sha256.Sum256([]byte(b))
		got[p] = hex.EncodeToString(h[:])
	}
	return got
}

func siteHashes(files map[string]string) map[string]string {
	out := map[string]string{}
	for p, b := range files {
		h := sha256.Sum256([]byte(b))
		out[p] = hex.EncodeToString(h[:])
	}
	h := sha256.Sum256([]byte(markerText))
	out[Marker] = hex.EncodeToString(h[:])
	return out
}

// whichSite names the site dir holds, file for file and byte for byte:
// "A", "B", "missing", or "neither".
func whichSite(t *testing.T, dir string) string {
	t.Helper()
	got := hashes(t, dir)
	switch {
	case got == nil:
		return "missing"
	case maps.Equal(got, siteHashes(siteA)):
		return "A"
	case maps.Equal(got, siteHashes(siteB)):
		return "B"
	}
	return "neither"
}

// beside lists what lies in the output folder's parent besides it.
func beside(t *testing.T, out string) []string {
	t.Helper()
	es, err := os.ReadDir(filepath.Dir(out))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		if e.Name() != filepath.Base(out) {
			names = append(names, e.Name())
		}
	}
	return names
}

// failingBuild is the next build after a killed one, and fails (an xlsx
// caught mid-save): it must still leave a whole site.
func failingBuild(out string) error {
	return Dir(context.Background(), out, func(s site.Sink) error {
		s.Put("index.html", []byte("half"))
		return errors.New("budget.xlsx: not a spreadsheet")
	})
}

// TestKilledBetweenSteps kills a build of site B over site A after each
// step of the swap, on both paths, and checks that the output folder is
// then A or B whole — or, only between the two renames of the path
// without an exchange, missing — and that the next build, though it
// fails, leaves A or B whole and nothing beside it.
func TestKilledBetweenSteps(t *testing.T) {
	steps := map[string][]string{
		"exchange": {"staged", "exchanged", "discarded"},
		"rename":   {"staged", "moved-aside", "moved-in", "discarded"},
	}
	for _, path := range []string{"exchange", "rename"} {
		for _, step := range steps[path] {
			t.Run(path+"/"+step, func(t *testing.T) {
				out := filepath.Join(t.TempDir(), "public")
				if err := Dir(context.Background(), out, putAll(siteA)); err != nil {
					t.Fatal(err)
				}
				if err := killtest.Command(childEnv, "step", out, path, step).Run(); !killtest.Killed(err) {
					t.Fatalf("the child was not killed at %s: %v", step, err)
				}
				got := whichSite(t, out)
				want := map[string][]string{
					"staged": {"A"}, "exchanged": {"B"}, "discarded": {"B"},
					"moved-aside": {"missing"}, "moved-in": {"B"},
				}[step]
				if !slices.Contains(want, got) {
					t.Fatalf("killed after %s: public/ is %s, want %v", step, got, want)
				}
				if err := failingBuild(out); err == nil {
					t.Fatal("the failing build succeeded")
				}
				after := whichSite(t, out)
				if after != "A" && after != "B" || (got != "missing" && after != got) {
					t.Errorf("after the next (failed) build public/ is %s, was %s", after, got)
				}
				if step == "moved-aside" && after != "B" {
					t.Errorf("the complete new site was not the one restored: %s", after)
				}
				if left := beside(t, out); len(left) != 0 {
					t.Errorf("left beside public/: %q", left)
				}
			})
		}
	}
}

// TestRandomKills kills a process publishing sites A and B in turn at 20
// random moments (on each path), and compares the output folder with the
// two sites' file hashes: it is always one of them whole, or — only on
// the path without an exchange — missing with a complete site beside it,
// which the next build puts back even though it fails.
func TestRandomKills(t *testing.T) {
	if testing.Short() {
		t.Skip("kills 40 child processes")
	}
	for _, path := range []string{"exchange", "rename"} {
		t.Run(path, func(t *testing.T) {
			t.Parallel()
			out := filepath.Join(t.TempDir(), "public")
			seen := map[string]int{}
			for i := range 20 {
				// Past several builds: each takes some 20–100 ms here.
				killtest.KillRandomly(t, killtest.Command(childEnv, "loop", out, path), "published", 300*time.Millisecond)
				got := whichSite(t, out)
				seen[got]++
				if got == "neither" || (got == "missing" && path == "exchange") {
					t.Fatalf("kill %d: public/ is %s", i, got)
				}
				if i%2 == 1 { // every other time, the next build fails
					failingBuild(out)
					if after := whichSite(t, out); after != "A" && after != "B" || (got != "missing" && after != got) {
						t.Fatalf("kill %d: after a failed build public/ is %s, was %s", i, after, got)
					}
				}
			}
			t.Logf("%s: output after the kills: %v", path, seen)
			if err := Recover(out); err != nil {
				t.Fatal(err)
			}
			if left := beside(t, out); len(left) != 0 {
				t.Errorf("left beside public/ after Recover: %q", left)
			}
		})
	}
}

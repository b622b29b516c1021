package e2e

import (
	"bytes"
	"path/filepath"
	"slices"
	"testing"
)

// TestDeterminism builds the sample site twice, each time with a fresh
// Builder into a fresh memory site, and compares every path and byte.
func TestDeterminism(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the whole sample site twice")
	}
	cfg := filepath.Join(repoRoot(t), "opsalign.toml")
	a, b := build(t, cfg), build(t, cfg)
	pa, pb := a.Paths(), b.Paths()
	if !slices.Equal(pa, pb) {
		t.Fatalf("the two builds wrote different files:\n%q\n%q", pa, pb)
	}
	for _, want := range []string{"index.html", "data/scorecard.json", "downloads/scorecard.xlsx", "assets/echarts.min.js", "quarters.html", "feed.xml", "data/decisions.json"} {
		if !slices.Contains(pa, want) {
			t.Errorf("no %s in the site", want)
		}
	}
	for _, p := range pa {
		x, _ := a.Get(p)
		y, _ := b.Get(p)
		if !bytes.Equal(x, y) {
			i := 0
			for i < min(len(x), len(y)) && x[i] == y[i] {
				i++
			}
			t.Errorf("%s differs between two builds at byte %d: %q vs %q", p, i, around(x, i), around(y, i))
		}
	}
}

// around returns the bytes of b near offset i.
func around(b []byte, i int) []byte {
	return b[max(0, i-40):min(len(b), i+40)]
}

package render

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// goldenPaths are the rendered files compared with golden copies: every
// page, the JSON and the lists' data files, not the theme's static files or the workbook.
func goldenPath(p string) bool {
	return strings.HasSuffix(p, ".html") || strings.HasSuffix(p, ".json") || strings.HasPrefix(p, "data/") && strings.HasSuffix(p, ".js")
}

func TestGolden(t *testing.T) {
	m := renderFixture(t, nil)
	dir := filepath.Join("testdata", "golden")
	var want []string
	for _, p := range m.Paths() {
		if !goldenPath(p) {
			continue
		}
		want = append(want, p)
		got, _ := m.Get(p)
		file := filepath.Join(dir, filepath.FromSlash(p))
		if *update {
			if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(file, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		exp, err := os.ReadFile(file)
		if err != nil {
			t.Errorf("%s: %v (run go test -update)", p, err)
			continue
		}
		if !bytes.Equal(got, exp) {
			t.Errorf("%s differs from %s (run go test -update and review the diff)\n%s", p, file, firstDiff(got, exp))
		}
	}
	// No stale golden file: every one is still rendered.
	err := filepath.WalkDir(dir, func(f string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, f)
		if _, ok := m.Get(filepath.ToSlash(rel)); !ok {
			if *update {
				return os.Remove(f)
			}
			t.Errorf("golden file %s is no longer rendered", f)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(want) < 14 {
		t.Errorf("only %d pages rendered: %v", len(want), want)
	}
}

// firstDiff shows the first line where got and want differ.
func firstDiff(got, want []byte) string {
	g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := range max(len(g), len(w)) {
		var a, b string
		if i < len(g) {
			a = g[i]
		}
		if i < len(w) {
			b = w[i]
		}
		if a != b {
			return "line " + strconv.Itoa(i+1) + ":\n got: " + a + "\nwant: " + b
		}
	}
	return ""
}

func TestDeterministic(t *testing.T) {
	a := renderFixture(t, nil)
	b := renderFixture(t, nil)
	pa, pb := a.Paths(), b.Paths()
	if strings.Join(pa, "\n") != strings.Join(pb, "\n") {
		t.Fatalf("paths differ:\n%v\n%v", pa, pb)
	}
	for _, p := range pa {
		x, _ := a.Get(p)
		y, _ := b.Get(p)
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between two renders\n%s", p, firstDiff(x, y))
		}
	}
}

package render

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/opsalign/opsalign/generator/site"
	"github.com/opsalign/opsalign/themes"
)

// renderFixture renders the fixture site with the default theme.
func renderFixture(t testing.TB, mutate func(*Input)) *site.Memory {
	t.Helper()
	return renderWith(t, nil, mutate)
}

// renderWith renders the fixture site with the default theme and the
// site layouts (nil for none), changed by mutate.
func renderWith(t testing.TB, layouts fs.FS, mutate func(*Input)) *site.Memory {
	t.Helper()
	cfg, ds, sc := fixture()
	in := Input{Config: cfg, Dataset: ds, Scorecard: sc, Version: "test", Content: testContent(), Markdown: testMarkdown}
	if mutate != nil {
		mutate(&in)
	}
	r, err := Parse(themes.Default(), layouts)
	if err != nil {
		t.Fatal(err)
	}
	m := site.NewMemory()
	if err := r.Render(context.Background(), in, m); err != nil {
		t.Fatal(err)
	}
	return m
}

func TestDump(t *testing.T) {
	dir := os.Getenv("RENDER_DUMP")
	if dir == "" {
		t.Skip("set RENDER_DUMP to a folder to write the fixture site there")
	}
	m := renderFixture(t, nil)
	for _, p := range m.Paths() {
		b, _ := m.Get(p)
		if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(p)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, p), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

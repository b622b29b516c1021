package serve

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

func TestChanges(t *testing.T) {
	t0 := time.Date(2026, 9, 30, 12, 0, 0, 0, time.UTC)
	prev := map[string]stamp{
		"/s/a.md":  {size: 10, mod: t0},
		"/s/b.md":  {size: 10, mod: t0},
		"/s/c.md":  {size: 10, mod: t0},
		"/s/d.md":  {size: 10, mod: t0},
		"/s/dir":   {dir: true},
		"/s/gone/": {dir: true},
	}
	cur := map[string]stamp{
		"/s/a.md": {size: 10, mod: t0},                  // same
		"/s/b.md": {size: 11, mod: t0},                  // grew
		"/s/c.md": {size: 10, mod: t0.Add(time.Second)}, // touched
		"/s/e.md": {size: 1, mod: t0},                   // new
		"/s/dir":  {dir: true},
	}
	got := changes(prev, cur)
	want := []string{"/s/b.md", "/s/c.md", "/s/d.md", "/s/e.md", "/s/gone/"}
	if !slices.Equal(got, want) {
		t.Errorf("changes = %v, want %v", got, want)
	}
}

func TestSnapshot(t *testing.T) {
	dir := t.TempDir()
	write := func(rel, s string) {
		t.Helper()
		p := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("opsalign.toml", "x")
	write("other.txt", "x")
	write("content/a.md", "hello")
	write("content/sub/b.md", "x")
	write("content/.a.md.swp", "x")
	write("content/out/index.html", "x")
	f, err := newFilter([]string{filepath.Join(dir, "opsalign.toml"), filepath.Join(dir, "content")}, []string{filepath.Join(dir, "content", "out")})
	if err != nil {
		t.Fatal(err)
	}
	snap := f.snapshot()
	var got []string
	for p := range snap {
		rel, _ := filepath.Rel(dir, p)
		got = append(got, filepath.ToSlash(rel))
	}
	slices.Sort(got)
	want := []string{"content", "content/a.md", "content/sub", "content/sub/b.md", "opsalign.toml"}
	if !slices.Equal(got, want) {
		t.Errorf("snapshot = %v, want %v", got, want)
	}
	if s := snap[filepath.Join(dir, "content", "a.md")]; s.size != 5 || s.dir {
		t.Errorf("stamp of a.md = %+v, want size 5", s)
	}
}

// TestPollerReports runs the poller for real: a poll interval is the point.
func TestPollerReports(t *testing.T) {
	dir := t.TempDir()
	page := filepath.Join(dir, "a.md")
	if err := os.WriteFile(page, []byte("one"), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := newFilter([]string{dir}, nil)
	if err != nil {
		t.Fatal(err)
	}
	p := newPoller(f, 5*time.Millisecond)
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	defer cancel()
	out := make(chan string)
	go p.run(ctx, out)
	if err := os.WriteFile(page, []byte("three"), 0o644); err != nil {
		t.Fatal(err)
	}
	select {
	case got := <-out:
		if got != page {
			t.Errorf("poller reported %s, want %s", got, page)
		}
	case <-ctx.Done():
		t.Fatal("poller reported nothing")
	}
}

package pipeline

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/opsalign/opsalign/generator/config"
	"github.com/opsalign/opsalign/generator/site"
)

// sampleSite copies the repository's sample site (config, data, content)
// into a temporary folder and returns the folder.
func sampleSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	root := filepath.Join("..", "..")
	copyFile(t, filepath.Join(root, "opsalign.toml"), filepath.Join(dir, "opsalign.toml"))
	for _, sub := range []string{"sample-data", "content"} {
		es, err := os.ReadDir(filepath.Join(root, sub))
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range es {
			if !e.IsDir() {
				copyFile(t, filepath.Join(root, sub, e.Name()), filepath.Join(dir, sub, e.Name()))
			}
		}
	}
	return dir
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// sameSite fails unless a and b hold the same paths with the same bytes.
func sameSite(t *testing.T, a, b *site.Memory) {
	t.Helper()
	pa, pb := a.Paths(), b.Paths()
	if len(pa) != len(pb) {
		t.Fatalf("%d files, want %d", len(pa), len(pb))
	}
	for i, p := range pa {
		if pb[i] != p {
			t.Fatalf("file %d is %s, want %s", i, p, pb[i])
		}
		x, _ := a.Get(p)
		y, _ := b.Get(p)
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs from a fresh build", p)
		}
	}
}

// build runs bl.Build into a fresh Memory.
func build(t *testing.T, bl *Builder, changed []string) *site.Memory {
	t.Helper()
	m := site.NewMemory()
	if _, err := bl.Build(context.Background(), changed, m); err != nil {
		t.Fatal(err)
	}
	return m
}

// TestNarrativeRebuild edits narrative pages between builds of one Builder
// (which then renders only the narrative pages, or everything when the
// navigation changed) and compares each result with a fresh Builder's.
func TestNarrativeRebuild(t *testing.T) {
	dir := sampleSite(t)
	cfgPath := filepath.Join(dir, "opsalign.toml")
	bl := NewBuilder(cfgPath, true, time.Time{}, "test")
	build(t, bl, nil)
	edits := []struct {
		name, file, text string
	}{
		{"overview body", "_index.md", "---\ntitle: Overview\n---\nA new **overview** text.\n"},
		{"content page body", "methodology.md", "---\ntitle: Methodology\n---\nShorter method.\n"},
		{"content page title (every page's nav)", "methodology.md", "---\ntitle: How we score\n---\nShorter method.\n"},
		{"new content page", "faq.md", "---\ntitle: FAQ\nweight: 5\n---\nQuestions.\n"},
		{"board pack", "board-pack.md", "---\ntitle: Board pack\n---\nFor the board.\n"},
	}
	for _, e := range edits {
		t.Run(e.name, func(t *testing.T) {
			p := filepath.Join(dir, "content", e.file)
			if err := os.WriteFile(p, []byte(e.text), 0o644); err != nil {
				t.Fatal(err)
			}
			got := build(t, bl, []string{p})
			want := build(t, NewBuilder(cfgPath, true, time.Time{}, "test"), nil)
			sameSite(t, got, want)
		})
	}
}

// TestNarrativeRebuildShares checks that a narrative-only rebuild shares
// the unchanged files of the previous build instead of rendering them:
// the overview's narrative is not in the board pack, whose view (and key)
// stays the same.
func TestNarrativeRebuildShares(t *testing.T) {
	dir := sampleSite(t)
	bl := NewBuilder(filepath.Join(dir, "opsalign.toml"), true, time.Time{}, "test")
	first := build(t, bl, nil)
	p := filepath.Join(dir, "content", "_index.md")
	if err := os.WriteFile(p, []byte("Edited.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	second := build(t, bl, []string{p})
	for _, c := range []struct {
		path   string
		shared bool
	}{
		{"initiatives/index.html", true},
		{"downloads/scorecard.xlsx", true},
		{"index.html", false},
		{"board-pack.html", true},
	} {
		a, _ := first.Get(c.path)
		b, _ := second.Get(c.path)
		if len(a) == 0 || len(b) == 0 {
			t.Fatalf("%s missing", c.path)
		}
		if shared := &a[0] == &b[0]; shared != c.shared {
			t.Errorf("%s shared = %t, want %t", c.path, shared, c.shared)
		}
	}
}

// TestDataEditRebuildsAll checks that a changed data file is read again.
func TestDataEditRebuildsAll(t *testing.T) {
	dir := sampleSite(t)
	bl := NewBuilder(filepath.Join(dir, "opsalign.toml"), true, time.Time{}, "test")
	build(t, bl, nil)
	p := filepath.Join(dir, "sample-data", "ops_review_log.csv")
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	// Drop the last review: the it_embedded figures change.
	b = bytes.TrimRight(b, "\n")
	b = b[:bytes.LastIndexByte(b, '\n')+1]
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	later := time.Now().Add(time.Minute)
	if err := os.Chtimes(p, later, later); err != nil {
		t.Fatal(err)
	}
	got := build(t, bl, []string{p})
	want := build(t, NewBuilder(filepath.Join(dir, "opsalign.toml"), true, time.Time{}, "test"), nil)
	sameSite(t, got, want)
}

// TestOnlyContent lists which changes let a rebuild reuse the previous
// scorecard.
func TestOnlyContent(t *testing.T) {
	dir := t.TempDir()
	site := config.Config{Dir: dir, ContentDir: "content", DataDir: "data"}
	flat := config.Config{Dir: dir, ContentDir: ".", DataDir: "data"}
	p := func(rel string) string { return filepath.Join(dir, rel) }
	tests := []struct {
		name    string
		cfg     config.Config
		changed []string
		want    bool
	}{
		{"nothing known", site, nil, false},
		{"one page", site, []string{p("content/about.md")}, true},
		{"pages, upper-case extension", site, []string{p("content/_index.md"), p("content/sub/x.MD")}, true},
		{"a page and a workbook", site, []string{p("content/about.md"), p("data/register.xlsx")}, false},
		{"an image in content", site, []string{p("content/logo.png")}, false},
		{"the content folder itself", site, []string{p("content")}, false},
		{"the config", site, []string{p("opsalign.toml")}, false},
		{"content is the site folder: a page", flat, []string{p("about.md")}, true},
		{"content is the site folder: a workbook", flat, []string{p("data/register.xlsx")}, false},
		{"content is the site folder: markdown in data", flat, []string{p("data/notes.md")}, false},
		{"content is the site folder: the config", flat, []string{p("opsalign.toml")}, false},
	}
	for _, tt := range tests {
		if got := onlyContent(tt.cfg, tt.changed); got != tt.want {
			t.Errorf("%s: onlyContent = %t, want %t", tt.name, got, tt.want)
		}
	}
}

// TestOnlyData lists which changes are of the data alone: a rebuild whose
// data read the same is then the previous site.
func TestOnlyData(t *testing.T) {
	dir := t.TempDir()
	cfg := config.Config{Dir: dir, ContentDir: "content", DataDir: "data"}
	flat := config.Config{Dir: dir, ContentDir: ".", DataDir: "."}
	p := func(rel string) string { return filepath.Join(dir, rel) }
	tests := []struct {
		name    string
		cfg     config.Config
		changed []string
		want    bool
	}{
		{"nothing known", cfg, nil, false},
		{"a workbook", cfg, []string{p("data/register.xlsx")}, true},
		{"workbooks and CSV, any case", cfg, []string{p("data/a.XLSX"), p("data/b.xlsm"), p("data/sub/c.Csv")}, true},
		{"a workbook and a page", cfg, []string{p("data/register.xlsx"), p("content/about.md")}, false},
		{"markdown in data", cfg, []string{p("data/notes.md")}, false},
		{"an image in data", cfg, []string{p("data/logo.png")}, false},
		{"a workbook outside data", cfg, []string{p("register.xlsx")}, false},
		{"the config", cfg, []string{p("opsalign.toml")}, false},
		{"data is the site folder: a workbook", flat, []string{p("register.xlsx")}, true},
		{"data is the site folder: the config", flat, []string{p("opsalign.toml")}, false},
	}
	for _, tt := range tests {
		if got := onlyData(tt.cfg, tt.changed); got != tt.want {
			t.Errorf("%s: onlyData = %t, want %t", tt.name, got, tt.want)
		}
	}
}

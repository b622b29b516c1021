package pipeline

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/opsalign/opsalign/generator/site"
)

// TestContentDir: content_dir may be inside the site folder, the site
// folder itself, an absolute path or a folder beside the site; its pages
// are built from each, and errors name the file as the site sees it.
func TestContentDir(t *testing.T) {
	base := t.TempDir()
	dir := sampleSite(t)
	outside := filepath.Join(base, "shared")
	tests := []struct {
		contentDir string // as written in opsalign.toml
		folder     string // where the page is written
		errName    string // how an error names the page's file
	}{
		{"content", filepath.Join(dir, "content"), "content/notes.md:5"},
		{"words", filepath.Join(dir, "words"), "words/notes.md:5"},
		{outside, outside, "notes.md:5"},
		{"../" + filepath.Base(outside), filepath.Join(filepath.Dir(dir), filepath.Base(outside)), "notes.md:5"},
	}
	cfgPath := filepath.Join(dir, "opsalign.toml")
	orig, err := os.ReadFile(cfgPath)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range tests {
		t.Run(tc.contentDir, func(t *testing.T) {
			cfg := strings.Replace(string(orig), `content_dir = "content"`, "content_dir = "+quote(tc.contentDir), 1)
			if err := os.WriteFile(cfgPath, []byte(cfg), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.MkdirAll(tc.folder, 0o755); err != nil {
				t.Fatal(err)
			}
			notes := filepath.Join(tc.folder, "notes.md")
			if err := os.WriteFile(notes, []byte("+++\ntitle = \"Notes\"\n+++\n\nA page of notes.\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			m := build(t, NewBuilder(cfgPath, true, time.Time{}, "test"), nil)
			if b, ok := m.Get("notes.html"); !ok || !strings.Contains(string(b), "A page of notes.") {
				t.Errorf("notes.html missing or without its text")
			}
			if err := os.WriteFile(notes, []byte("+++\ntitle = \"Notes\"\n+++\n\n{{ figure \"nope\" }}\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := NewBuilder(cfgPath, true, time.Time{}, "test").Build(t.Context(), nil, site.NewMemory())
			if err == nil || !strings.Contains(err.Error(), ": "+tc.errName+": ") {
				t.Errorf("err = %v, want it to name %s", err, tc.errName)
			}
			os.Remove(notes)
		})
	}
}

func quote(s string) string { return `"` + strings.ReplaceAll(s, `\`, `\\`) + `"` }

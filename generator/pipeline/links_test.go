package pipeline

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/opsalign/opsalign/generator/history"
	"github.com/opsalign/opsalign/generator/site"
)

// TestLinksOutOfTheSite: a symbolic link in any folder a site is built
// from — content, data, history, the theme, layouts, the logo — that
// points outside the site is refused with an error naming the link, and
// nothing of the file it points to reaches the site. (Before, the file was
// read and published: the system password file as
// public/history/2026-Q2/shadow.html.)
func TestLinksOutOfTheSite(t *testing.T) {
	secretDir := t.TempDir()
	secret := filepath.Join(secretDir, "shadow")
	const secretText = "root:$6$secret-hash:19000:0:99999:7:::"
	if err := os.WriteFile(secret, []byte(secretText+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		setup func(t *testing.T, dir string) // plants the link
		want  string                         // the error starts with it
	}{
		{"content file", func(t *testing.T, dir string) {
			link(t, secret, dir, "content/shadow.md")
		}, "content/shadow.md is a symbolic link to " + secret + ": refused"},
		{"content file, relative", func(t *testing.T, dir string) {
			rel, _ := filepath.Rel(filepath.Join(dir, "content"), secret)
			link(t, rel, dir, "content/shadow.md")
		}, "content/shadow.md is a symbolic link to ../"},
		{"content folder", func(t *testing.T, dir string) {
			os.RemoveAll(filepath.Join(dir, "content"))
			link(t, secretDir, dir, "content")
		}, "content is a symbolic link to " + secretDir + ": refused"},
		{"data file", func(t *testing.T, dir string) {
			link(t, secret, dir, "sample-data/shadow.csv")
		}, "sample-data/shadow.csv: a symbolic link to " + secret + ": refused"},
		{"data folder", func(t *testing.T, dir string) {
			os.RemoveAll(filepath.Join(dir, "sample-data"))
			link(t, secretDir, dir, "sample-data")
		}, "sample-data: a symbolic link to " + secretDir + ": refused"},
		{"history file", func(t *testing.T, dir string) {
			closeQuarter(t, dir)
			link(t, secret, dir, "history/2026-Q2/shadow.html")
		}, "history: history/2026-Q2/shadow.html is a symbolic link to " + secret + ": refused"},
		{"history folder", func(t *testing.T, dir string) {
			link(t, secretDir, dir, "history")
		}, "history: history is a symbolic link to " + secretDir},
		{"theme file", func(t *testing.T, dir string) {
			copyTree(t, filepath.Join("..", "..", "themes", "default"), filepath.Join(dir, "themes", "own"))
			appendConfig(t, dir, "theme = \"own\"\n")
			link(t, secret, dir, "themes/own/assets/shadow.css")
		}, "theme: render: reading theme assets: themes/own/assets/shadow.css is a symbolic link to " + secret},
		{"layouts file", func(t *testing.T, dir string) {
			link(t, secret, dir, "layouts/partials/shadow.html")
		}, "theme: render: reading layouts: layouts/partials/shadow.html is a symbolic link to " + secret},
		{"logo", func(t *testing.T, dir string) {
			link(t, secret, dir, "brand/logo.svg")
			setLogo(t, dir, "brand/logo.svg")
		}, filepath.Join(dir0, "opsalign.toml") + ":14: brand.logo: brand/logo.svg is a symbolic link to " + secret},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := sampleSite(t)
			tt.setup(t, dir)
			cfg := filepath.Join(dir, "opsalign.toml")
			m := site.NewMemory()
			_, err := NewBuilder(cfg, true, time.Time{}, "test").Build(t.Context(), nil, m)
			want := strings.ReplaceAll(tt.want, dir0, dir)
			if err == nil || !strings.HasPrefix(err.Error(), want) {
				t.Errorf("err = %v\nwant it to start %q", err, want)
			}
			for _, p := range m.Paths() {
				if b, _ := m.Get(p); bytes.Contains(b, []byte("secret-hash")) {
					t.Errorf("%s holds the file outside the site", p)
				}
			}
		})
	}
}

// TestLinksInsideTheSite: links that stay inside their folder are
// followed (a content page under two names; a logo kept elsewhere in the
// site folder).
func TestLinksInsideTheSite(t *testing.T) {
	dir := sampleSite(t)
	link(t, "methodology.md", dir, "content/how-we-score.md")
	svg := []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"/>`)
	if err := os.MkdirAll(filepath.Join(dir, "art"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "art", "logo.svg"), svg, 0o644); err != nil {
		t.Fatal(err)
	}
	link(t, "../art/logo.svg", dir, "brand/logo.svg")
	setLogo(t, dir, "brand/logo.svg")
	m := build(t, NewBuilder(filepath.Join(dir, "opsalign.toml"), true, time.Time{}, "test"), nil)
	if b, ok := m.Get("assets/brand-logo.svg"); !ok || !bytes.Equal(b, svg) {
		t.Errorf("logo through a link inside the site: %q, %v", b, ok)
	}
	a, _ := m.Get("methodology.html")
	b, ok := m.Get("how-we-score.html")
	if !ok || !bytes.Contains(b, []byte("<main")) || len(a) == 0 {
		t.Errorf("content page through a link inside content/: %v", ok)
	}
}

// dir0 stands for the site folder in the table above.
const dir0 = "\x00site"

func link(t *testing.T, target, dir, name string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, p); err != nil {
		t.Fatal(err)
	}
}

func appendConfig(t *testing.T, dir, text string) {
	t.Helper()
	p := filepath.Join(dir, "opsalign.toml")
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, append([]byte(text), b...), 0o644); err != nil {
		t.Fatal(err)
	}
}

func setLogo(t *testing.T, dir, logo string) {
	t.Helper()
	p := filepath.Join(dir, "opsalign.toml")
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	b = bytes.Replace(b, []byte("[brand]\n"), []byte("[brand]\nlogo = \""+logo+"\"\n"), 1)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func copyTree(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		copyFile(t, p, filepath.Join(to, rel))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// closeQuarter closes 2026-Q2 of the site folder as `opsalign close` does.
func closeQuarter(t *testing.T, dir string) {
	t.Helper()
	end := time.Date(2026, 6, 30, 0, 0, 0, 0, time.UTC)
	m := build(t, NewBuilder(filepath.Join(dir, "opsalign.toml"), true, end, "test"), nil)
	s, err := history.Freeze(m, history.Manifest{Period: "2026-Q2", AsOf: "2026-06-30", Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	if err := history.Write(t.Context(), dir, s); err != nil {
		t.Fatal(err)
	}
}

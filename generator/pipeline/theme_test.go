package pipeline

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestThemeFS: theme = "default" needs no folder; a site's own
// themes/<name>/ is used; a theme with no folder is an error at the key and
// line.
func TestThemeFS(t *testing.T) {
	dir := t.TempDir()
	own := filepath.Join(dir, "themes", "own", "layouts")
	if err := os.MkdirAll(own, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(own, "marker.html"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	cfg := filepath.Join(dir, "opsalign.toml")
	tests := []struct {
		config  string
		ownTree bool
		err     string
	}{
		{"", false, ""},
		{"theme = \"default\"\n", false, ""},
		{"theme = \"own\"\n", true, ""},
		{"title = \"x\"\n\ntheme = \"corporate\"\n", false, cfg + ":3: theme: \"corporate\": no folder " + filepath.Join(dir, "themes", "corporate")},
	}
	for _, tc := range tests {
		if err := os.WriteFile(cfg, []byte(tc.config), 0o644); err != nil {
			t.Fatal(err)
		}
		c, err := LoadConfig(cfg, true, time.Time{})
		if err != nil {
			t.Fatal(err)
		}
		theme, _, err := ThemeFS(c)
		if tc.err != "" {
			if err == nil || !strings.HasPrefix(err.Error(), tc.err) {
				t.Errorf("%q: err = %v, want it to start %q", tc.config, err, tc.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%q: %v", tc.config, err)
			continue
		}
		_, statErr := fs.Stat(theme, "layouts/marker.html")
		if got := statErr == nil; got != tc.ownTree {
			t.Errorf("%q: the site's own theme used: %v, want %v", tc.config, got, tc.ownTree)
		}
	}
}

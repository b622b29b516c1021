package serve

import (
	"os"
	"path/filepath"
	"testing"
)

func TestFilterRelevant(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "opsalign.toml")
	if err := os.WriteFile(cfg, []byte("title = 'x'\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	j := func(p ...string) string { return filepath.Join(append([]string{dir}, p...)...) }
	f, err := newFilter(
		[]string{cfg, j("content"), j("sample-data"), j("layouts")}, // layouts, sample-data missing
		[]string{j("content", "public")},
	)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path string
		want bool
	}{
		{cfg, true},
		{j("content"), true},
		{j("content", "_index.md"), true},
		{j("content", "deep", "er", "page.md"), true},
		{j("sample-data"), true},
		{j("sample-data", "register.xlsx"), true},
		{j("layouts", "page.html"), true},
		{j("opsalign.toml.swp"), false}, // next to the config, not the config
		{j("other.md"), false},
		{j("public", "index.html"), false},
		{j("content", "public"), false}, // ignored folder
		{j("content", "public", "index.html"), false},
		{j("content", ".page.md.swp"), false},
		{j("content", "page.md.swp"), false},
		{j("content", "page.md.swx"), false},
		{j("content", "page.md~"), false},
		{j("content", "4913"), false},
		{j("content", ".#page.md"), false},
		{j("content", "#page.md#"), false},
		{j("content", "#"), true}, // a lone # is a name
		{j("sample-data", "~$register.xlsx"), false},
		{j("sample-data", ".~lock.register.xlsx#"), false},
		{j("content", ".git", "HEAD"), false},
		{j("content", "page.md___jb_tmp___"), false},
		{j("contents", "page.md"), false}, // a sibling sharing a prefix
	}
	for _, tt := range tests {
		if got := f.relevant(tt.path); got != tt.want {
			t.Errorf("relevant(%s) = %v, want %v", tt.path, got, tt.want)
		}
	}
	if !f.files[cfg] || len(f.files) != 1 {
		t.Errorf("files = %v, want only the config", f.files)
	}
	if len(f.roots) != 3 {
		t.Errorf("roots = %v, want content, layouts, sample-data", f.roots)
	}
}

func TestIgnoredName(t *testing.T) {
	tests := []struct {
		name string
		want bool
	}{
		{"register.xlsx", false},
		{"page.md", false},
		{"4913", true},
		{"49130", false},
		{"x.SWP", true},
		{"x.swo", true},
		{"~$register.xlsx", true},
		{"~register.xlsx", false},
		{"#autosave#", true},
		{"#tag", false},
		{".hidden", true},
		{"backup~", true},
		{"", false},
	}
	for _, tt := range tests {
		if got := ignoredName(tt.name); got != tt.want {
			t.Errorf("ignoredName(%q) = %v, want %v", tt.name, got, tt.want)
		}
	}
}

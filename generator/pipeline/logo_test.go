package pipeline

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/opsalign/opsalign/generator/site"
)

func TestLogo(t *testing.T) {
	dir := sampleSite(t)
	svg := []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><rect width="4" height="4"/></svg>`)
	os.MkdirAll(filepath.Join(dir, "brand"), 0o755)
	os.WriteFile(filepath.Join(dir, "brand", "Logo.SVG"), svg, 0o644)
	cfg := filepath.Join(dir, "opsalign.toml")
	toml, _ := os.ReadFile(cfg)
	toml = bytes.Replace(toml, []byte("[brand]\n"), []byte("[brand]\nlogo = \"brand/Logo.SVG\"\n"), 1)
	os.WriteFile(cfg, toml, 0o644)

	m := build(t, NewBuilder(cfg, true, time.Time{}, "test"), nil)
	if got, ok := m.Get("assets/brand-logo.svg"); !ok || !bytes.Equal(got, svg) {
		t.Fatalf("assets/brand-logo.svg = %q, %v; want the logo's bytes", got, ok)
	}
	for page, src := range map[string]string{
		"index.html":               `<img class="brand-logo" src="assets/brand-logo.svg" alt="">`,
		"initiatives/INI-001.html": `<img class="brand-logo" src="../assets/brand-logo.svg" alt="">`,
		"board-pack.html":          `<img class="cover-logo" src="assets/brand-logo.svg" alt="">`,
	} {
		b, _ := m.Get(page)
		if !strings.Contains(string(b), src) {
			t.Errorf("%s does not show the logo as %s", page, src)
		}
	}

	os.Remove(filepath.Join(dir, "brand", "Logo.SVG"))
	_, err := NewBuilder(cfg, true, time.Time{}, "test").Build(t.Context(), nil, site.NewMemory())
	// The sample's config has [brand] on line 13; the logo is set on 14.
	if err == nil || !strings.HasPrefix(err.Error(), cfg+":14: brand.logo: ") {
		t.Fatalf("a missing logo gave %v, want an error naming %s:14 and brand.logo", err, cfg)
	}
}

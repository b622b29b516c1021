package e2e

import (
	"mime"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/opsalign/opsalign/generator/pipeline"
	"github.com/opsalign/opsalign/generator/site"
)

// repoRoot is the repository root, which is itself the sample site.
func repoRoot(t testing.TB) string {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// build builds the site whose config is configPath into memory, with a
// fresh Builder (no cache shared with another build).
func build(t testing.TB, configPath string) *site.Memory {
	t.Helper()
	b := pipeline.NewBuilder(configPath, true, time.Time{}, "test")
	mem := site.NewMemory()
	if _, err := b.Build(t.Context(), nil, mem); err != nil {
		t.Fatalf("building %s: %v", configPath, err)
	}
	return mem
}

// htmlPaths returns the site's HTML pages, sorted.
func htmlPaths(mem *site.Memory) []string {
	var ps []string
	for _, p := range mem.Paths() {
		if strings.HasSuffix(p, ".html") {
			ps = append(ps, p)
		}
	}
	return ps
}

// serve serves mem at the root of a local web server; see serveAt.
func serve(t testing.TB, mem *site.Memory) *httptest.Server {
	t.Helper()
	return serveAt(t, mem, "/")
}

// serveAt serves mem under the sub-path prefix ("/" or "/a/b/") as a plain
// static web server would: a folder's index.html for a folder, content
// type by extension, 404 for anything else. The server stops when t ends.
func serveAt(t testing.TB, mem *site.Memory, prefix string) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, ok := strings.CutPrefix(r.URL.Path, prefix)
		if !ok {
			http.NotFound(w, r)
			return
		}
		if p == "" || strings.HasSuffix(p, "/") {
			p += "index.html"
		}
		b, ok := mem.Get(p)
		if !ok {
			http.NotFound(w, r)
			return
		}
		if ct := mime.TypeByExtension(path.Ext(p)); ct != "" {
			w.Header().Set("Content-Type", ct)
		}
		w.Header().Set("Cache-Control", "max-age=600")
		w.Write(b)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// writeDir writes every file of mem under dir, as a file share holds it.
func writeDir(t testing.TB, mem *site.Memory, dir string) {
	t.Helper()
	for _, p := range mem.Paths() {
		b, _ := mem.Get(p)
		f := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(f), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(f, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

package servetest_test

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/opsalign/opsalign/generator/pipeline"
	"github.com/opsalign/opsalign/generator/serve"
	"github.com/opsalign/opsalign/generator/serve/servetest"
	"github.com/opsalign/opsalign/generator/site"
)

// The benchmarks below measure save → served page on the real pipeline,
// over a copy of a site in a temporary folder (serve never writes, but the
// edits do):
//
//	go test ./generator/serve/servetest -run '^$' -bench . -benchtime 100x
//
// Sample is the repository's own site; Site1k the synthetic company of
// `make bench-data` (skipped without it). "narrative" appends a line to
// content/_index.md and waits for index.html to show it; "spreadsheet"
// rewrites the largest data file (new modification time: parsed again) and
// waits for the reloaded page.

func BenchmarkSample(b *testing.B) {
	benchSite(b, filepath.Join("..", "..", ".."), "opsalign.toml", "content", "sample-data", "themes/default")
}

func BenchmarkSite1k(b *testing.B) {
	benchSite(b, filepath.Join("..", "..", "..", "bench-data", "1k"), "opsalign.toml", "content", "data")
}

// benchSite copies the named entries of the site folder src and runs the
// sub-benchmarks on the copy.
func benchSite(b *testing.B, src string, entries ...string) {
	if _, err := os.Stat(filepath.Join(src, "opsalign.toml")); err != nil {
		b.Skipf("no site at %s (for bench-data: make bench-data)", src)
	}
	dir := b.TempDir()
	for _, e := range entries {
		if err := copyTree(filepath.Join(src, e), filepath.Join(dir, e)); err != nil {
			b.Fatal(err)
		}
	}
	cfgPath := filepath.Join(dir, "opsalign.toml")
	bl := pipeline.NewBuilder(cfgPath, true, time.Time{}, "bench")
	cfg, err := bl.Config()
	if err != nil {
		b.Fatal(err)
	}
	build := func(ctx context.Context, changed []string) (*site.Memory, error) {
		m := site.NewMemory()
		if _, err := bl.Build(ctx, changed, m); err != nil {
			return nil, err
		}
		return m, nil
	}
	o := serve.Options{
		Watch: []string{cfgPath, pipeline.Path(cfg, cfg.ContentDir), pipeline.Path(cfg, cfg.DataDir),
			filepath.Join(dir, "themes"), filepath.Join(dir, "layouts")},
		Ignore: []string{pipeline.Path(cfg, cfg.OutputDir)},
	}
	ctx, cancel := context.WithTimeout(b.Context(), 20*time.Minute)
	defer cancel()
	s, err := servetest.Start(ctx, o, build)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()

	index := filepath.Join(dir, cfg.ContentDir, "_index.md")
	orig, err := os.ReadFile(index)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("narrative", func(b *testing.B) {
		var lat []time.Duration
		i := 0
		for b.Loop() {
			i++
			d, err := s.Save("", func() (string, error) {
				want := "serve-bench-edit-" + strconv.Itoa(i)
				return want, os.WriteFile(index, append(orig, "\n"+want+"\n"...), 0o644)
			})
			if err != nil {
				b.Fatal(err)
			}
			lat = append(lat, d)
		}
		servetest.Report(b, lat)
	})

	data := largest(b, pipeline.Path(cfg, cfg.DataDir))
	sheet, err := os.ReadFile(data)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("spreadsheet", func(b *testing.B) {
		var lat []time.Duration
		for b.Loop() {
			// The page does not change: any reload after the save shows it.
			d, err := s.Save("", func() (string, error) { return "", os.WriteFile(data, sheet, 0o644) })
			if err != nil {
				b.Fatal(err)
			}
			lat = append(lat, d)
		}
		servetest.Report(b, lat)
	})
}

// largest returns the largest file in dir.
func largest(b *testing.B, dir string) string {
	es, err := os.ReadDir(dir)
	if err != nil {
		b.Fatal(err)
	}
	best, size := "", int64(-1)
	for _, e := range es {
		if fi, err := e.Info(); err == nil && fi.Mode().IsRegular() && fi.Size() > size && !strings.HasPrefix(e.Name(), ".") {
			best, size = filepath.Join(dir, e.Name()), fi.Size()
		}
	}
	if best == "" {
		b.Fatalf("no data file in %s", dir)
	}
	return best
}

// copyTree copies the file or folder src to dst; a missing src is skipped.
func copyTree(src, dst string) error {
	if _, err := os.Stat(src); os.IsNotExist(err) {
		return nil
	}
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		to := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(to, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(to, b, 0o644)
	})
}

package sitebench

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/opsalign/opsalign/generator/export"
	"github.com/opsalign/opsalign/generator/pipeline"
	"github.com/opsalign/opsalign/generator/publish"
	"github.com/opsalign/opsalign/generator/read"
	"github.com/opsalign/opsalign/generator/score"
	"github.com/opsalign/opsalign/generator/site"
)

// benchSite returns the config path of a synthetic company made by
// `make bench-data`, or skips.
func benchSite(b *testing.B, name string) string {
	p := filepath.Join("..", "..", "bench-data", name, "opsalign.toml")
	if _, err := os.Stat(p); err != nil {
		b.Skipf("no %s: run 'make bench-data' first", p)
	}
	return p
}

func benchStages(b *testing.B, name string) {
	cfgPath := benchSite(b, name)
	ctx := context.Background()
	bl := pipeline.NewBuilder(cfgPath, true, time.Time{}, "bench")
	cfg, err := bl.Config()
	if err != nil {
		b.Fatal(err)
	}
	b.Run("read", func(b *testing.B) {
		for b.Loop() {
			if _, err := read.Read(ctx, cfg, nil); err != nil {
				b.Fatal(err)
			}
		}
	})
	ds, err := read.Read(ctx, cfg, nil)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("score", func(b *testing.B) {
		for b.Loop() {
			score.Score(ds, cfg.Policy, pipeline.ScoreOptions(cfg))
		}
	})
	b.Run("scorecard-json", func(b *testing.B) {
		// data/scorecard.json, as a build makes it: into an empty buffer.
		sc := score.Score(ds, cfg.Policy, pipeline.ScoreOptions(cfg))
		b.ReportAllocs()
		for b.Loop() {
			var buf bytes.Buffer
			if err := export.JSON(sc, &buf); err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(buf.Len()))
		}
	})
	b.Run("workbook", func(b *testing.B) {
		// downloads/scorecard.xlsx, the slowest single file of a build.
		sc := score.Score(ds, cfg.Policy, pipeline.ScoreOptions(cfg))
		b.ReportAllocs()
		for b.Loop() {
			x, err := export.Workbook(sc)
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(len(x)))
		}
	})
	b.Run("build-memory", func(b *testing.B) {
		for b.Loop() {
			if _, err := bl.Build(ctx, nil, site.NewMemory()); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("build-cold", func(b *testing.B) {
		// The CPU of one `opsalign build` without its disk: a new
		// Builder each time (the theme parsed again, its caches empty),
		// every file made, as into a folder, and dropped.
		for b.Loop() {
			if _, err := pipeline.NewBuilder(cfgPath, true, time.Time{}, "bench").Build(ctx, nil, discard{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("write", func(b *testing.B) {
		// Writing a rendered site into a fresh folder, as publish does
		// after rendering (here from memory, so only the writing counts).
		mem := site.NewMemory()
		if _, err := bl.Build(ctx, nil, mem); err != nil {
			b.Fatal(err)
		}
		paths := mem.Paths()
		dir := b.TempDir()
		n := 0
		for b.Loop() {
			n++
			err := publish.Dir(ctx, filepath.Join(dir, fmt.Sprint(n)), func(s site.Sink) error {
				for _, p := range paths {
					data, _ := mem.Get(p)
					if err := s.Put(p, data); err != nil {
						return err
					}
				}
				return nil
			})
			if err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(len(paths)), "files")
	})
	b.Run("rebuild-narrative-edit", func(b *testing.B) {
		content := filepath.Join(cfg.Dir, cfg.ContentDir, "_index.md")
		if _, err := bl.Build(ctx, nil, site.NewMemory()); err != nil {
			b.Fatal(err)
		}
		for b.Loop() {
			if _, err := bl.Build(ctx, []string{content}, site.NewMemory()); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("floor", func(b *testing.B) {
		for b.Loop() {
			if _, err := Floor(ctx, cfg, b.TempDir()); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// discard is a Sink that drops every file: not a site.Memory nor a
// LazySink, so a build makes every file as it does into a folder.
type discard struct{}

func (discard) Put(string, []byte) error { return nil }

func BenchmarkSite1k(b *testing.B)  { benchStages(b, "1k") }
func BenchmarkSite10k(b *testing.B) { benchStages(b, "10k") }

package sitebench

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/opsalign/opsalign/generator/browser"
	"github.com/opsalign/opsalign/generator/commands"
	"github.com/opsalign/opsalign/generator/pipeline"
	"github.com/opsalign/opsalign/generator/publish"
	"github.com/opsalign/opsalign/generator/site"
)

// heatMapDecals is the calendar heat map's option as it was before the
// heat map's cells lost their decals (ECharts' aria decals on, one SVG
// pattern per cell), for the "decals" case of BenchmarkPDF.
var (
	heatMapNow    = []byte(`"aria":{"decal":{"show":false},"enabled":true},"grid":{"bottom":56`)
	heatMapDecals = []byte(`"aria":{"decal":{"show":true},"enabled":true},"grid":{"bottom":56`)
)

// BenchmarkPDF is build --pdf's print of a synthetic company's board pack
// (the site is built once, beforehand): start Chromium, print the pack,
// number its contents, print it again. "now" is the pack as built;
// "decals" is the same pack with the calendar heat map's per-cell decals
// put back, as before (at 10k about 1,200 cells, each a pattern the print
// rasterises). Skipped without bench data or a browser.
func BenchmarkPDF(b *testing.B) {
	for _, name := range []string{"1k", "10k"} {
		b.Run(name, func(b *testing.B) { benchPDF(b, name) })
	}
}

func benchPDF(b *testing.B, name string) {
	cfgPath := benchSite(b, name)
	if _, err := browser.Find(); err != nil {
		b.Skip(err)
	}
	ctx := context.Background()
	bl := pipeline.NewBuilder(cfgPath, true, time.Time{}, "bench")
	mem := site.NewMemory()
	if _, err := bl.Build(ctx, nil, mem); err != nil {
		b.Fatal(err)
	}
	dir := filepath.Join(b.TempDir(), "public")
	err := publish.Dir(ctx, dir, func(s site.Sink) error {
		for _, p := range mem.Paths() {
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
	pack, _ := mem.Get("board-pack.html")
	cases := []struct {
		name string
		html []byte
	}{{"now", pack}}
	if bytes.Contains(pack, heatMapNow) {
		cases = append(cases, struct {
			name string
			html []byte
		}{"decals", bytes.Replace(pack, heatMapNow, heatMapDecals, 1)})
	}
	o := commands.Options{Quiet: true, Stdout: io.Discard, Stderr: io.Discard}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			var size int64
			for b.Loop() {
				// The pack as built, its contents not yet numbered, so
				// that every print is the two prints of build --pdf.
				if err := os.WriteFile(filepath.Join(dir, "board-pack.html"), c.html, 0o644); err != nil {
					b.Fatal(err)
				}
				if err := commands.PDF(ctx, o, dir, "a4"); err != nil {
					b.Fatal(err)
				}
				st, err := os.Stat(filepath.Join(dir, "board-pack.pdf"))
				if err != nil {
					b.Fatal(err)
				}
				size = st.Size()
			}
			b.ReportMetric(float64(size)/1e6, "MB-pdf")
		})
	}
}

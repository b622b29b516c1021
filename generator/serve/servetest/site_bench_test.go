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

	"github.com/xuri/excelize/v2"

	"github.com/opsalign/opsalign/generator/pipeline"
	"github.com/opsalign/opsalign/generator/serve"
	"github.com/opsalign/opsalign/generator/serve/servetest"
	"github.com/opsalign/opsalign/generator/site"
)

// The benchmarks below measure save → served page on the real pipeline,
// over a copy of a site in a temporary folder (serve never writes, but the
// edits do):
//
//	go test ./generator/serve/servetest -run '^$' -bench . -benchtime 20x
//
// Sample is the repository's own site; Site1k and Site10k the synthetic
// companies of `make bench-data` (skipped without it). Each reports the p50, p95 and
// maximum of the edits' latencies and the CPU time of the process per
// edit (cpu-ms, build and fetches; steadier than wall time on a shared
// machine), and how many files each rebuild made (the others are the
// previous build's):
//
//   - narrative appends a line to content/_index.md and waits for
//     index.html to show it;
//   - spreadsheet saves the largest data file again unchanged (a new
//     modification time: read again) and waits for the reload;
//   - spreadsheet-row changes the name of the register's first initiative,
//     alternating between two names, and waits for its page to show it;
//   - spreadsheet-headline changes that initiative's spend, which moves the
//     headline every page shows, and waits for its page to show it.

func BenchmarkSample(b *testing.B) {
	benchSite(b, filepath.Join("..", "..", ".."), "opsalign.toml", "content", "sample-data", "themes/default")
}

func BenchmarkSite1k(b *testing.B) {
	benchSite(b, filepath.Join("..", "..", "..", "bench-data", "1k"), "opsalign.toml", "content", "data")
}

// BenchmarkSite10k is Site1k at the 10k company (bench-data/10k): a
// first build of seconds, then the edits.
func BenchmarkSite10k(b *testing.B) {
	benchSite(b, filepath.Join("..", "..", "..", "bench-data", "10k"), "opsalign.toml", "content", "data")
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

	// measure runs the edits of one sub-benchmark: edit(i) saves the i-th
	// and returns the page to watch and what it shows once served.
	measure := func(b *testing.B, edit func(i int) (page, want string, save func() error)) {
		var lat []time.Duration
		made, i := 0, 0
		cpu := servetest.CPUTime()
		for b.Loop() {
			page, want, save := edit(i)
			i++
			d, err := s.Save(page, func() (string, error) { return want, save() })
			if err != nil {
				b.Fatal(err)
			}
			lat = append(lat, d)
			made += madeFiles(bl)
		}
		servetest.Report(b, lat)
		b.ReportMetric(float64(servetest.CPUTime()-cpu)/float64(time.Millisecond)/float64(len(lat)), "cpu-ms")
		b.ReportMetric(float64(made)/float64(len(lat)), "files-made")
	}

	index := filepath.Join(dir, cfg.ContentDir, "_index.md")
	orig, err := os.ReadFile(index)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("narrative", func(b *testing.B) {
		measure(b, func(i int) (string, string, func() error) {
			want := "serve-bench-edit-" + strconv.Itoa(i)
			return "", want, func() error { return os.WriteFile(index, append(orig, "\n"+want+"\n"...), 0o644) }
		})
	})

	data := largest(b, pipeline.Path(cfg, cfg.DataDir))
	sheet, err := os.ReadFile(data)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("spreadsheet", func(b *testing.B) {
		// The page does not change: any reload after the save shows it.
		measure(b, func(int) (string, string, func() error) {
			return "", "", func() error { return os.WriteFile(data, sheet, 0o644) }
		})
	})

	register := registerFile(b, pipeline.Path(cfg, cfg.DataDir))
	id, name := firstInitiative(b, register)
	page := "initiatives/" + id + ".html"
	for _, c := range []struct {
		sub, col string
		values   [2]any
		shows    [2]string
	}{
		{"spreadsheet-row", "B", [2]any{name + " (phase 2)", name + " (phase 3)"}, [2]string{name + " (phase 2)", name + " (phase 3)"}},
		{"spreadsheet-headline", "I", [2]any{1111111, 2222222}, [2]string{"1,111,111", "2,222,222"}},
	} {
		// The two versions of the register, made before the clock runs.
		var versions [2][]byte
		for i, v := range c.values {
			versions[i] = registerWith(b, register, id, c.col, v)
		}
		b.Run(c.sub, func(b *testing.B) {
			measure(b, func(i int) (string, string, func() error) {
				v := versions[i%2]
				return page, c.shows[i%2], func() error { return os.WriteFile(register, v, 0o644) }
			})
		})
	}
}

// madeFiles is how many files the last build made.
func madeFiles(bl *pipeline.Builder) int { return len(bl.LastStats().Made) }

// registerFile returns the path of the initiative register in dir: the
// workbook with a Register sheet.
func registerFile(b *testing.B, dir string) string {
	es, err := os.ReadDir(dir)
	if err != nil {
		b.Fatal(err)
	}
	for _, e := range es {
		p := filepath.Join(dir, e.Name())
		if filepath.Ext(p) != ".xlsx" {
			continue
		}
		f, err := excelize.OpenFile(p)
		if err != nil {
			b.Fatal(err)
		}
		idx, _ := f.GetSheetIndex("Register")
		f.Close()
		if idx >= 0 {
			return p
		}
	}
	b.Fatalf("no register in %s", dir)
	return ""
}

// firstInitiative returns the id and name of the register's first
// initiative.
func firstInitiative(b *testing.B, register string) (id, name string) {
	f, err := excelize.OpenFile(register)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Register")
	if err != nil {
		b.Fatal(err)
	}
	for _, r := range rows {
		if len(r) > 1 && strings.HasPrefix(r[0], "INI-") {
			return r[0], r[1]
		}
	}
	b.Fatalf("no initiative in %s", register)
	return "", ""
}

// registerWith returns the bytes of register with the cell of column col
// in initiative id's row set to v.
func registerWith(b *testing.B, register, id, col string, v any) []byte {
	f, err := excelize.OpenFile(register)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Register")
	if err != nil {
		b.Fatal(err)
	}
	for i, r := range rows {
		if len(r) > 0 && r[0] == id {
			if err := f.SetCellValue("Register", col+strconv.Itoa(i+1), v); err != nil {
				b.Fatal(err)
			}
			buf, err := f.WriteToBuffer()
			if err != nil {
				b.Fatal(err)
			}
			return buf.Bytes()
		}
	}
	b.Fatalf("no row of %s in %s", id, register)
	return nil
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

package boardpack_test

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/png"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
	"testing/fstest"
	"time"

	"github.com/opsalign/opsalign/generator/boardpack"
	"github.com/opsalign/opsalign/generator/browser"
	"github.com/opsalign/opsalign/generator/pipeline"
	"github.com/opsalign/opsalign/generator/site"
	"github.com/opsalign/opsalign/internal/browsertest"
)

// buildSample renders the sample site into memory.
func buildSample(t *testing.T) fstest.MapFS {
	t.Helper()
	b := pipeline.NewBuilder(sampleSite(t), true, time.Time{}, "test")
	mem := site.NewMemory()
	if _, err := b.Build(context.Background(), nil, mem); err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, p := range mem.Paths() {
		data, _ := mem.Get(p)
		fsys[p] = &fstest.MapFile{Data: data, Mode: 0o644}
	}
	return fsys
}

// needTool returns the path of a poppler tool: a missing one skips the
// test outside CI and fails it under CI=true.
func needTool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s not found: install poppler-utils", name)
		}
		t.Skipf("%s not found (install poppler-utils)", name)
	}
	return p
}

// blank reports whether the body of a page image — leaving out the top
// and bottom 6% (the page margins, about 13 mm of 210–216 mm, where the
// running header and the page number print on every page) — has no pixel
// darker than near-white.
func blank(img image.Image) bool {
	r := img.Bounds()
	band := r.Dy() * 6 / 100
	for y := r.Min.Y + band; y < r.Max.Y-band; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			cr, cg, cb, _ := img.At(x, y).RGBA()
			if cr < 0xF000 || cg < 0xF000 || cb < 0xF000 {
				return false
			}
		}
	}
	return true
}

func TestPrintPDF(t *testing.T) {
	bctx := browsertest.Start(t)
	pdfinfo, pdftoppm := needTool(t, "pdfinfo"), needTool(t, "pdftoppm")
	fsys := buildSample(t)
	for _, paper := range []string{"a4", "letter"} {
		t.Run(paper, func(t *testing.T) {
			p, err := browser.PaperByName(paper)
			if err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithTimeout(bctx, 2*time.Minute)
			defer cancel()
			pdf, err := boardpack.PrintPDF(ctx, fsys, p)
			if err != nil {
				t.Fatal(err)
			}
			dir := t.TempDir()
			file := filepath.Join(dir, "board-pack.pdf")
			if err := os.WriteFile(file, pdf, 0o644); err != nil {
				t.Fatal(err)
			}
			info, err := exec.Command(pdfinfo, file).Output()
			if err != nil {
				t.Fatalf("pdfinfo: %v", err)
			}
			m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindSubmatch(info)
			if m == nil {
				t.Fatalf("pdfinfo says no page count:\n%s", info)
			}
			pages, _ := strconv.Atoi(string(m[1]))
			// Cover, nine principles, split, scoreboard, exceptions and the
			// narrative: the sample pack cannot fit on fewer than 5 pages,
			// and should not need more than 40.
			if pages < 5 || pages > 40 {
				t.Errorf("%d pages", pages)
			}
			// Landscape, on the paper asked for.
			sz := regexp.MustCompile(`(?m)^Page size:\s+([\d.]+) x ([\d.]+)`).FindSubmatch(info)
			if sz == nil {
				t.Fatalf("no page size:\n%s", info)
			}
			w, _ := strconv.ParseFloat(string(sz[1]), 64)
			h, _ := strconv.ParseFloat(string(sz[2]), 64)
			want := map[string][2]float64{"a4": {841.92, 595.92}, "letter": {792, 612}}[paper]
			if math.Abs(w-want[0]) > 1 || math.Abs(h-want[1]) > 1 {
				t.Errorf("page %.2f x %.2f pt, want %s landscape %.2f x %.2f", w, h, p.Name, want[0], want[1])
			}
			// Every page carries its number and the running header
			// (CSS page margin boxes, as a browser prints them).
			pdftotext := needTool(t, "pdftotext")
			for n := 1; n <= pages; n++ {
				text, err := exec.Command(pdftotext, "-f", strconv.Itoa(n), "-l", strconv.Itoa(n), "-layout", file, "-").Output()
				if err != nil {
					t.Fatalf("pdftotext: %v", err)
				}
				if num := fmt.Sprintf("%d / %d", n, pages); !bytes.Contains(text, []byte(num)) {
					t.Errorf("page %d does not say %q", n, num)
				}
				if !bytes.Contains(text, []byte("Board pack 2026-Q3")) {
					t.Errorf("page %d has no running header", n)
				}
			}
			if err := exec.Command(pdftoppm, "-r", "20", "-png", file, filepath.Join(dir, "page")).Run(); err != nil {
				t.Fatalf("pdftoppm: %v", err)
			}
			pngs, _ := filepath.Glob(filepath.Join(dir, "page*.png"))
			if len(pngs) != pages {
				t.Fatalf("%d page images for %d pages", len(pngs), pages)
			}
			for _, f := range pngs {
				b, err := os.ReadFile(f)
				if err != nil {
					t.Fatal(err)
				}
				img, err := png.Decode(bytes.NewReader(b))
				if err != nil {
					t.Fatal(err)
				}
				if blank(img) {
					t.Errorf("%s is blank", filepath.Base(f))
				}
			}
		})
	}
}

func TestPrintPDFWithoutBoardPack(t *testing.T) {
	_, err := boardpack.PrintPDF(context.Background(), fstest.MapFS{}, browser.Papers["a4"])
	if err == nil {
		t.Fatal("no error for a site without board-pack.html")
	}
}

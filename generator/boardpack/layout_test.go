package boardpack_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/opsalign/opsalign/generator/boardpack"
	"github.com/opsalign/opsalign/generator/browser"
	"github.com/opsalign/opsalign/generator/pipeline"
	"github.com/opsalign/opsalign/generator/site"
	"github.com/opsalign/opsalign/internal/browsertest"
)

// The printed page of the pack: A4 landscape with the margins of
// assets/board-pack.css (@page margin 14mm 12mm), in points.
const (
	a4W, a4H       = 841.92, 595.92
	mm             = 72 / 25.4
	marginTB       = 14 * mm
	marginLR       = 12 * mm
	maxSamplePages = 12 // issue 12: the sample pack prints on at most 12 pages
	fillDPI        = 36
)

// inkDepth returns how far down a page's body its content reaches, as a
// share of the body's height (0 empty, 1 full): the lowest row of the
// page image between the top and bottom margins (where the running
// header and the page number print) with a pixel darker than a light
// grey. A page is read top to bottom, so this is how full a person sees
// it: a page whose last line is a third of the way down is a third full.
func inkDepth(img image.Image) float64 {
	r := img.Bounds()
	scale := float64(r.Dy()) / a4H
	top, bottom := r.Min.Y+int(marginTB*scale+0.5), r.Max.Y-int(marginTB*scale+0.5)
	for y := bottom - 1; y >= top; y-- {
		for x := r.Min.X; x < r.Max.X; x++ {
			if color.GrayModel.Convert(img.At(x, y)).(color.Gray).Y < 0xC8 {
				return float64(y+1-top) / float64(bottom-top)
			}
		}
	}
	return 0
}

// pageCount is the page count pdfinfo reads from a PDF file.
func pageCount(t *testing.T, file string) int {
	t.Helper()
	info, err := exec.Command(needTool(t, "pdfinfo"), file).Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindSubmatch(info)
	if m == nil {
		t.Fatalf("pdfinfo says no page count:\n%s", info)
	}
	n, _ := strconv.Atoi(string(m[1]))
	return n
}

// buildRepoSample renders the repository's own sample site (opsalign.toml,
// content/, its closed quarters under history/) into memory: the pack
// the README describes, with its decisions and a Yes → No move.
func buildRepoSample(t *testing.T) fstest.MapFS {
	t.Helper()
	b := pipeline.NewBuilder(filepath.Join("..", "..", "opsalign.toml"), true, time.Time{}, "test")
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

// TestPackPages prints the sample board pack as build --pdf does and
// checks the pages a board member gets: at most 12 A4 landscape pages;
// the answer, its change since the last closed quarter and the decisions
// on pages 1–2, the contents with the pages the parts start on; every
// page but the last at least a third full (inkDepth); no text printed
// past the page's margins. A browser's own print of the numbered page
// (its CSS page size and margins, no background option) has as many
// pages.
func TestPackPages(t *testing.T) {
	t.Parallel() // beside the other prints of the pack
	bctx := browsertest.Start(t)
	pdftoppm := needTool(t, "pdftoppm")
	fsys := buildRepoSample(t)
	ctx, cancel := context.WithTimeout(bctx, 3*time.Minute)
	defer cancel()
	res, err := boardpack.PrintNumbered(ctx, fsys, browser.Papers["a4"])
	if err != nil {
		t.Fatal(err)
	}
	if res.Unnumbered != nil {
		t.Fatalf("printed without page numbers: %v", res.Unnumbered)
	}
	pdf := res.PDF
	dir := t.TempDir()
	file := filepath.Join(dir, "board-pack.pdf")
	if err := os.WriteFile(file, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	pages := pageCount(t, file)
	if pages > maxSamplePages {
		t.Errorf("the sample pack prints on %d pages, want at most %d", pages, maxSamplePages)
	}

	// Pages 1–2: the answer with its change, the decisions.
	words := pdfWords(t, file)
	if len(words) != pages {
		t.Fatalf("pdftotext read %d pages of %d", len(words), pages)
	}
	text := func(p int) string {
		var b strings.Builder
		for _, w := range words[p] {
			b.WriteString(w.text + " ")
		}
		return b.String()
	}
	front := text(0) + text(1)
	for _, want := range []string{"No — was Yes in 2026-Q2", "Decisions asked of the board", "D-2026Q3-1", "D-2026Q3-2", "D-2026Q3-3",
		"Initiatives at risk, largest spend first", "The nine principles"} {
		if !strings.Contains(front, want) {
			t.Errorf("pages 1–2 do not say %q", want)
		}
	}
	// Each principle starts on a page after the front, and the contents
	// on page 1 say where the parts start in the print kept (numbering
	// the contents moved nothing).
	dests, err := boardpack.DestPages(pdf)
	if err != nil {
		t.Fatal(err)
	}
	for p := 1; p <= 9; p++ {
		if n := dests["principle-"+strconv.Itoa(p)]; n < 3 || n > pages {
			t.Errorf("principle %d starts on page %d of %d", p, n, pages)
		}
	}
	for id, n := range res.Pages {
		if dests[id] != n {
			t.Errorf("%s: numbered from page %d of the first print, on page %d of the second", id, n, dests[id])
		}
	}
	for _, part := range []struct{ id, words string }{{"front", "the front pages"}, {"commentary", "commentary"},
		{"principle-1", "the nine principles"}, {"changes", "what changed since 2026-Q2"}} {
		if want := fmt.Sprintf("%s p. %d ", part.words, dests[part.id]); dests[part.id] == 0 || !strings.Contains(text(0), want) {
			t.Errorf("page 1's contents do not say %q (%s starts on page %d)", want, part.id, dests[part.id])
		}
	}

	// No page but the last less than a third full.
	if err := exec.Command(pdftoppm, "-gray", "-r", strconv.Itoa(fillDPI), "-png", file, filepath.Join(dir, "page")).Run(); err != nil {
		t.Fatalf("pdftoppm: %v", err)
	}
	pngs, _ := filepath.Glob(filepath.Join(dir, "page*.png"))
	if len(pngs) != pages {
		t.Fatalf("%d page images for %d pages", len(pngs), pages)
	}
	var fills []string
	for i, f := range pngs {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		d := inkDepth(img)
		fills = append(fills, fmt.Sprintf("%d: %.0f%%", i+1, 100*d))
		if i < pages-1 && d < 1.0/3 {
			t.Errorf("page %d is %.0f %% full (its text: %.120q…), want at least a third", i+1, 100*d, text(i))
		}
	}
	t.Logf("%d pages, filled to %s", pages, strings.Join(fills, ", "))

	// No word printed past the margins (the running header and the page
	// number are in the margins, above and below the body).
	for p, ws := range words {
		for _, w := range ws {
			if w.yMin < marginTB || w.yMax > a4H-marginTB {
				continue
			}
			if w.xMin < marginLR-1 || w.xMax > a4W-marginLR+1 {
				t.Errorf("page %d: %q at x %.1f–%.1f pt, outside the body (%.1f–%.1f)", p+1, w.text, w.xMin, w.xMax, marginLR, a4W-marginLR)
			}
		}
	}

	// A browser's print of board-pack.html as build --pdf leaves it (its
	// contents numbered): the page's own size (landscape) and margins.
	numbered := fstest.MapFS{}
	for p, f := range fsys {
		numbered[p] = f
	}
	numbered[boardpack.Page] = &fstest.MapFile{Data: boardpack.NumberContents(fsys[boardpack.Page].Data, res.Pages), Mode: 0o644}
	srv := httptest.NewServer(http.FileServerFS(numbered))
	defer srv.Close()
	tctx, tcancel := chromedp.NewContext(ctx)
	defer tcancel()
	if err := chromedp.Do(tctx, chromedp.Navigate(srv.URL+"/"+boardpack.Page),
		chromedp.Poll[chromedp.Void](`document.readyState === "complete" && window.opsalignReady !== false`)); err != nil {
		t.Fatal(err)
	}
	own, err := chromedp.Run(tctx, chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4), chromedp.PDFPreferCSSPageSize()))
	if err != nil {
		t.Fatal(err)
	}
	ownFile := filepath.Join(dir, "browser.pdf")
	if err := os.WriteFile(ownFile, own, 0o644); err != nil {
		t.Fatal(err)
	}
	if n := pageCount(t, ownFile); n != pages {
		t.Errorf("a browser's print has %d pages, build --pdf's %d", n, pages)
	}
}

// printLayoutJS lays the pack out as printed (print media, the body's
// width) and returns what would not fit: the document wider than the
// page (Chromium would shrink every page to fit it), and each table
// wider than its box or taller than a page.
const printLayoutJS = `(() => {
	const out = [], de = document.documentElement;
	if (de.scrollWidth > de.clientWidth + 1) out.push("document " + de.scrollWidth + " px wide in " + de.clientWidth);
	const page = %f;
	for (const t of document.querySelectorAll("main table")) {
		if (getComputedStyle(t).display === "none" || t.closest("[style*='display: none']")) continue;
		const r = t.getBoundingClientRect();
		if (r.width === 0) continue; // not printed
		const where = (t.closest("[id]") || {}).id + " " + t.className;
		if (r.right > de.clientWidth + 1 || t.scrollWidth > t.clientWidth + 1) out.push(where + ": " + Math.round(r.right) + " px right edge, " + t.scrollWidth + " px content in " + t.clientWidth);
		const box = t.parentElement;
		if (box && getComputedStyle(box).overflowX !== "visible" && box.scrollWidth > box.clientWidth + 1) out.push(where + ": scrolls in its box (" + box.scrollWidth + " in " + box.clientWidth + ")");
		if (r.height > page) out.push(where + ": " + Math.round(r.height) + " px high, a page is " + Math.round(page));
	}
	return JSON.stringify(out);
})()`

// TestPackFitsPage lays the sample pack out as printed on A4 and US Letter
// landscape and checks that nothing is wider than the page or taller
// than a page.
func TestPackFitsPage(t *testing.T) {
	t.Parallel()
	bctx := browsertest.Start(t)
	fsys := buildRepoSample(t)
	srv := httptest.NewServer(http.FileServerFS(fsys))
	defer srv.Close()
	for _, paper := range []struct {
		name string
		w, h float64 // landscape, mm
	}{{"a4", 297, 210}, {"letter", 279.4, 215.9}} {
		t.Run(paper.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(bctx, 2*time.Minute)
			defer cancel()
			tctx, tcancel := chromedp.NewContext(ctx)
			defer tcancel()
			px := func(v float64) float64 { return v * 96 / 25.4 }
			width, height := int64(px(paper.w-24)), px(paper.h-28)
			err := chromedp.Do(tctx,
				chromedp.EmulateViewport(width, 900),
				func(ctx context.Context, _ *chromedp.Target) (chromedp.Void, error) {
					_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
					return chromedp.Void{}, err
				},
				chromedp.Navigate(srv.URL+"/"+boardpack.Page),
				chromedp.Poll[chromedp.Void](`document.readyState === "complete" && window.opsalignReady !== false`),
			)
			if err != nil {
				t.Fatal(err)
			}
			got, err := chromedp.Run(tctx, chromedp.Evaluate[string](fmt.Sprintf(printLayoutJS, height)))
			if err != nil {
				t.Fatal(err)
			}
			var wide []string
			if err := json.Unmarshal([]byte(got), &wide); err != nil {
				t.Fatal(err)
			}
			for _, w := range wide {
				t.Errorf("%s landscape: %s", paper.name, w)
			}
		})
	}
}

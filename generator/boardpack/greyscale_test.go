package boardpack_test

import (
	"bytes"
	"context"
	"fmt"
	"html"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/opsalign/opsalign/generator/boardpack"
	"github.com/opsalign/opsalign/generator/browser"
	"github.com/opsalign/opsalign/internal/browsertest"
)

// greyDPI is the resolution the greyscale test renders pages at.
const greyDPI = 144

// word is a word of a PDF page as pdftotext -bbox places it, in points.
type word struct {
	text                   string
	xMin, yMin, xMax, yMax float64
}

var (
	pageRe = regexp.MustCompile(`<page width="[\d.]+" height="[\d.]+">`)
	wordRe = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)
)

// pdfWords returns the words of every page of a PDF.
func pdfWords(t *testing.T, file string) [][]word {
	t.Helper()
	out, err := exec.Command(needTool(t, "pdftotext"), "-bbox", file, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext -bbox: %v", err)
	}
	var pages [][]word
	locs := pageRe.FindAllIndex(out, -1)
	for i, l := range locs {
		end := len(out)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		var ws []word
		for _, m := range wordRe.FindAllSubmatch(out[l[1]:end], -1) {
			f := func(b []byte) float64 { v, _ := strconv.ParseFloat(string(b), 64); return v }
			ws = append(ws, word{html.UnescapeString(string(m[5])), f(m[1]), f(m[2]), f(m[3]), f(m[4])})
		}
		pages = append(pages, ws)
	}
	return pages
}

// greyStats returns the mean luminance (0 black, 1 white) of a rectangle
// of a greyscale page given in points, and the spread between its darkest
// and lightest pixel.
func greyStats(img *image.Gray, x0, y0, x1, y1 float64) (mean, spread float64) {
	s := float64(greyDPI) / 72
	r := image.Rect(int(x0*s+0.5), int(y0*s+0.5), int(x1*s+0.5), int(y1*s+0.5)).Intersect(img.Bounds())
	if r.Empty() {
		return 1, 0
	}
	var sum, n float64
	lo, hi := 255.0, 0.0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			v := float64(img.GrayAt(x, y).Y)
			sum += v
			n++
			lo, hi = min(lo, v), max(hi, v)
		}
	}
	return sum / n / 255, (hi - lo) / 255
}

// TestGreyscalePrint prints the sample board pack to PDF, renders its
// pages in greyscale (pdftoppm -gray) and measures every result key of
// the principles: the swatch left of each "Pass N", "Warn N" and "Fail N"
// (the colours of the bar's segments), and the first segment of each bar
// above a key that starts with "Pass". Pass is light, fail near-black with
// a pattern, warn in between, and pass and fail differ by at least 40 %
// of the luminance range.
func TestGreyscalePrint(t *testing.T) {
	t.Parallel() // beside TestPrintPDF: each prints the pack, which takes a while under -race
	bctx := browsertest.Start(t)
	pdftoppm := needTool(t, "pdftoppm")
	fsys := buildSample(t)
	ctx, cancel := context.WithTimeout(bctx, 2*time.Minute)
	defer cancel()
	pdf, err := boardpack.PrintPDF(ctx, fsys, browser.Papers["a4"])
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "board-pack.pdf")
	if err := os.WriteFile(file, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := exec.Command(pdftoppm, "-gray", "-r", strconv.Itoa(greyDPI), "-png", file, filepath.Join(dir, "page")).Run(); err != nil {
		t.Fatalf("pdftoppm -gray: %v", err)
	}
	pages := pdfWords(t, file)
	pngs, _ := filepath.Glob(filepath.Join(dir, "page*.png"))
	if len(pngs) != len(pages) || len(pages) == 0 {
		t.Fatalf("%d page images for %d pages of text", len(pngs), len(pages))
	}
	lum := map[string][]float64{}
	var failSpread []float64
	var barPass []float64
	for p, f := range pngs { // page-01.png …: Glob sorts them
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		im, err := png.Decode(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		g, ok := im.(*image.Gray)
		if !ok { // a grey PNG may decode with alpha: take its grey
			g = image.NewGray(im.Bounds())
			for y := im.Bounds().Min.Y; y < im.Bounds().Max.Y; y++ {
				for x := im.Bounds().Min.X; x < im.Bounds().Max.X; x++ {
					g.Set(x, y, color.GrayModel.Convert(im.At(x, y)))
				}
			}
		}
		ws := pages[p]
		for i, w := range ws {
			if i+1 >= len(ws) || (w.text != "Pass" && w.text != "Warn" && w.text != "Fail") {
				continue
			}
			if _, err := strconv.Atoi(ws[i+1].text); err != nil || ws[i+1].yMin != w.yMin {
				continue // not a key entry: "✓ Pass" in a table, "pass" in prose
			}
			if i+2 < len(ws) && ws[i+2].yMin == w.yMin && !keyWord[ws[i+2].text] {
				continue // a badge in prose: "✗ Fail 1 severity 1–2 incident …"
			}
			em := (w.yMax - w.yMin) / 1.17 // the key's font size, from its line box
			// The swatch: 0.9rem wide (1.2em of the 0.75rem key), then a
			// 0.3rem (0.4em) gap before the word. Its inside, off the
			// border.
			mid := (w.yMin + w.yMax) / 2
			mean, spread := greyStats(g, w.xMin-1.45*em, mid-0.25*em, w.xMin-0.6*em, mid+0.25*em)
			if mean > 0.97 {
				continue // nothing drawn left of the word: not a key
			}
			lum[w.text] = append(lum[w.text], mean)
			if w.text == "Fail" {
				failSpread = append(failSpread, spread)
			}
			// The bar sits above the key, its left edge at the key's: the
			// first segment of a key starting with Pass is the pass one.
			if i > 0 && ws[i-1].yMin == w.yMin {
				continue
			}
			if w.text == "Pass" {
				top := w.yMin - 0.2*em/0.75 // the key's 0.2rem margin
				m, _ := greyStats(g, w.xMin-1.4*em, top-1.3*em, w.xMin-0.2*em, top-0.5*em)
				barPass = append(barPass, m)
			}
		}
	}
	t.Logf("greyscale luminance: pass %v, warn %v, fail %v, first segments %v", lum["Pass"], lum["Warn"], lum["Fail"], barPass)
	// The sample pack has a result bar per principle, in the contents and
	// in each section: with pass and fail in most.
	if len(lum["Pass"]) < 8 || len(lum["Fail"]) < 8 || len(lum["Warn"]) < 4 || len(barPass) < 8 {
		t.Fatalf("found %d pass, %d warn, %d fail keys and %d bars: the test saw too little", len(lum["Pass"]), len(lum["Warn"]), len(lum["Fail"]), len(barPass))
	}
	pass, warn, fail := maxOf(lum["Pass"]), lum["Warn"], minOf(lum["Fail"])
	if lp, lf := minOf(lum["Pass"]), maxOf(lum["Fail"]); lp-lf < 0.40 {
		t.Errorf("pass and fail differ by %.0f %% of the luminance range in greyscale (darkest pass %.2f, lightest fail %.2f), want ≥ 40 %%", 100*(lp-lf), lp, lf)
	}
	if minOf(lum["Pass"]) < 0.75 {
		t.Errorf("pass is not light: %.2f", minOf(lum["Pass"]))
	}
	if maxOf(lum["Fail"]) > 0.35 {
		t.Errorf("fail is not near-black: %.2f", maxOf(lum["Fail"]))
	}
	// A uniform fill spreads by a few levels at most; the stripes by a
	// tenth of the range or more, even blurred at 144 dpi.
	if minOf(failSpread) < 0.1 {
		t.Errorf("fail swatches without a pattern: spread %v", failSpread)
	}
	if w0, w1 := minOf(warn), maxOf(warn); w0 < fail+0.15 || w1 > pass-0.15 {
		t.Errorf("warn %.2f–%.2f is not between fail %.2f and pass %.2f", w0, w1, fail, pass)
	}
	for _, m := range barPass {
		if m < 0.75 {
			t.Errorf("a bar's pass segment is %.2f, not light: %s", m, fmt.Sprint(barPass))
			break
		}
	}
}

// keyWord are the words that may follow a count in a result key.
var keyWord = map[string]bool{"Pass": true, "Warn": true, "Fail": true, "n/a": true}

func minOf(v []float64) float64 {
	m := 1.0
	for _, x := range v {
		m = min(m, x)
	}
	return m
}

func maxOf(v []float64) float64 {
	m := 0.0
	for _, x := range v {
		m = max(m, x)
	}
	return m
}

package browser

import (
	"context"
	"fmt"
	"strings"

	"github.com/chromedp/chromedp"
)

// Paper is a paper size for the board pack PDF, printed landscape.
type Paper struct {
	Name string
	Size chromedp.PaperSize // portrait width × height in inches
}

// Papers are the sizes the board pack prints on, by flag value.
var Papers = map[string]Paper{
	"a4":     {"A4", chromedp.PaperA4},
	"letter": {"US Letter", chromedp.PaperLetter},
}

// PaperByName returns the paper called name (a4 or letter, any case).
func PaperByName(name string) (Paper, error) {
	p, ok := Papers[strings.ToLower(name)]
	if !ok {
		return Paper{}, fmt.Errorf("unknown paper %q (want a4 or letter)", name)
	}
	return p, nil
}

// PrintPDF opens url in a new tab of the browser of ctx (from Start), waits
// until the page is loaded and, when it sets window.opsalignReady, until
// that is true (charts drawn), and prints it landscape. Running headers
// and page numbers are the page's own (CSS page margin boxes), as when a
// person prints it from the browser.
func PrintPDF(ctx context.Context, url string, paper Paper) ([]byte, error) {
	p, err := OpenPrint(ctx, url)
	if err != nil {
		return nil, err
	}
	defer p.Close()
	return p.PDF(paper)
}

// PrintTab is a page opened for printing, which may be changed by script
// and printed again without loading it anew (its charts are drawn once).
type PrintTab struct {
	ctx    context.Context
	cancel context.CancelFunc
	url    string
}

// OpenPrint opens url in a new tab of the browser of ctx (from Start) and
// waits until the page is loaded and, when it sets window.opsalignReady,
// until that is true. Close the tab when done.
func OpenPrint(ctx context.Context, url string) (*PrintTab, error) {
	tctx, cancel := chromedp.NewContext(ctx)
	if err := chromedp.Do(tctx,
		chromedp.Navigate(url),
		chromedp.Poll[chromedp.Void](`document.readyState === "complete" && (window.opsalignReady === undefined || window.opsalignReady === true)`),
	); err != nil {
		cancel()
		return nil, fmt.Errorf("opening %s: %w", url, err)
	}
	return &PrintTab{ctx: tctx, cancel: cancel, url: url}, nil
}

// PDF prints the tab's page landscape on paper.
func (p *PrintTab) PDF(paper Paper) ([]byte, error) {
	pdf, err := chromedp.Run(p.ctx, chromedp.PrintToPDF(
		chromedp.PDFPaper(paper.Size),
		chromedp.PDFLandscape(),
		chromedp.PDFMargins(0.4, 0.4, 0.5, 0.4),
		chromedp.PDFPrintBackground(),
	))
	if err != nil {
		return nil, fmt.Errorf("printing %s to PDF: %w", p.url, err)
	}
	return pdf, nil
}

// Eval runs the expression js in the tab's page and returns its value, a
// boolean.
func (p *PrintTab) Eval(js string) (bool, error) {
	v, err := chromedp.Run(p.ctx, chromedp.Evaluate[bool](js))
	if err != nil {
		return false, fmt.Errorf("%s: %w", p.url, err)
	}
	return v, nil
}

// Close closes the tab.
func (p *PrintTab) Close() { p.cancel() }

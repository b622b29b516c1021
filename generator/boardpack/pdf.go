package boardpack

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"time"

	"github.com/opsalign/opsalign/generator/browser"
)

// Page is the board pack's path in a built site.
const Page = "board-pack.html"

// PrintPDF prints the board pack of a built site with the browser of
// bctx (from browser.Start). The site is served read-only from fsys on
// a loopback port for the time of the print, so that its relative links,
// scripts and charts load as they do on an intranet server; nothing is
// fetched from elsewhere.
func PrintPDF(bctx context.Context, fsys fs.FS, paper browser.Paper) ([]byte, error) {
	var pdf []byte
	err := withPack(bctx, fsys, func(tab *browser.PrintTab) error {
		var err error
		pdf, err = tab.PDF(paper)
		return err
	})
	return pdf, err
}

// Numbered is a print of the pack with the page numbers of its contents.
type Numbered struct {
	PDF   []byte
	Pages map[string]int // the page each section starts on (DestPages); nil when not read
	// Unnumbered says why the contents have no page numbers (the first
	// print's destinations could not be read); PDF is then that print.
	Unnumbered error
}

// numberJS writes the pages given as its argument (a JSON object) into the
// contents' number boxes as NumberContents does, and says whether any
// changed.
const numberJS = `((pages) => {
	let changed = false;
	for (const s of document.querySelectorAll("span.pn[data-for]")) {
		const n = pages[s.getAttribute("data-for")], t = n ? String(n) : "";
		if (s.textContent !== t) { s.textContent = t; changed = true; }
	}
	return changed;
})(%s)`

// PrintNumbered prints the pack as PrintPDF does, reads on which page each
// section starts (DestPages), writes those numbers into the contents of
// the open page and, when that changed them, prints it again. The page is
// not loaded anew for the second print: its charts are drawn once.
// Write the numbers into board-pack.html with NumberContents, so that a
// browser's print of it shows them too.
func PrintNumbered(bctx context.Context, fsys fs.FS, paper browser.Paper) (Numbered, error) {
	var out Numbered
	err := withPack(bctx, fsys, func(tab *browser.PrintTab) error {
		first, err := tab.PDF(paper)
		if err != nil {
			return err
		}
		out.PDF = first
		pages, err := DestPages(first)
		if err != nil {
			out.Unnumbered = err
			return nil
		}
		out.Pages = pages
		js, err := json.Marshal(pages)
		if err != nil {
			return err
		}
		changed, err := tab.Eval(fmt.Sprintf(numberJS, js))
		if err != nil || !changed {
			return err
		}
		out.PDF, err = tab.PDF(paper)
		return err
	})
	return out, err
}

// withPack serves fsys on a loopback port, opens its board pack in a tab
// of the browser of bctx and calls print with it.
func withPack(bctx context.Context, fsys fs.FS, print func(*browser.PrintTab) error) error {
	if _, err := fs.Stat(fsys, Page); err != nil {
		return fmt.Errorf("board pack: %w", err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return fmt.Errorf("board pack: serving the site for the browser: %w", err)
	}
	srv := &http.Server{Handler: http.FileServerFS(fsys), ReadHeaderTimeout: 10 * time.Second}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	defer func() {
		srv.Close()
		<-done
	}()
	tab, err := browser.OpenPrint(bctx, "http://"+ln.Addr().String()+"/"+Page)
	if err != nil {
		return fmt.Errorf("board pack: %w", err)
	}
	defer tab.Close()
	if err := print(tab); err != nil {
		return fmt.Errorf("board pack: %w", err)
	}
	return nil
}

// NoBrowser reports whether err says that no browser is installed.
func NoBrowser(err error) bool { return errors.Is(err, browser.ErrNotFound) }

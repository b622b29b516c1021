package boardpack

import (
	"context"
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
	if _, err := fs.Stat(fsys, Page); err != nil {
		return nil, fmt.Errorf("board pack: %w", err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("board pack: serving the site for the browser: %w", err)
	}
	srv := &http.Server{Handler: http.FileServerFS(fsys), ReadHeaderTimeout: 10 * time.Second}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	defer func() {
		srv.Close()
		<-done
	}()
	pdf, err := browser.PrintPDF(bctx, "http://"+ln.Addr().String()+"/"+Page, paper)
	if err != nil {
		return nil, fmt.Errorf("board pack: %w", err)
	}
	return pdf, nil
}

// NoBrowser reports whether err says that no browser is installed.
func NoBrowser(err error) bool { return errors.Is(err, browser.ErrNotFound) }

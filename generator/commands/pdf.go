package commands

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/opsalign/opsalign/generator/boardpack"
	"github.com/opsalign/opsalign/generator/browser"
)

// PDF prints the board pack of the site built in outDir (build --pdf) to
// outDir/board-pack.pdf on paper "a4" or "letter", landscape, with a
// locally installed Chromium or Chrome. Without a browser it says so,
// names what to install and returns nil: the site is built all the same.
func PDF(ctx context.Context, o Options, outDir, paper string) error {
	p, err := browser.PaperByName(paper)
	if err != nil {
		return err
	}
	bctx, stop, err := browser.Start(ctx)
	if boardpack.NoBrowser(err) {
		fmt.Fprintf(o.Stderr, "opsalign: board-pack.pdf not written: %v. The site is built.\n", err)
		return nil
	}
	if err != nil {
		return fmt.Errorf("board-pack.pdf: %w", err)
	}
	defer stop()
	pdf, err := boardpack.PrintPDF(bctx, os.DirFS(outDir), p)
	if err != nil {
		return err
	}
	// The contents' page numbers: a first print says where each section
	// starts; they are written into the pack's HTML (so that a print from
	// a browser shows them too) and the pack is printed again.
	pdf, err = numberPages(bctx, outDir, p, pdf, o)
	if err != nil {
		return err
	}
	if err := writeFile(outDir, "board-pack.pdf", pdf); err != nil {
		return err
	}
	if !o.Quiet {
		fmt.Fprintf(o.Stdout, "Wrote %s (%s landscape).\n", filepath.Join(outDir, "board-pack.pdf"), p.Name)
	}
	return nil
}

// numberPages writes the pages of first (a print of the pack) into the
// pack's contents and prints it again. A pack without page number boxes,
// or a print whose destinations cannot be read, is kept as it is.
func numberPages(bctx context.Context, outDir string, p browser.Paper, first []byte, o Options) ([]byte, error) {
	file := filepath.Join(outDir, boardpack.Page)
	html, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	pages, err := boardpack.DestPages(first)
	if err != nil {
		if o.Logger != nil {
			o.Logger.Warn("board pack printed without page numbers in its contents", "err", err)
		}
		return first, nil
	}
	numbered := boardpack.NumberContents(html, pages)
	if bytes.Equal(numbered, html) {
		return first, nil
	}
	if err := writeFile(outDir, boardpack.Page, numbered); err != nil {
		return nil, err
	}
	return boardpack.PrintPDF(bctx, os.DirFS(outDir), p)
}

// writeFile replaces outDir/name with data, atomically.
func writeFile(outDir, name string, data []byte) error {
	dst := filepath.Join(outDir, name)
	tmp, err := os.CreateTemp(outDir, "."+name+"-*")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := os.Rename(tmp.Name(), dst); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return nil
}

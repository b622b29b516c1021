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
	// The contents' page numbers: a first print says where each section
	// starts; they are written into the printed page, which is printed
	// again, and into the pack's HTML, so that a print from a browser
	// shows them too.
	res, err := boardpack.PrintNumbered(bctx, os.DirFS(outDir), p)
	if err != nil {
		return err
	}
	if res.Unnumbered != nil {
		if o.Logger != nil {
			o.Logger.Warn("board pack printed without page numbers in its contents", "err", res.Unnumbered)
		}
	} else if err := numberPages(outDir, res.Pages); err != nil {
		return err
	}
	pdf := res.PDF
	if err := writeFile(outDir, "board-pack.pdf", pdf); err != nil {
		return err
	}
	if !o.Quiet {
		fmt.Fprintf(o.Stdout, "Wrote %s (%s landscape).\n", filepath.Join(outDir, "board-pack.pdf"), p.Name)
	}
	return nil
}

// numberPages writes pages (where each section of the pack starts) into
// the contents of the pack's HTML in outDir.
func numberPages(outDir string, pages map[string]int) error {
	file := filepath.Join(outDir, boardpack.Page)
	html, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	numbered := boardpack.NumberContents(html, pages)
	if bytes.Equal(numbered, html) {
		return nil
	}
	return writeFile(outDir, boardpack.Page, numbered)
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

package commands

import (
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
	dst := filepath.Join(outDir, "board-pack.pdf")
	tmp, err := os.CreateTemp(outDir, ".board-pack-*.pdf")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(pdf); err != nil {
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
	if !o.Quiet {
		fmt.Fprintf(o.Stdout, "Wrote %s (%s landscape).\n", dst, p.Name)
	}
	return nil
}

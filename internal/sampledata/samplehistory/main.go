// Command samplehistory closes the sample site's past quarters again, as
// they were: each quarter is closed (opsalign close --force) in a copy of
// the site whose content/board-pack.md is the board pack of that quarter
// (narratives/PERIOD/board-pack.md, with its decisions), oldest first, so
// that each closed pack follows up the decisions of the one before. The
// closed folders then replace history/PERIOD/ of the site.
//
//	go run ./internal/sampledata/samplehistory -site .     (make sample-history)
//
// The frozen files depend only on the site's inputs, the narratives and
// the theme: running it twice writes the same bytes.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"

	"github.com/opsalign/opsalign/generator/commands"
	"github.com/opsalign/opsalign/generator/history"
)

// version is the opsalign version the sample's quarters are closed as: a
// fixed name, so that re-running gives the same bytes.
const version = "sample-history"

func main() {
	site := flag.String("site", ".", "the sample site folder")
	flag.Parse()
	if err := run(context.Background(), *site); err != nil {
		fmt.Fprintln(os.Stderr, "samplehistory:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, site string) error {
	narratives := filepath.Join(site, "internal", "sampledata", "samplehistory", "narratives")
	entries, err := os.ReadDir(narratives)
	if err != nil {
		return err
	}
	var periods []string
	for _, e := range entries {
		if e.IsDir() {
			periods = append(periods, e.Name())
		}
	}
	slices.Sort(periods) // 2026-Q1 before 2026-Q2
	tmp, err := os.MkdirTemp("", "opsalign-sample-history-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	for _, p := range []string{"opsalign.toml", "sample-data", "content"} {
		if err := copyTree(filepath.Join(site, p), filepath.Join(tmp, p)); err != nil {
			return err
		}
	}
	o := commands.Options{Config: filepath.Join(tmp, "opsalign.toml"), Quiet: true, Stdout: io.Discard, Stderr: os.Stderr, Version: version}
	for _, p := range periods {
		pack, err := os.ReadFile(filepath.Join(narratives, p, "board-pack.md"))
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(tmp, "content", "board-pack.md"), pack, 0o644); err != nil {
			return err
		}
		if err := commands.Close(ctx, o, p, true); err != nil {
			return fmt.Errorf("closing %s: %w", p, err)
		}
		dst := history.QuarterDir(site, p)
		if err := os.RemoveAll(dst); err != nil {
			return err
		}
		if err := copyTree(history.QuarterDir(tmp, p), dst); err != nil {
			return err
		}
		fmt.Printf("closed %s into %s\n", p, dst)
	}
	// The quarters copied in must load as close wrote them.
	if _, err := history.Load(site); err != nil {
		return err
	}
	return nil
}

// copyTree copies a file or folder.
func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		to := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(to, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
			return err
		}
		return os.WriteFile(to, b, 0o644)
	})
}

package scaffold

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/opsalign/opsalign/generator/model"
)

// ErrNotEmpty is returned (wrapped) by Write when the folder already holds
// files.
var ErrNotEmpty = errors.New("folder is not empty")

// Options tune a new site.
type Options struct {
	// Currency is named in the money columns' help; "" means USD.
	Currency string
}

// File is one file of a new site.
type File struct {
	Path string // slash-separated, relative to the site folder
	Data []byte
}

// Files returns every file of a new site, in path order: opsalign.toml,
// content/_index.md, content/board-pack.md and one template per table
// under data/.
func Files(o Options) ([]File, error) {
	cur := o.Currency
	if cur == "" {
		cur = "USD"
	}
	out := []File{
		{"content/_index.md", []byte(indexText)},
		{"content/board-pack.md", []byte(boardPackText)},
	}
	for _, t := range model.Tables {
		b, err := Workbook(t, cur)
		if err != nil {
			return nil, err
		}
		out = append(out, File{DataDir + "/" + FileName(t), b})
	}
	out = append(out, File{"opsalign.toml", []byte(configText)})
	return out, nil
}

// Write creates a new site in dir: the folder may not exist yet or may be
// empty; a folder that holds anything (even hidden files) is refused with
// an error wrapping ErrNotEmpty, and nothing is written.
func Write(ctx context.Context, dir string, o Options) ([]File, error) {
	if err := checkEmpty(dir); err != nil {
		return nil, err
	}
	files, err := Files(o)
	if err != nil {
		return nil, err
	}
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		p := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return nil, err
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			return nil, err
		}
	}
	return files, nil
}

// checkEmpty accepts a missing or empty folder.
func checkEmpty(dir string) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if len(entries) > 0 {
		return fmt.Errorf("%s: %w (it holds %s); opsalign new only creates a site in a new or empty folder", dir, ErrNotEmpty, entries[0].Name())
	}
	return nil
}

package render

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
)

// readAssets reads every file under the theme's assets/ folder, in path
// order. A theme without assets has none.
func readAssets(theme fs.FS) ([]asset, error) {
	var out []asset
	err := fs.WalkDir(theme, "assets", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || path.Base(p)[0] == '.' {
			return nil
		}
		b, err := fs.ReadFile(theme, p)
		if err != nil {
			return err
		}
		out = append(out, asset{path: p, data: b})
		return nil
	})
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("render: reading theme assets: %w", err)
	}
	return out, nil
}

package history

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
)

// ErrClosed is returned (wrapped) when a quarter is closed again without
// force.
var ErrClosed = errors.New("quarter already closed")

// QuarterDir returns the folder of a closed quarter in the site folder.
func QuarterDir(siteDir, period string) string {
	return filepath.Join(siteDir, Dir, period)
}

// Closed reports whether period has been closed in the site folder.
func Closed(siteDir, period string) (bool, error) {
	_, err := os.Stat(QuarterDir(siteDir, period))
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	return err == nil, err
}

// Write stores s as history/PERIOD/ of the site folder. The folder is
// written beside its final place and renamed into it, so a failed close
// leaves nothing half-written. An existing closed quarter is an error
// wrapping ErrClosed unless force is set; then it is replaced whole.
func Write(ctx context.Context, siteDir string, s Snapshot) error {
	return write(ctx, siteDir, s, false)
}

// Replace is Write that replaces an existing closed quarter (--force).
func Replace(ctx context.Context, siteDir string, s Snapshot) error {
	return write(ctx, siteDir, s, true)
}

func write(ctx context.Context, siteDir string, s Snapshot, force bool) (err error) {
	period := s.Manifest.Period
	final := QuarterDir(siteDir, period)
	closed, err := Closed(siteDir, period)
	if err != nil {
		return err
	}
	if closed && !force {
		return fmt.Errorf("%s: %w (use --force to replace it)", filepath.Join(Dir, period), ErrClosed)
	}
	root := filepath.Join(siteDir, Dir)
	if err := os.MkdirAll(root, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(root, "."+period+".closing-")
	if err != nil {
		return err
	}
	if err = os.Chmod(tmp, 0o755); err != nil { // MkdirTemp makes it 0700: a web server could not read it
		os.RemoveAll(tmp)
		return err
	}
	defer func() {
		if err != nil {
			os.RemoveAll(tmp)
		}
	}()
	names := make([]string, 0, len(s.Files))
	for n := range s.Files {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		if err := ctx.Err(); err != nil {
			return err
		}
		p := filepath.Join(tmp, filepath.FromSlash(n))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, s.Files[n], 0o644); err != nil {
			return err
		}
	}
	man, err := encode(s.Manifest)
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(tmp, ManifestFile), man, 0o644); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if !closed {
		return os.Rename(tmp, final)
	}
	old, err := os.MkdirTemp(root, "."+period+".old-")
	if err != nil {
		return err
	}
	if err := os.Remove(old); err != nil {
		return err
	}
	if err := os.Rename(final, old); err != nil {
		return err
	}
	if err := os.Rename(tmp, final); err != nil {
		os.Rename(old, final) // put the previous close back
		return err
	}
	return os.RemoveAll(old)
}

// encode writes v as indented JSON with a final newline.
func encode(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

package history

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/opsalign/opsalign/generator/durable"
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
// written beside its final place, synced to disk with its manifest written
// last, and moved into place in one step, so that a failed or killed close
// leaves nothing half-written. An existing closed quarter is an error
// wrapping ErrClosed unless force is set; then it is replaced whole.
func Write(ctx context.Context, siteDir string, s Snapshot) error {
	return write(ctx, siteDir, s, false, durable.Options{})
}

// Replace is Write that replaces an existing closed quarter (--force).
// Where the system can exchange two folders (Linux) the old quarter is
// replaced in one step, so that it is never missing nor, for a moment,
// closable again without --force; elsewhere it is moved aside just before
// the new one moves in, and Recover puts a whole quarter back if the
// process dies in between.
func Replace(ctx context.Context, siteDir string, s Snapshot) error {
	return write(ctx, siteDir, s, true, durable.Options{})
}

// quarterFolder is history/PERIOD/ with its spares: a closing folder is
// whole once it holds its manifest.
func quarterFolder(siteDir, period string) durable.Folder {
	return durable.Folder{Path: QuarterDir(siteDir, period), Complete: ManifestFile, Staging: "closing"}
}

// Recover cleans up after closes that were killed (durable.Folder.Recover):
// a quarter that is missing while a killed close left a whole folder for
// it (a closing folder holding its manifest, or the previous close moved
// aside) is put back, and the folders such closes left in history/
// (.PERIOD.closing-…, .PERIOD.old-…) are removed. Folders of closes still
// running are left alone. restored lists the quarters put back.
func Recover(siteDir string) (restored []string, err error) {
	root := filepath.Join(siteDir, Dir)
	entries, err := os.ReadDir(root)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	periods := map[string]bool{}
	for _, e := range entries {
		name := e.Name()
		if !strings.HasPrefix(name, ".") {
			continue
		}
		if i := strings.LastIndexByte(name, '.'); i > 1 {
			periods[name[1:i]] = true
		}
	}
	for _, p := range slices.Sorted(maps.Keys(periods)) {
		if !fs.ValidPath(p) || strings.Contains(p, "/") {
			continue
		}
		got, err := quarterFolder(siteDir, p).Recover()
		if err != nil {
			return restored, fmt.Errorf("%s: %w", filepath.Join(Dir, p), err)
		}
		if got != "" {
			restored = append(restored, p)
		}
	}
	return restored, nil
}

func write(ctx context.Context, siteDir string, s Snapshot, force bool, o durable.Options) (err error) {
	period := s.Manifest.Period
	root := filepath.Join(siteDir, Dir)
	if err := os.MkdirAll(root, 0o755); err != nil {
		return err
	}
	if _, err := Recover(siteDir); err != nil {
		return err
	}
	closed, err := Closed(siteDir, period)
	if err != nil {
		return err
	}
	if closed && !force {
		return fmt.Errorf("%s: %w (use --force to replace it)", filepath.Join(Dir, period), ErrClosed)
	}
	f := quarterFolder(siteDir, period)
	tmp, err := f.NewStaging()
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			durable.Discard(tmp)
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
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := f.Seal(tmp, man, o); err != nil { // the manifest last: a closing folder holding it is whole
		return err
	}
	if o.Step != nil {
		o.Step("staged")
	}
	err = f.Replace(tmp, force, o)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s: %w (closed meanwhile by another process; use --force to replace it)", filepath.Join(Dir, period), ErrClosed)
	}
	return err
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

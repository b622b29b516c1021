// Package publish writes a rendered site to its output folder atomically:
// files go into a staging folder beside the output folder, which is swapped
// in only when everything is written. A failed or interrupted build leaves
// the previous site untouched. Publish only ever replaces a folder it
// created itself (it leaves a marker file) or an empty one.
package publish

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"

	"github.com/opsalign/opsalign/generator/durable"
	"github.com/opsalign/opsalign/generator/site"
)

// Marker is the file publish leaves in every folder it writes. Its presence
// is what allows a later build to replace the folder.
const Marker = ".opsalign-site"

const markerText = "This folder was written by opsalign build and is replaced on every build.\n"

// ErrNotOurs is returned when the output folder exists, is not empty and
// has no marker file.
var ErrNotOurs = errors.New("refusing to replace a folder that opsalign did not create")

// Dir renders a site into outputDir: render is called with a Sink that
// writes into a fresh staging folder beside outputDir, and the staging
// folder replaces outputDir only when render returned nil. When ctx is
// cancelled or render fails, the staging folder is removed and outputDir is
// left as it was.
//
// Every file is synced to disk before the swap, and the swap is one step
// where the system can exchange two folders (Linux), so that outputDir is
// never missing. Elsewhere the old site is moved aside just before the new
// one moves in; a build killed between the two leaves outputDir missing,
// and the next build — even one that fails — first puts back the complete
// site that was left beside it (Recover).
func Dir(ctx context.Context, outputDir string, render func(site.Sink) error) error {
	return dir(ctx, outputDir, render, hooks{})
}

// hooks let tests stop a build between its steps (durable.Options).
type hooks = durable.Options

// folder is the output folder with its spares: staging folders are whole
// once they hold the marker.
func folder(out string) durable.Folder {
	return durable.Folder{Path: out, Complete: Marker, Staging: "staging"}
}

// Recover cleans up after builds of the output folder out that were
// killed (durable.Folder.Recover): when out is missing and a killed build
// left a whole site beside it — a staging folder holding its marker,
// which is written after every other file is synced, or the previous site
// moved aside during a swap — that site is put back, the newest staging
// folder first; then every folder such builds left is removed. Folders of
// builds still running are left alone.
func Recover(out string) error {
	_, err := folder(filepath.Clean(out)).Recover()
	if err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	return nil
}

func dir(ctx context.Context, outputDir string, render func(site.Sink) error, h hooks) error {
	out, err := filepath.Abs(outputDir)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	if err := Recover(out); err != nil {
		return err
	}
	if err := checkReplaceable(out); err != nil {
		return err
	}
	f := folder(out)
	staging, err := f.NewStaging()
	if err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	ok := false
	defer func() {
		if !ok {
			durable.Discard(staging)
		}
	}()
	sink := &dirSink{root: staging, dirs: map[string]bool{}}
	if !h.NoSync {
		// The disk works while the rest renders.
		sink.wb = durable.NewWriteback(staging, writebackEvery)
	}
	err = render(sink)
	if sink.wb != nil {
		sink.wb.Wait()
	}
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	// The files first, then the marker: a staging folder holding its
	// marker is whole, and Recover may put it in place.
	if err := f.Seal(staging, []byte(markerText), h); err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	if h.Step != nil {
		h.Step("staged")
	}
	if err := f.Replace(staging, true, h); err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	ok = true
	return nil
}

// checkReplaceable refuses a non-empty folder without the marker, and a
// path that is a file.
func checkReplaceable(out string) error {
	fi, err := os.Stat(out)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	if !fi.IsDir() {
		return fmt.Errorf("publish: %s is a file, not a folder: %w", out, ErrNotOurs)
	}
	if _, err := os.Stat(filepath.Join(out, Marker)); err == nil {
		return nil
	}
	entries, err := os.ReadDir(out)
	if err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	if len(entries) > 0 {
		return fmt.Errorf("publish: %s is not empty and has no %s marker: %w (move it away or choose another output_dir)", out, Marker, ErrNotOurs)
	}
	return nil
}

// writebackEvery is how many bytes a build writes between the syncs that
// start writing its files to disk in the background (durable.Writeback):
// ~5 of them for the 141 MB of the 10k benchmark site.
const writebackEvery = 24 << 20

// dirSink writes each file under root in one write. It is safe for
// concurrent use.
type dirSink struct {
	root string
	wb   *durable.Writeback // nil: nothing is synced (tests)
	mu   sync.Mutex
	dirs map[string]bool
}

func (s *dirSink) Put(p string, b []byte) error {
	if err := site.CheckPath(p); err != nil {
		return err
	}
	full := filepath.Join(s.root, filepath.FromSlash(p))
	if err := s.mkdir(filepath.Dir(full)); err != nil {
		return err
	}
	f, err := os.OpenFile(full, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	if _, err := f.Write(b); err != nil {
		f.Close()
		return fmt.Errorf("publish: %s: %w", p, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("publish: %s: %w", p, err)
	}
	if s.wb != nil {
		s.wb.Wrote(len(b))
	}
	return nil
}

func (s *dirSink) mkdir(dir string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.dirs[dir] {
		return nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	s.dirs[dir] = true
	return nil
}

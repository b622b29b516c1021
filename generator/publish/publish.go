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
	"strconv"
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

// hooks let tests stop a build between its steps.
type hooks struct {
	// step, when set, is called after each step of the swap with its name
	// (see swap).
	step func(name string)
	// noExchange takes the path of systems that cannot exchange two
	// folders: move the old site aside, then the new one in.
	noExchange bool
	// noSync skips syncing to disk, which only a power cut would show:
	// tests that kill processes by the hundred run faster without it.
	noSync bool
}

func (h hooks) at(name string) {
	if h.step != nil {
		h.step(name)
	}
}

func dir(ctx context.Context, outputDir string, render func(site.Sink) error, h hooks) error {
	out, err := filepath.Abs(outputDir)
	if err != nil {
		return err
	}
	parent, base := filepath.Split(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	if err := Recover(out); err != nil {
		return err
	}
	if err := checkReplaceable(out); err != nil {
		return err
	}
	staging, err := os.MkdirTemp(parent, "."+base+".staging-"+strconv.Itoa(os.Getpid())+"-")
	if err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	if err := os.Chmod(staging, 0o755); err != nil {
		os.RemoveAll(staging)
		return fmt.Errorf("publish: %w", err)
	}
	ok := false
	defer func() {
		if !ok {
			discard(staging)
		}
	}()
	sink := &dirSink{root: staging, dirs: map[string]bool{}}
	if err := render(sink); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := seal(staging, h); err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	h.at("staged")
	if err := swap(staging, out, h); err != nil {
		return err
	}
	ok = true
	return nil
}

// seal makes a written staging folder complete: its files are synced to
// disk, then the marker is written and synced with the folder. A staging
// folder holding its marker is whole, and Recover may put it in place.
func seal(staging string, h hooks) error {
	marker := filepath.Join(staging, Marker)
	if h.noSync {
		return os.WriteFile(marker, []byte(markerText), 0o644)
	}
	if err := durable.SyncTree(staging); err != nil {
		return err
	}
	if err := durable.WriteFileSync(marker, []byte(markerText), 0o644); err != nil {
		return err
	}
	return durable.SyncPath(staging)
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

// dirSink writes each file under root in one write. It is safe for
// concurrent use.
type dirSink struct {
	root string
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
	return f.Close()
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

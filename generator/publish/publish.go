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
	"strings"
	"sync"

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
func Dir(ctx context.Context, outputDir string, render func(site.Sink) error) error {
	out, err := filepath.Abs(outputDir)
	if err != nil {
		return err
	}
	if err := checkReplaceable(out); err != nil {
		return err
	}
	parent, base := filepath.Split(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	removeStale(parent, base)
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
			os.RemoveAll(staging)
		}
	}()
	sink := &dirSink{root: staging, dirs: map[string]bool{}}
	if err := render(sink); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(staging, Marker), []byte(markerText), 0o644); err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	if err := swap(staging, out); err != nil {
		return err
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

// swap puts staging in place of out. The old site is moved aside first and
// removed after, so there is no moment without a complete site on disk but
// the instant between two renames.
func swap(staging, out string) error {
	var old string
	if _, err := os.Stat(out); err == nil {
		parent, base := filepath.Split(out)
		tmp, err := os.MkdirTemp(parent, "."+base+".old-"+strconv.Itoa(os.Getpid())+"-")
		if err != nil {
			return fmt.Errorf("publish: %w", err)
		}
		old = filepath.Join(tmp, base)
		if err := os.Rename(out, old); err != nil {
			os.RemoveAll(tmp)
			return fmt.Errorf("publish: moving the previous site aside: %w", err)
		}
		defer os.RemoveAll(tmp)
	}
	if err := os.Rename(staging, out); err != nil {
		if old != "" {
			os.Rename(old, out) // put the previous site back
		}
		return fmt.Errorf("publish: %w", err)
	}
	return nil
}

// removeStale removes staging and old folders that an interrupted build of
// the same output folder left behind: those named for a process that is no
// longer running. A build running beside this one keeps its folders (the
// later of the two to finish then has its site published).
func removeStale(parent, base string) {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	for _, e := range entries {
		n := e.Name()
		for _, kind := range []string{".staging-", ".old-"} {
			rest, ok := strings.CutPrefix(n, "."+base+kind)
			if !ok || !e.IsDir() {
				continue
			}
			if pid, ok := ownerPID(rest); ok && running(pid) {
				continue
			}
			os.RemoveAll(filepath.Join(parent, n))
		}
	}
}

// ownerPID reads the process id a staging or old folder's name starts
// with ("4242-123456"); folders of older versions have none.
func ownerPID(rest string) (int, bool) {
	p, _, ok := strings.Cut(rest, "-")
	if !ok {
		return 0, false
	}
	pid, err := strconv.Atoi(p)
	return pid, err == nil && pid > 0
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

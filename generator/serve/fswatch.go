package serve

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"maps"
	"os"
	"path/filepath"
	"slices"

	"github.com/fsnotify/fsnotify"
)

// watcher sends the absolute path of every relevant change on out until ctx
// is cancelled.
type watcher interface {
	run(ctx context.Context, out chan<- string)
}

// fsWatcher watches folders with fsnotify. It watches folders, never files:
// editors save by writing a temporary file and renaming it over the old one,
// which a watch on the file itself would lose.
type fsWatcher struct {
	f    *filter
	w    *fsnotify.Watcher
	log  *slog.Logger
	dirs map[string]bool // folders watched now; touched only by run after setup
}

func newFSWatcher(f *filter, log *slog.Logger) (*fsWatcher, error) {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, fmt.Errorf("serve: watch: %w", err)
	}
	fw := &fsWatcher{f: f, w: w, log: log, dirs: map[string]bool{}}
	for _, r := range f.roots {
		if err := fw.watchRoot(r, nil); err != nil {
			w.Close()
			return nil, err
		}
	}
	for _, p := range slices.Sorted(maps.Keys(f.files)) {
		if err := fw.addParent(p); err != nil {
			w.Close()
			return nil, err
		}
	}
	return fw, nil
}

// watchRoot watches the folder root recursively if it exists, and always
// the nearest existing folder above it, so that root is seen when it is
// created or re-created.
func (fw *fsWatcher) watchRoot(root string, found func(string)) error {
	for d := filepath.Dir(root); ; d = filepath.Dir(d) {
		if fi, err := os.Stat(d); err == nil && fi.IsDir() {
			if err := fw.addDir(d); err != nil {
				return err
			}
			break
		}
		if filepath.Dir(d) == d {
			break
		}
	}
	if fi, err := os.Stat(root); err == nil && fi.IsDir() {
		return fw.addTree(root, found)
	}
	return nil
}

// addParent watches the folder holding p, if it exists.
func (fw *fsWatcher) addParent(p string) error {
	d := filepath.Dir(p)
	if fi, err := os.Stat(d); err != nil || !fi.IsDir() {
		fw.log.Warn("not watching: folder missing", "path", p)
		return nil
	}
	return fw.addDir(d)
}

func (fw *fsWatcher) addDir(d string) error {
	if fw.dirs[d] {
		return nil
	}
	if err := fw.w.Add(d); err != nil {
		return fmt.Errorf("serve: watch %s: %w", d, err)
	}
	fw.dirs[d] = true
	return nil
}

// addTree watches root and every relevant folder under it. If found is set
// it is called with every relevant file: files created in a new folder before
// its watch was added would otherwise go unseen.
func (fw *fsWatcher) addTree(root string, found func(string)) error {
	return walk(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == root {
				return err
			}
			return nil // vanished while walking
		}
		if p != root && !fw.f.relevant(p) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return fw.addDir(p)
		}
		if found != nil {
			found(p)
		}
		return nil
	})
}

// drop forgets the watches on p and every folder under it.
func (fw *fsWatcher) drop(p string) {
	for d := range fw.dirs {
		if _, ok := under(p, d); ok {
			_ = fw.w.Remove(d) // already gone when the folder was deleted
			delete(fw.dirs, d)
		}
	}
}

func (fw *fsWatcher) run(ctx context.Context, out chan<- string) {
	defer fw.w.Close()
	send := func(p string) {
		select {
		case out <- p:
		case <-ctx.Done():
		}
	}
	for {
		select {
		case ev, ok := <-fw.w.Events:
			if !ok {
				return
			}
			fw.handle(ev, send)
		case err, ok := <-fw.w.Errors:
			if !ok {
				return
			}
			fw.log.Warn("watch", "err", err)
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				// Events were lost: report everything as changed.
				for _, r := range fw.f.roots {
					send(r)
				}
				for _, p := range slices.Sorted(maps.Keys(fw.f.files)) {
					send(p)
				}
			}
		case <-ctx.Done():
			return
		}
	}
}

func (fw *fsWatcher) handle(ev fsnotify.Event, send func(string)) {
	p := filepath.Clean(ev.Name)
	if ev.Op == fsnotify.Chmod || fw.f.ignored(p) {
		return
	}
	created := ev.Has(fsnotify.Create)
	if ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename) {
		fw.drop(p)
	}
	fw.rewatchRoots(p, created, send)
	if !fw.f.relevant(p) {
		return
	}
	if created {
		if fi, err := os.Stat(p); err == nil && fi.IsDir() {
			if err := fw.addTree(p, send); err != nil {
				fw.log.Warn("watch", "err", err)
			}
		}
	}
	send(p)
}

// rewatchRoots sets the watches again for the roots below p, a folder
// above them that was created, removed or renamed, and reports a root that
// now exists.
func (fw *fsWatcher) rewatchRoots(p string, created bool, send func(string)) {
	for _, r := range fw.f.roots {
		if rel, ok := under(p, r); !ok || rel == "" {
			continue
		}
		if err := fw.watchRoot(r, send); err != nil {
			fw.log.Warn("watch", "err", err)
		}
		if _, err := os.Stat(r); created && err == nil {
			send(r)
		}
	}
}

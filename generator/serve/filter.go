package serve

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// filter decides which paths are watched and which changes matter.
type filter struct {
	roots  []string        // folders watched recursively (they may not exist yet)
	files  map[string]bool // single files watched through their folder
	ignore []string        // folders never watched nor reacted to
}

// newFilter sorts the watch list into folders and files. A path that does
// not exist yet is taken for a folder.
func newFilter(watch, ignore []string) (*filter, error) {
	w, err := absAll(watch)
	if err != nil {
		return nil, err
	}
	ig, err := absAll(ignore)
	if err != nil {
		return nil, err
	}
	f := &filter{files: map[string]bool{}, ignore: ig}
	for _, p := range w {
		fi, err := os.Stat(p)
		switch {
		case err == nil && !fi.IsDir():
			f.files[p] = true
		case err == nil || os.IsNotExist(err):
			f.roots = append(f.roots, p)
		default:
			return nil, fmt.Errorf("serve: watch %s: %w", p, err)
		}
	}
	slices.Sort(f.roots)
	f.roots = slices.Compact(f.roots)
	return f, nil
}

// relevant reports whether a change at the absolute, clean path p matters.
func (f *filter) relevant(p string) bool {
	if f.ignored(p) {
		return false
	}
	if f.files[p] {
		return true
	}
	for _, r := range f.roots {
		if rel, ok := under(r, p); ok {
			return rel == "" || !ignoredRel(rel)
		}
	}
	return false
}

// ignored reports whether p is inside an ignored folder.
func (f *filter) ignored(p string) bool {
	for _, ig := range f.ignore {
		if _, ok := under(ig, p); ok {
			return true
		}
	}
	return false
}

// under reports whether p is dir or inside it, and p relative to dir ("" for
// dir itself).
func under(dir, p string) (string, bool) {
	if p == dir {
		return "", true
	}
	prefix := dir
	if !strings.HasSuffix(prefix, string(filepath.Separator)) {
		prefix += string(filepath.Separator)
	}
	if rel, ok := strings.CutPrefix(p, prefix); ok {
		return rel, true
	}
	return "", false
}

// ignoredRel reports whether any element of the relative path rel is a name
// never reacted to.
func ignoredRel(rel string) bool {
	for _, name := range strings.Split(rel, string(filepath.Separator)) {
		if ignoredName(name) {
			return true
		}
	}
	return false
}

// ignoredName reports whether a file or folder name is hidden, an editor's
// temporary or backup file, or an office lock file.
func ignoredName(name string) bool {
	switch {
	case name == "":
		return false
	case strings.HasPrefix(name, "."): // hidden, .#emacs-lock, .~lock.x.xlsx# (LibreOffice)
		return true
	case strings.HasPrefix(name, "~$"): // Excel and Word lock files
		return true
	case name == "4913": // vim's probe file
		return true
	case strings.HasSuffix(name, "~"): // vim, emacs backups
		return true
	case len(name) > 1 && strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#"): // emacs autosave
		return true
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".swp", ".swx", ".swo":
		return true
	}
	return strings.HasSuffix(name, "___jb_tmp___") || strings.HasSuffix(name, "___jb_old___") // JetBrains safe write
}

// walk is filepath.WalkDir, except that a root that is a symbolic link to a
// folder (a data folder on a shared drive) is followed; links below it are
// not. Paths keep the link's name, as fsnotify's events do.
func walk(root string, fn fs.WalkDirFunc) error {
	return filepath.WalkDir(root+string(filepath.Separator), func(p string, d fs.DirEntry, err error) error {
		return fn(filepath.Clean(p), d, err)
	})
}

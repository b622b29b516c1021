// Package sitefs opens the folders a site is built from — content, data,
// history, the theme and layouts — so that nothing outside them can be
// read through them.
//
// Every open goes through an os.Root of the folder: a symbolic link is
// followed only when it is relative and its target lies inside the same
// folder; a link that leads anywhere else (an absolute link included) is
// an error naming the link and where it points. A folder that lies inside
// the site folder must itself stay inside it: `content` may not be a link
// to /etc. A folder configured outside the site folder (content_dir or
// data_dir = "/srv/finance") is opened as given.
//
// A committed or planted link therefore cannot publish a file of the
// machine that builds the site (the builder's password file, keys or
// version-control credentials).
package sitefs

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// Folder is one folder of a site. It implements fs.FS, fs.StatFS,
// fs.ReadDirFS and fs.ReadFileFS over that folder alone. No descriptor is
// held between calls: each call opens the folder afresh (a few system
// calls), so a Folder needs no closing and sees the folder as it is now.
type Folder struct {
	base string // a trusted folder: the site folder, or the folder itself
	rel  string // the folder inside base, slash-separated; "." for base
	name string // how messages name the folder ("content", "sample-data")
}

// Open returns dir as a folder of the site folder siteDir. A dir that lies
// inside siteDir (by its path) is opened from siteDir, so that it may not
// be or lie under a link leading out of the site folder; one outside it
// is opened as given. Messages name the folder by its path relative to
// siteDir, or as given when it lies outside.
func Open(siteDir, dir string) Folder {
	if !filepath.IsAbs(dir) {
		dir = filepath.Join(siteDir, dir)
	}
	if a, err := filepath.Abs(siteDir); err == nil {
		siteDir = a
	}
	if a, err := filepath.Abs(dir); err == nil {
		dir = a
	}
	if rel, err := filepath.Rel(siteDir, dir); err == nil && filepath.IsLocal(rel) {
		rel = filepath.ToSlash(rel)
		return Folder{base: siteDir, rel: rel, name: rel}
	}
	return Folder{base: dir, rel: ".", name: filepath.ToSlash(dir)}
}

// Name is how messages name the folder: its path relative to the site
// folder ("content", "history"), or its path as configured when it lies
// outside the site folder.
func (f Folder) Name() string { return f.name }

// display names a file of the folder as messages show it.
func (f Folder) display(name string) string {
	if f.name == "." {
		return name
	}
	if name == "." {
		return f.name
	}
	return f.name + "/" + name
}

// root opens the folder.
func (f Folder) root() (*os.Root, error) {
	r, err := os.OpenRoot(f.base)
	if err != nil {
		return nil, err
	}
	if f.rel == "." {
		return r, nil
	}
	defer r.Close()
	sub, err := r.OpenRoot(f.rel)
	if err != nil {
		return nil, explain(r, f.rel, ".", f.rel, err)
	}
	return sub, nil
}

// do runs op on the opened folder and explains its error.
func do[T any](f Folder, op, name string, fn func(r *os.Root) (T, error)) (T, error) {
	var zero T
	if !fs.ValidPath(name) {
		return zero, &fs.PathError{Op: op, Path: f.display(name), Err: fs.ErrInvalid}
	}
	r, err := f.root()
	if err != nil {
		return zero, err
	}
	defer r.Close()
	v, err := fn(r)
	if err != nil {
		return zero, explain(r, name, f.name, f.display(name), err)
	}
	return v, nil
}

// Open opens a file or folder of the folder for reading (fs.FS).
func (f Folder) Open(name string) (fs.File, error) {
	return do(f, "open", name, func(r *os.Root) (fs.File, error) { return r.Open(name) })
}

// OpenFile opens a file of the folder for reading, as an *os.File.
func (f Folder) OpenFile(name string) (*os.File, error) {
	return do(f, "open", name, func(r *os.Root) (*os.File, error) { return r.Open(name) })
}

// Stat describes a file of the folder, following links that stay inside
// it (fs.StatFS).
func (f Folder) Stat(name string) (fs.FileInfo, error) {
	return do(f, "stat", name, func(r *os.Root) (fs.FileInfo, error) { return r.Stat(name) })
}

// ReadDir lists a folder of the folder in name order (fs.ReadDirFS). A
// link is listed as a link; it is not followed.
func (f Folder) ReadDir(name string) ([]fs.DirEntry, error) {
	return do(f, "readdir", name, func(r *os.Root) ([]fs.DirEntry, error) { return fs.ReadDir(r.FS(), name) })
}

// ReadFile reads a file of the folder (fs.ReadFileFS).
func (f Folder) ReadFile(name string) ([]byte, error) {
	return do(f, "read", name, func(r *os.Root) ([]byte, error) { return r.ReadFile(name) })
}

// ReadFileMax reads a file of the folder that must not be larger than
// limit bytes; a larger one is a *SizeError.
func (f Folder) ReadFileMax(name string, limit int64) ([]byte, error) {
	return do(f, "read", name, func(r *os.Root) ([]byte, error) {
		fl, err := r.Open(name)
		if err != nil {
			return nil, err
		}
		defer fl.Close()
		if st, err := fl.Stat(); err != nil {
			return nil, err
		} else if st.Size() > limit {
			return nil, &SizeError{File: f.display(name), Size: st.Size(), Limit: limit}
		}
		b, err := io.ReadAll(io.LimitReader(fl, limit+1))
		if err == nil && int64(len(b)) > limit { // grew while read
			return nil, &SizeError{File: f.display(name), Size: int64(len(b)), Limit: limit}
		}
		return b, err
	})
}

// SizeError is a file larger than a reader accepts.
type SizeError struct {
	File        string
	Size, Limit int64
}

func (e *SizeError) Error() string {
	return fmt.Sprintf("%s is %d KB; keep it under %d KB", e.File, e.Size>>10, e.Limit>>10)
}

// LinkError is a symbolic link that leads out of its folder, or an
// absolute one (which a folder never follows, wherever it points).
type LinkError struct {
	Link   string // the link, as messages name files ("content/notes.md")
	Target string // what the link holds ("../../etc/passwd")
	Folder string // the folder it must stay inside ("content"); "." for the site folder
}

func (e *LinkError) Error() string { return e.Link + " is " + e.Reason() }

// Reason says what is wrong with the link without naming it, for a
// message that names the file already.
func (e *LinkError) Reason() string {
	where := e.Folder + "/"
	if e.Folder == "." {
		where = "the site folder"
	}
	if filepath.IsAbs(e.Target) || path.IsAbs(e.Target) {
		return fmt.Sprintf("a symbolic link to %s: refused, a link must be relative and stay inside %s (copy the file in, or point the config at its folder)", e.Target, where)
	}
	return fmt.Sprintf("a symbolic link to %s, which leads outside %s: refused (copy the file in, or point the config at its folder)", e.Target, where)
}

// explain turns the error of an operation on name in r into a LinkError
// when a link on the way to name leads out of r; other errors are
// returned with the file named as messages name it (shown).
func explain(r *os.Root, name, folder, shown string, err error) error {
	var le *LinkError
	if errors.As(err, &le) {
		return err
	}
	if !errors.Is(err, fs.ErrNotExist) {
		prefix := ""
		for part := range strings.SplitSeq(name, "/") {
			if prefix == "" {
				prefix = part
			} else {
				prefix += "/" + part
			}
			fi, lerr := r.Lstat(prefix)
			if lerr != nil {
				break
			}
			if fi.Mode()&fs.ModeSymlink == 0 {
				continue
			}
			if _, serr := r.Stat(prefix); serr != nil && !errors.Is(serr, fs.ErrNotExist) {
				target, _ := r.Readlink(prefix)
				link := shown
				if prefix != name {
					link = strings.TrimSuffix(shown, strings.TrimPrefix(name, prefix))
				}
				return &LinkError{Link: link, Target: target, Folder: folder}
			}
		}
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		op := strings.TrimSuffix(pe.Op, "at")
		return &fs.PathError{Op: op, Path: shown, Err: pe.Err}
	}
	return err
}

package sitefs

import (
	"io/fs"
	"strings"
)

// Mount returns a file system in which fsys appears as the folder at (a
// slash path such as "content"): "content/notes.md" is "notes.md" of fsys,
// and no name outside at exists. It lets a folder opened on its own be
// walked under the name it has in the site folder, so that messages name
// files as the person editing them sees them.
func Mount(at string, fsys fs.FS) fs.FS {
	if at == "." {
		return fsys
	}
	return mounted{at: at, fsys: fsys}
}

type mounted struct {
	at   string
	fsys fs.FS
}

// inner maps a name of the mount to a name of fsys.
func (m mounted) inner(op, name string) (string, error) {
	if name == m.at {
		return ".", nil
	}
	if rest, ok := strings.CutPrefix(name, m.at+"/"); ok && fs.ValidPath(rest) {
		return rest, nil
	}
	return "", &fs.PathError{Op: op, Path: name, Err: fs.ErrNotExist}
}

func (m mounted) Open(name string) (fs.File, error) {
	n, err := m.inner("open", name)
	if err != nil {
		return nil, err
	}
	return m.fsys.Open(n)
}

func (m mounted) Stat(name string) (fs.FileInfo, error) {
	n, err := m.inner("stat", name)
	if err != nil {
		return nil, err
	}
	return fs.Stat(m.fsys, n)
}

func (m mounted) ReadDir(name string) ([]fs.DirEntry, error) {
	n, err := m.inner("readdir", name)
	if err != nil {
		return nil, err
	}
	return fs.ReadDir(m.fsys, n)
}

func (m mounted) ReadFile(name string) ([]byte, error) {
	n, err := m.inner("read", name)
	if err != nil {
		return nil, err
	}
	return fs.ReadFile(m.fsys, n)
}

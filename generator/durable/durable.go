// Package durable moves folders into place so that a reader, a killed
// process or a power cut never finds a half-made one: a folder is synced
// to disk before it is moved, and an existing folder is replaced by
// exchanging the two in one step (renameat2 RENAME_EXCHANGE on Linux).
// Where the system cannot exchange, callers move the old folder aside and
// the new one in, and must recover from the moment between the two.
package durable

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// ErrUnsupported is returned by Exchange where the system or the file
// system cannot exchange two folders in one step.
var ErrUnsupported = errors.New("exchanging two folders in one step is not supported here")

// Exchange swaps the folders (or files) at a and b in one step: each
// name then holds what the other held, and there is no moment at which
// either is missing. It returns an error wrapping ErrUnsupported where the
// system cannot do that; then nothing was changed.
func Exchange(a, b string) error {
	if err := exchange(a, b); err != nil {
		return &os.LinkError{Op: "exchange", Old: a, New: b, Err: err}
	}
	return nil
}

// RenameNoReplace moves from to to, failing with an error wrapping
// fs.ErrExist when to exists. On Linux that is one step
// (RENAME_NOREPLACE); elsewhere it is checked just before the rename.
func RenameNoReplace(from, to string) error {
	if err := renameNoReplace(from, to); err != nil {
		return &os.LinkError{Op: "rename", Old: from, New: to, Err: err}
	}
	return nil
}

// SyncTree makes every file and folder under dir durable. On Linux this
// is one syncfs(2) of the file system holding dir (which also flushes
// whatever else was written to it); elsewhere, or when syncfs fails, each
// file and folder is synced in turn.
func SyncTree(dir string) error {
	if err := syncFS(dir); err == nil {
		return nil
	}
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type()&fs.ModeSymlink != 0 {
			return nil
		}
		return SyncPath(p)
	})
}

// SyncPath syncs one file or folder (a folder: its entries, so that a
// rename or a new file in it lasts). Systems that cannot sync a folder
// (Windows) are not an error.
func SyncPath(p string) error {
	f, err := os.Open(p)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := f.Sync(); err != nil {
		if fi, serr := f.Stat(); serr == nil && fi.IsDir() && !syncDirs {
			return nil
		}
		return fmt.Errorf("syncing %s: %w", p, err)
	}
	return nil
}

// WriteFileSync writes a file and syncs it before it returns.
func WriteFileSync(name string, data []byte, perm os.FileMode) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, perm)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

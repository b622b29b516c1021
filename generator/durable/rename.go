package durable

import (
	"errors"
	"io/fs"
	"os"
)

// renameChecked renames from to to unless to exists (checked just before:
// another process could still create it in between).
func renameChecked(from, to string) error {
	if _, err := os.Lstat(to); err == nil {
		return fs.ErrExist
	} else if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return os.Rename(from, to)
}

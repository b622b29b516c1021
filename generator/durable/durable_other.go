//go:build !linux

package durable

import (
	"os"
	"runtime"
)

// syncDirs: whether a folder can be synced here (not on Windows).
const syncDirs = runtime.GOOS != "windows"

func exchange(a, b string) error { return ErrUnsupported }

func renameNoReplace(from, to string) error { return renameChecked(from, to) }

func syncFS(dir string) error { return ErrUnsupported }

// StartWriteback does nothing here: SyncTree syncs each file.
func StartWriteback(*os.File) {}

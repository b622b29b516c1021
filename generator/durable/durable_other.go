//go:build !linux

package durable

import "runtime"

// syncDirs: whether a folder can be synced here (not on Windows).
const syncDirs = runtime.GOOS != "windows"

// bulkSync: SyncTree is one syncfs(2), not a sync of each file (Linux).
const bulkSync = false

func exchange(a, b string) error { return ErrUnsupported }

func renameNoReplace(from, to string) error { return renameChecked(from, to) }

func syncFS(dir string) error { return ErrUnsupported }

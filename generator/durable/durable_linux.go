package durable

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// syncDirs: a folder can be synced here.
const syncDirs = true

func exchange(a, b string) error {
	err := unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE)
	if errors.Is(err, unix.ENOSYS) || errors.Is(err, unix.EINVAL) { // an old kernel; a file system without it
		return ErrUnsupported
	}
	return err
}

func renameNoReplace(from, to string) error {
	err := unix.Renameat2(unix.AT_FDCWD, from, unix.AT_FDCWD, to, unix.RENAME_NOREPLACE)
	if errors.Is(err, unix.ENOSYS) || errors.Is(err, unix.EINVAL) {
		return renameChecked(from, to)
	}
	return err
}

func syncFS(dir string) error {
	f, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer f.Close()
	return unix.Syncfs(int(f.Fd()))
}

// StartWriteback asks the system to start writing f's data to disk now,
// without waiting (sync_file_range SYNC_FILE_RANGE_WRITE), so that a
// later SyncTree has less left to wait for. Errors are ignored: SyncTree
// reports what matters.
func StartWriteback(f *os.File) {
	unix.SyncFileRange(int(f.Fd()), 0, 0, unix.SYNC_FILE_RANGE_WRITE)
}

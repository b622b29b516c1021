//go:build !unix

package durable

import "os"

// running reports whether process pid is alive (this one included); where
// that cannot be asked cheaply, only this process counts as running.
func running(pid int) bool { return pid == os.Getpid() }

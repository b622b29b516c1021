//go:build unix

package durable

import (
	"errors"
	"os"
	"syscall"
)

// running reports whether process pid is alive (this one included).
func running(pid int) bool {
	if pid == os.Getpid() {
		return true
	}
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}

//go:build unix

package servetest

import (
	"syscall"
	"time"
)

// CPUTime returns the CPU time (user and system) this process has used so
// far, or 0 where it cannot be read. On a machine shared with other work
// it varies far less than wall-clock time.
func CPUTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

//go:build unix

package supervise

import (
	"os"
	"os/exec"
	"runtime"
	"syscall"
)

// stopSignals are passed on to the child.
var stopSignals = []os.Signal{os.Interrupt, syscall.SIGTERM, syscall.SIGHUP}

// self is this program: on Linux the running binary itself, even if the
// file was replaced since it started.
func self() string {
	if runtime.GOOS == "linux" {
		return "/proc/self/exe"
	}
	if p, err := os.Executable(); err == nil {
		return p
	}
	return os.Args[0]
}

// signaled reports the signal that ended the child, if one did.
func signaled(ee *exec.ExitError) (syscall.Signal, bool) {
	ws, ok := ee.Sys().(syscall.WaitStatus)
	if !ok || !ws.Signaled() {
		return 0, false
	}
	return ws.Signal(), true
}

//go:build !unix

package supervise

import (
	"os"
	"os/exec"
	"syscall"
)

// stopSignals are passed on to the child.
var stopSignals = []os.Signal{os.Interrupt}

func self() string {
	if p, err := os.Executable(); err == nil {
		return p
	}
	return os.Args[0]
}

func signaled(*exec.ExitError) (syscall.Signal, bool) { return 0, false }

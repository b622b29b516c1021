// Package killtest runs a test binary again as a child process that a
// test kills, for tests of what a killed process leaves behind.
package killtest

import (
	"bufio"
	"errors"
	"math/rand/v2"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Main is a TestMain: when the environment variable env is set, this
// process is a child and exits with what child returns for the value
// split at ":"; otherwise it runs the tests.
func Main(m *testing.M, env string, child func(spec []string) int) {
	if spec := os.Getenv(env); spec != "" {
		os.Exit(child(strings.Split(spec, ":")))
	}
	os.Exit(m.Run())
}

// Command returns the test binary run as a child for spec (its parts
// joined with ":"), running no test of its own.
func Command(env string, spec ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), env+"="+strings.Join(spec, ":"))
	return cmd
}

// KillSelf ends this process at once (SIGKILL): no deferred function
// runs, as when the system or a power cut stops it.
func KillSelf() {
	syscall.Kill(os.Getpid(), syscall.SIGKILL)
	select {}
}

// AtStep returns a step hook that kills this process after the step
// named stop.
func AtStep(stop string) func(name string) {
	return func(name string) {
		if name == stop {
			KillSelf()
		}
	}
}

// Killed reports whether the error of a child's Run or Wait says that
// SIGKILL ended it.
func Killed(err error) bool {
	var ee *exec.ExitError
	if !errors.As(err, &ee) {
		return false
	}
	ws, ok := ee.Sys().(syscall.WaitStatus)
	return ok && ws.Signaled() && ws.Signal() == syscall.SIGKILL
}

// KillRandomly starts cmd, waits for the first line it writes on its
// standard output to be ready, then kills it after a random time below
// within.
func KillRandomly(t *testing.T, cmd *exec.Cmd, ready string, within time.Duration) {
	t.Helper()
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	if line, _ := bufio.NewReader(stdout).ReadString('\n'); line != ready+"\n" {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("the child said %q, want %q", line, ready)
	}
	time.Sleep(time.Duration(rand.Int64N(int64(within))))
	cmd.Process.Kill()
	cmd.Wait()
}

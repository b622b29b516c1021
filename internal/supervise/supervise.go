// Package supervise runs a command's work in a child process so that
// running out of memory ends it with one line and exit status 1.
//
// The Go runtime cannot recover from running out of memory: it prints
// "fatal error: out of memory" and a dump of every goroutine (hundreds of
// lines) and exits with status 2, which opsalign reserves for usage
// errors; a container's memory limit kills the process outright. So the
// command runs itself again as a child with the same arguments,
// environment, standard input and output, and waits: the child's standard
// error passes through as it comes, except a crash report, which the
// parent reads. If the child ran out of memory, or was killed (as the
// kernel kills a process over a container's memory limit), the parent
// prints one line and exits 1; any other crash keeps its report (a bug to
// report) and exits 1. Otherwise the parent exits as the child did.
//
// Signals that stop the command (interrupt, terminate, hang-up) are passed
// on to the child, which stops as it would on its own.
package supervise

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"syscall"
	"time"
)

// Environment variables the parent sets for the child.
const (
	childEnv = "OPSALIGN_SUPERVISED"      // "1": this process is the child
	ttyEnv   = "OPSALIGN_STDERR_TERMINAL" // "1": the parent's standard error is a terminal
)

// Child reports whether this process is the child of a supervising
// parent, and whether the parent's standard error is a terminal (the
// child's is a pipe to the parent).
func Child() (child, stderrTerminal bool) {
	return os.Getenv(childEnv) == "1", os.Getenv(ttyEnv) == "1"
}

// Options say what to run and where its output goes.
type Options struct {
	// Exe is the program to run; empty means this one.
	Exe string
	// Args are the arguments after the program name.
	Args []string
	// Name is the command as messages name it ("opsalign build").
	Name string
	// Stdin, Stdout and Stderr are the parent's.
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	// StderrTerminal tells the child that Stderr is a terminal.
	StderrTerminal bool
}

// Run runs the work in a child process and returns the status to exit
// with. ran is false when no child could be started (the work should then
// run in this process).
func Run(o Options) (code int, ran bool) {
	exe := o.Exe
	if exe == "" {
		exe = self()
	}
	cmd := exec.Command(exe, o.Args...)
	cmd.Env = append(os.Environ(), childEnv+"=1")
	if o.StderrTerminal {
		cmd.Env = append(cmd.Env, ttyEnv+"=1")
	}
	cmd.Stdin, cmd.Stdout = o.Stdin, o.Stdout
	f := newFilter(o.Stderr)
	cmd.Stderr = f // copied by exec's goroutine; Wait returns after it ends
	// A browser the child started (--pdf) may hold the pipe after the
	// child has gone: Wait stops copying soon after.
	cmd.WaitDelay = 2 * time.Second
	sigs := make(chan os.Signal, 4)
	signal.Notify(sigs, stopSignals...)
	defer signal.Stop(sigs)
	if err := cmd.Start(); err != nil {
		return 0, false
	}
	done := make(chan struct{})
	go func() {
		for {
			select {
			case s := <-sigs:
				cmd.Process.Signal(s)
			case <-done:
				return
			}
		}
	}()
	err := cmd.Wait()
	close(done)
	f.Close()
	return verdict(o, f, err), true
}

// verdict turns how the child ended into the parent's exit status,
// printing the one line that an out-of-memory end or a kill gets.
func verdict(o Options, f *filter, err error) int {
	var ee *exec.ExitError
	if err != nil && !errors.As(err, &ee) {
		fmt.Fprintf(o.Stderr, "%s: %v\n", o.Name, err)
		return 1
	}
	switch {
	case f.oom:
		fmt.Fprintf(o.Stderr, "%s: out of memory: the work needed more memory than this machine or its limits (ulimit -v, a container's memory) allow; nothing was published or closed\n", o.Name)
		return 1
	case f.threads:
		fmt.Fprintf(o.Stderr, "%s: out of memory or processes: the system refused a new thread (ulimit -v, ulimit -u, a container's limits); nothing was published or closed\n", o.Name)
		return 1
	case err == nil:
		return 0
	}
	if sig, ok := signaled(ee); ok {
		if sig == syscall.SIGKILL {
			fmt.Fprintf(o.Stderr, "%s: killed (SIGKILL), most likely by the system for using more memory than it may; nothing was published or closed\n", o.Name)
		} else {
			fmt.Fprintf(o.Stderr, "%s: stopped by signal %v\n", o.Name, sig)
		}
		return 1
	}
	if f.crashed && ee.ExitCode() == 2 { // a crash, not a usage error
		return 1
	}
	return ee.ExitCode()
}

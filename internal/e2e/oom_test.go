package e2e

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// childOf returns the process the opsalign process pid runs its work in.
func childOf(t *testing.T, pid int) int {
	t.Helper()
	tasks, _ := filepath.Glob(fmt.Sprintf("/proc/%d/task/*/children", pid))
	for _, f := range tasks {
		b, _ := os.ReadFile(f)
		if c, err := strconv.Atoi(strings.TrimSpace(string(b))); err == nil {
			return c
		}
	}
	t.Fatalf("opsalign (pid %d) runs no child", pid)
	return 0
}

// startServe runs `opsalign serve` on a copy of the sample site and
// returns it once it serves.
func startServe(t *testing.T, bin string) (cmd *exec.Cmd, dir string, stderr *bytes.Buffer) {
	t.Helper()
	dir = t.TempDir()
	root := repoRoot(t)
	for _, p := range []string{"opsalign.toml", "content", "sample-data"} {
		if out, err := exec.Command("cp", "-r", filepath.Join(root, p), dir).CombinedOutput(); err != nil {
			t.Fatalf("cp: %v %s", err, out)
		}
	}
	cmd = exec.Command(bin, "serve", "--port", "0")
	cmd.Dir = dir
	stderr = &bytes.Buffer{}
	cmd.Stderr = stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if !strings.HasPrefix(line, "Serving ") {
		t.Fatalf("serve said %q, %v", line, err)
	}
	return cmd, dir, stderr
}

// exitOf waits for cmd, editing the narrative every 200 ms (each save a
// rebuild) until it ends, and returns its exit status.
func exitOf(t *testing.T, cmd *exec.Cmd, dir string) int {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	for i := 0; ; i++ {
		select {
		case err := <-done:
			var ee *exec.ExitError
			if err != nil && !errors.As(err, &ee) {
				t.Fatal(err)
			}
			return cmd.ProcessState.ExitCode()
		case <-time.After(200 * time.Millisecond):
			if i > 300 {
				t.Fatal("opsalign serve did not end")
			}
			f, err := os.OpenFile(filepath.Join(dir, "content", "_index.md"), os.O_APPEND|os.O_WRONLY, 0)
			if err == nil {
				fmt.Fprintf(f, "\nEdit %d.\n", i)
				f.Close()
			}
		}
	}
}

// TestEndsInOneLine: when the work of a command runs out of memory or is
// killed, the command says so in one line and exits 1.
func TestEndsInOneLine(t *testing.T) {
	if testing.Short() || runtime.GOOS != "linux" {
		t.Skip("builds and runs the opsalign binary; caps and kills its child through Linux's prlimit and /proc")
	}
	bin := buildBinary(t)
	t.Run("out of memory", func(t *testing.T) { outOfMemory(t, bin) })
	t.Run("killed", func(t *testing.T) { killed(t, bin) })
}

// outOfMemory: the work of `opsalign serve` runs out of memory (its
// address space is capped below what it uses, as `ulimit -v` would, and
// the next rebuilds need more): one line and exit status 1, no runtime
// dump, not the usage status 2. (Before: "fatal error: out of memory", a
// 198-line goroutine dump, exit 2.)
func outOfMemory(t *testing.T, bin string) {
	cmd, dir, stderr := startServe(t, bin)
	child := childOf(t, cmd.Process.Pid)
	if err := unix.Prlimit(child, unix.RLIMIT_AS, &unix.Rlimit{Cur: 1 << 20, Max: 1 << 20}, nil); err != nil {
		t.Fatal(err)
	}
	code := exitOf(t, cmd, dir)
	got := stderr.String()
	lines := strings.Split(strings.TrimSuffix(got, "\n"), "\n")
	// Where the runtime was when memory ran out decides which: a heap
	// allocation, or the stack of a new thread.
	want := "opsalign serve: out of memory: the work needed more memory than this machine or its limits (ulimit -v, a container's memory) allow; nothing was published or closed"
	threads := "opsalign serve: out of memory or processes: the system refused a new thread (ulimit -v, ulimit -u, a container's limits); nothing was published or closed"
	if last := lines[len(lines)-1]; code != 1 || last != want && last != threads {
		t.Fatalf("exit %d; stderr ends %q, want exit 1 and %q\n%s", code, lines[len(lines)-1], want, got)
	}
	for _, l := range lines[:len(lines)-1] {
		if !strings.HasPrefix(l, "time=") { // the log lines before
			t.Errorf("stderr has more than one line of its end: %q", l)
		}
	}
	if strings.Contains(got, "goroutine") || strings.Contains(got, "fatal error") || strings.Contains(got, "SIGABRT") {
		t.Errorf("the runtime's report got through:\n%s", got)
	}
}

// killed: the system kills the work outright, as the kernel does over a
// container's memory limit.
func killed(t *testing.T, bin string) {
	cmd, dir, stderr := startServe(t, bin)
	if err := syscall.Kill(childOf(t, cmd.Process.Pid), syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	code := exitOf(t, cmd, dir)
	lines := strings.Split(strings.TrimSuffix(stderr.String(), "\n"), "\n")
	if last := lines[len(lines)-1]; code != 1 || !strings.HasPrefix(last, "opsalign serve: killed (SIGKILL), most likely by the system for using more memory than it may") {
		t.Errorf("exit %d, stderr ends %q", code, last)
	}
}

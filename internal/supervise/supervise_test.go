package supervise

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"runtime/debug"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/opsalign/opsalign/internal/killtest"
)

// The child processes of these tests are this test binary, run with
// SUPERVISE_TEST_CHILD set to what it should do.
func TestMain(m *testing.M) {
	killtest.Main(m, "SUPERVISE_TEST_CHILD", func(spec []string) int { return child(spec[0]) })
}

var sink [][]byte

func child(mode string) int {
	switch mode {
	case "oom":
		// Like `ulimit -v`: the address space is capped, and the work
		// keeps allocating until the runtime fails.
		debug.SetGCPercent(-1)
		lim := &syscall.Rlimit{Cur: 1 << 30, Max: 1 << 30}
		if err := syscall.Setrlimit(syscall.RLIMIT_AS, lim); err != nil {
			fmt.Fprintln(os.Stderr, "setrlimit:", err)
			return 3
		}
		fmt.Fprintln(os.Stderr, "Reading spreadsheets…")
		for {
			b := make([]byte, 16<<20)
			for i := 0; i < len(b); i += 4096 {
				b[i] = 1
			}
			sink = append(sink, b)
		}
	case "panic":
		fmt.Fprintln(os.Stderr, "before")
		var m map[string]int
		m["x"] = 1 // a bug
	case "usage":
		fmt.Fprintln(os.Stdout, "out")
		fmt.Fprintln(os.Stderr, "opsalign: unknown command \"frob\"")
		return 2
	case "fail":
		fmt.Fprintln(os.Stderr, "opsalign build: data/x.xlsx: not a spreadsheet")
		return 1
	case "progress":
		os.Stderr.WriteString("\r\x1b[KReading spreadsheets…")
		os.Stderr.WriteString("\r\x1b[KRendering pages…\r\x1b[K")
		os.Stderr.WriteString("runtime.go:1: error: a file named like the runtime\n")
		os.Stdout.WriteString("Built public/\n")
		return 0
	case "kill":
		killtest.KillSelf()
	case "term":
		got := make(chan os.Signal, 1)
		signalNotify(got)
		fmt.Fprintln(os.Stdout, "ready")
		<-got
		fmt.Fprintln(os.Stderr, "opsalign serve: stopped")
		return 1
	case "env":
		c, tty := Child()
		fmt.Fprintf(os.Stdout, "%v %v %s", c, tty, strings.Join(os.Args[1:], " "))
		return 0
	}
	return 4
}

// supervised runs the test binary as a child doing mode.
func supervised(t *testing.T, mode string, tty bool) (code int, stdout, stderr string) {
	t.Helper()
	t.Setenv("SUPERVISE_TEST_CHILD", mode)
	var out, errb bytes.Buffer
	code, ran := Run(Options{Exe: os.Args[0], Args: []string{"-test.run=^$", "build"}, Name: "opsalign build",
		Stdout: &out, Stderr: &errb, StderrTerminal: tty})
	if !ran {
		t.Fatal("no child ran")
	}
	return code, out.String(), errb.String()
}

// TestOutOfMemory: a child that runs out of memory under an address-space
// limit (as with `ulimit -v`) ends the command with one line and exit
// status 1 — not the runtime's goroutine dump and status 2.
func TestOutOfMemory(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("RLIMIT_AS is Linux's")
	}
	code, _, stderr := supervised(t, "oom", false)
	want := "Reading spreadsheets…\nopsalign build: out of memory: the work needed more memory than this machine or its limits (ulimit -v, a container's memory) allow; nothing was published or closed\n"
	if code != 1 || stderr != want {
		t.Errorf("exit %d, stderr:\n%s\nwant exit 1 and\n%s", code, stderr, want)
	}
}

func TestExitStatuses(t *testing.T) {
	tests := []struct {
		mode           string
		code           int
		stdout, stderr string // stderr: the start of it
	}{
		{"usage", 2, "out\n", "opsalign: unknown command \"frob\"\n"},
		{"fail", 1, "", "opsalign build: data/x.xlsx: not a spreadsheet\n"},
		{"progress", 0, "Built public/\n", "\r\x1b[KReading spreadsheets…\r\x1b[KRendering pages…\r\x1b[Kruntime.go:1: error: a file named like the runtime\n"},
		{"kill", 1, "", "opsalign build: killed (SIGKILL), most likely by the system for using more memory than it may"},
		{"panic", 1, "", "before\npanic: assignment to entry in nil map\n\ngoroutine 1"}, // a bug keeps its report
		{"env", 0, "true false -test.run=^$ build", ""},
	}
	for _, tt := range tests {
		code, stdout, stderr := supervised(t, tt.mode, false)
		if code != tt.code || stdout != tt.stdout || !strings.HasPrefix(stderr, tt.stderr) || (tt.mode != "panic" && tt.mode != "kill" && stderr != tt.stderr) {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want %d, %q, %q", tt.mode, code, stdout, stderr, tt.code, tt.stdout, tt.stderr)
		}
	}
	if _, stdout, _ := supervised(t, "env", true); stdout != "true true -test.run=^$ build" {
		t.Errorf("a terminal is not passed on: %q", stdout)
	}
}

// TestSignalPassedOn: a terminate signal to the parent (a service manager
// stopping serve) reaches the child, which stops as it would alone.
func TestSignalPassedOn(t *testing.T) {
	t.Setenv("SUPERVISE_TEST_CHILD", "term")
	pr, pw := io.Pipe()
	var errb bytes.Buffer
	res := make(chan int, 1)
	go func() {
		code, _ := Run(Options{Exe: os.Args[0], Args: []string{"-test.run=^$"}, Name: "opsalign serve", Stdout: pw, Stderr: &errb})
		pw.Close()
		res <- code
	}()
	if line, _ := bufio.NewReader(pr).ReadString('\n'); line != "ready\n" {
		t.Fatalf("child said %q", line)
	}
	go io.Copy(io.Discard, pr)
	syscall.Kill(os.Getpid(), syscall.SIGTERM) // caught by Run while the child runs
	select {
	case code := <-res:
		if code != 1 || errb.String() != "opsalign serve: stopped\n" {
			t.Errorf("exit %d, stderr %q", code, errb.String())
		}
	case <-time.After(30 * time.Second):
		t.Fatal("the child did not stop")
	}
}

// TestFilter feeds the filter every split of crash and plain output into
// two writes: what passes is the same, and the verdict too.
func TestFilter(t *testing.T) {
	dump := "\n\ngoroutine 1 gp=0x1 m=0 [running]:\nruntime.throw({0x4c5c20?, 0x80?})\n" + strings.Repeat("\t/usr/local/go/src/runtime/x.go:1 +0x1\n", 200)
	tests := []struct {
		name, in, out string
		crashed, oom  bool
	}{
		{"plain", "a\nb\r\x1b[Kc…", "a\nb\r\x1b[Kc…", false, false},
		{"held start never a marker", "fatal", "fatal", false, false},
		{"oom", "Reading…\nfatal error: out of memory" + dump, "Reading…\n", true, true},
		{"oom with its block line", "x\nruntime: out of memory: cannot allocate 4194304-byte block (335216640 in use)\nfatal error: out of memory" + dump, "x\n", true, true},
		{"page allocator", "fatal error: pageAlloc: out of memory" + dump, "", true, true},
		{"reserve", "fatal error: failed to reserve page summary memory" + dump, "", true, true},
		{"panic", "ok\npanic: boom" + dump, "ok\npanic: boom" + dump, true, false},
		{"no thread", "x\nruntime/cgo: pthread_create failed: Resource temporarily unavailable\nSIGABRT: abort\nPC=0x7f m=7" + dump, "x\n", true, false},
		{"segfault", "SIGSEGV: segmentation violation\nPC=0x1" + dump, "SIGSEGV: segmentation violation\nPC=0x1" + dump, true, false},
		{"mid-line is no marker", "x fatal error: out of memory\n", "x fatal error: out of memory\n", false, false},
	}
	for _, tt := range tests {
		for cut := 0; cut <= len(tt.in); cut += max(1, len(tt.in)/300) {
			var out bytes.Buffer
			f := newFilter(&out)
			f.Write([]byte(tt.in[:cut]))
			f.Write([]byte(tt.in[cut:]))
			f.Close()
			if out.String() != tt.out || f.crashed != tt.crashed || f.oom != tt.oom || f.threads != (tt.name == "no thread") {
				t.Errorf("%s, cut at %d: out %.80q crashed %v oom %v; want %.80q %v %v", tt.name, cut, out.String(), f.crashed, f.oom, tt.out, tt.crashed, tt.oom)
				break
			}
		}
	}
}

func signalNotify(c chan os.Signal) { signal.Notify(c, syscall.SIGTERM) }

package supervise

import (
	"bytes"
	"io"
)

// markers start the lines with which the Go runtime reports a crash: a
// fatal error, a panic, a runtime or cgo complaint before one, a signal.
var markers = [][]byte{[]byte("fatal error: "), []byte("panic: "), []byte("runtime: "), []byte("runtime/cgo: "),
	[]byte("SIGABRT: "), []byte("SIGSEGV: "), []byte("SIGBUS: "), []byte("SIGILL: "), []byte("SIGFPE: "), []byte("SIGTRAP: "),
	[]byte("unexpected fault address "), []byte("fatal: ")}

// oomSigns are what the crash text of running out of memory holds (the
// runtime's wording varies with where the allocation failed:
// "fatal error: out of memory", "runtime: out of memory: cannot allocate
// …", "pageAlloc: out of memory", "failed to reserve page summary
// memory", mmap's errno=12).
var oomSigns = [][]byte{[]byte("out of memory"), []byte("cannot allocate memory"), []byte("failed to reserve"), []byte("errno=12")}

// threadSigns are what the crash text holds when the system refused a new
// thread: its stack is memory too, but a limit on processes (ulimit -u)
// gives the same answer.
var threadSigns = [][]byte{[]byte("pthread_create failed"), []byte("failed to create new OS thread")}

// classifyAt is how much crash text is gathered before deciding whether
// it is running out of memory (the sign is in its first lines).
const classifyAt = 4096

// filter passes the child's standard error through to out as it comes
// (partial lines too: a progress line is rewritten in place) until a line
// starts like a crash report. It then gathers the first classifyAt bytes
// of the report: a report of running out of memory is dropped whole (the
// parent says so in one line), any other crash is passed through.
type filter struct {
	out     io.Writer
	start   bool   // at the start of a line
	partial []byte // the start of a line that may yet become a marker, held back
	state   int
	report  []byte // the crash report gathered so far (gathering)
	crashed bool   // a crash report began
	oom     bool   // it was running out of memory
	threads bool   // the system refused a new thread
}

const (
	passing = iota
	gathering
	dropping
	passingAll
)

func newFilter(out io.Writer) *filter { return &filter{out: out, start: true} }

// Write takes what the child wrote; it never fails (a failing terminal
// must not stop the child).
func (f *filter) Write(p []byte) (int, error) {
	n := len(p)
	for len(p) > 0 {
		switch f.state {
		case gathering:
			f.report = append(f.report, p...)
			p = nil
			if len(f.report) >= classifyAt {
				f.classify()
			}
		case dropping:
			p = nil
		case passingAll:
			f.out.Write(p)
			p = nil
		default:
			p = f.pass(p)
		}
	}
	return n, nil
}

// pass forwards p up to the first crash report and returns what follows
// the point where it stopped.
func (f *filter) pass(p []byte) []byte {
	if !f.start {
		i := bytes.IndexByte(p, '\n')
		if i < 0 {
			f.out.Write(p)
			return nil
		}
		f.out.Write(p[:i+1])
		f.start = true
		return p[i+1:]
	}
	line := append(f.partial, p...)
	for _, m := range markers {
		if bytes.HasPrefix(line, m) {
			f.partial, f.state, f.crashed = nil, gathering, true
			f.report = append(f.report[:0], line...)
			if len(f.report) >= classifyAt {
				f.classify()
			}
			return nil
		}
	}
	nl := bytes.IndexByte(line, '\n')
	for _, m := range markers {
		if len(line) < len(m) && bytes.HasPrefix(m, line) && nl < 0 {
			f.partial = line // could still become a marker
			return nil
		}
	}
	f.partial = nil
	f.start = false
	// line holds the held-back start and p; forward the held part now.
	held := len(line) - len(p)
	if held > 0 {
		f.out.Write(line[:held])
	}
	return p
}

// classify decides what the gathered report is and acts on it.
func (f *filter) classify() {
	for _, s := range oomSigns {
		if bytes.Contains(f.report, s) {
			f.oom, f.state, f.report = true, dropping, nil
			return
		}
	}
	for _, s := range threadSigns {
		if bytes.Contains(f.report, s) {
			f.threads, f.state, f.report = true, dropping, nil
			return
		}
	}
	f.out.Write(f.report)
	f.state, f.report = passingAll, nil
}

// Close ends the stream: a report still being gathered is classified,
// and a held-back line start is passed on.
func (f *filter) Close() {
	switch {
	case f.state == gathering:
		f.classify()
	case len(f.partial) > 0:
		f.out.Write(f.partial)
		f.partial = nil
	}
}

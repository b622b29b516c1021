package pipeline

import (
	"bytes"
	"context"
	"errors"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/opsalign/opsalign/generator/site"
)

// plainSink is a Sink that is not lazy: every file is made at once, as
// into a folder.
type plainSink struct {
	mu    sync.Mutex
	files map[string][]byte
}

func (s *plainSink) Put(p string, b []byte) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.files[p] = bytes.Clone(b)
	return nil
}

// TestBuildIntoFiles builds the sample site into a sink that is not lazy
// (the downloads started before the pages are prepared) and compares it
// with a build into memory, whose downloads are made when read.
func TestBuildIntoFiles(t *testing.T) {
	dir := sampleSite(t)
	cfg := filepath.Join(dir, "opsalign.toml")
	asOf := time.Time{}
	plain := &plainSink{files: map[string][]byte{}}
	if _, err := NewBuilder(cfg, true, asOf, "test").Build(context.Background(), nil, plain); err != nil {
		t.Fatal(err)
	}
	mem := build(t, NewBuilder(cfg, true, asOf, "test"), nil)
	if got, want := len(plain.files), len(mem.Paths()); got != want {
		t.Fatalf("%d files, want %d", got, want)
	}
	for _, p := range mem.Paths() {
		want, ok := mem.Get(p)
		if !ok {
			t.Fatalf("the memory build has no %s", p)
		}
		if got, ok := plain.files[p]; !ok || !bytes.Equal(got, want) {
			t.Errorf("%s: %d bytes (present: %v), want the %d bytes of the memory build", p, len(got), ok, len(want))
		}
	}
	for _, p := range []string{"downloads/scorecard.xlsx", "data/scorecard.json"} {
		if len(plain.files[p]) == 0 {
			t.Errorf("%s is empty or missing", p)
		}
	}
}

func TestStartJobs(t *testing.T) {
	boom := errors.New("boom")
	var calls [3]atomic.Int32
	release := make(chan struct{})
	jobs := []site.Job{
		{Path: "a", Lazy: true, Make: func(b *bytes.Buffer) error { calls[0].Add(1); <-release; b.WriteString("aaa"); return nil }},
		{Path: "b", Make: func(b *bytes.Buffer) error { calls[1].Add(1); b.WriteString("half"); return boom }},
		{Path: "c", Make: func(b *bytes.Buffer) error { calls[2].Add(1); return nil }},
	}
	started, wait := startJobs(jobs)
	close(release) // "a" was started and waits: startJobs did not
	for i, tc := range []struct {
		out string
		err error
	}{{"aaa", nil}, {"half", boom}, {"", nil}} {
		j := started[i]
		if j.Path != jobs[i].Path || j.Lazy != jobs[i].Lazy {
			t.Errorf("job %d is %q (lazy %v), want %q (lazy %v)", i, j.Path, j.Lazy, jobs[i].Path, jobs[i].Lazy)
		}
		var buf bytes.Buffer
		if err := j.Make(&buf); !errors.Is(err, tc.err) || buf.String() != tc.out {
			t.Errorf("%s: Make wrote %q, %v; want %q, %v", j.Path, buf.String(), err, tc.out, tc.err)
		}
	}
	wait()
	wait()
	for i := range calls {
		if n := calls[i].Load(); n != 1 {
			t.Errorf("job %d made %d times, want once", i, n)
		}
	}
}

package site

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

// eagerSink is a Sink that is not a LazySink.
type eagerSink struct{ m *Memory }

func (s eagerSink) Put(p string, b []byte) error { return s.m.Put(p, b) }

// lazyRecorder is a LazySink that notes what it was given lazily.
type lazyRecorder struct {
	*Memory
	mu   sync.Mutex
	lazy []string
}

func (l *lazyRecorder) PutLazy(p string, make func() ([]byte, error)) error {
	l.mu.Lock()
	l.lazy = append(l.lazy, p)
	l.mu.Unlock()
	return l.Memory.PutLazy(p, make)
}

// testJobs are n pages and two lazy downloads; made counts the calls.
func testJobs(n int, made *atomic.Int32) []Job {
	js := []Job{
		{Path: "downloads/x.xlsx", Lazy: true, Make: func(b *bytes.Buffer) error { made.Add(1); b.WriteString("xlsx"); return nil }},
		{Path: "data/x.json", Lazy: true, Make: func(b *bytes.Buffer) error { made.Add(1); b.WriteString("{}"); return nil }},
	}
	for i := range n {
		js = append(js, Job{Path: fmt.Sprintf("p/%d.html", i), Narrative: i%10 == 0, Make: func(b *bytes.Buffer) error {
			made.Add(1)
			fmt.Fprintf(b, "page %d", i)
			return nil
		}})
	}
	return js
}

// Into a LazySink the lazy jobs are made on first read, and give the
// bytes an eager sink gets.
func TestMakeLazy(t *testing.T) {
	var made atomic.Int32
	lazy := &lazyRecorder{Memory: NewMemory()}
	if err := Make(context.Background(), testJobs(100, &made), lazy); err != nil {
		t.Fatal(err)
	}
	if made.Load() != 100 {
		t.Errorf("%d jobs made, want the 100 eager ones", made.Load())
	}
	slices.Sort(lazy.lazy)
	if want := []string{"data/x.json", "downloads/x.xlsx"}; !slices.Equal(lazy.lazy, want) {
		t.Errorf("made lazily: %v, want %v", lazy.lazy, want)
	}
	eager := NewMemory()
	if err := Make(context.Background(), testJobs(100, &made), eagerSink{eager}); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(lazy.Paths(), eager.Paths()) || len(eager.Paths()) != 102 {
		t.Fatalf("paths differ:\n%v\n%v", lazy.Paths(), eager.Paths())
	}
	for _, p := range eager.Paths() {
		a, _ := lazy.Get(p)
		b, _ := eager.Get(p)
		if !bytes.Equal(a, b) {
			t.Errorf("%s differs between the lazy and the eager sink", p)
		}
	}
}

// The first error stops the build and names its file.
func TestMakeError(t *testing.T) {
	var made atomic.Int32
	js := testJobs(1000, &made)
	js[50].Make = func(*bytes.Buffer) error { return errors.New("boom") }
	err := Make(context.Background(), js, NewMemory())
	if err == nil || !strings.Contains(err.Error(), "p/48.html: boom") {
		t.Errorf("err = %v, want p/48.html: boom", err)
	}
	if n := made.Load(); n > 900 {
		t.Errorf("%d jobs made after the error", n)
	}
}

// Reuse shares prev's files but the Narrative ones, which are left to
// make, and keeps a lazy file unmade.
func TestReuse(t *testing.T) {
	var made atomic.Int32
	prev := NewMemory()
	if err := Make(context.Background(), testJobs(100, &made), prev); err != nil {
		t.Fatal(err)
	}
	made.Store(0)
	out := NewMemory()
	left, err := Reuse(testJobs(100, &made), prev, out)
	if err != nil {
		t.Fatal(err)
	}
	if len(left) != 10 || !left[0].Narrative {
		t.Fatalf("%d jobs left, want the 10 narrative ones", len(left))
	}
	if err := Make(context.Background(), left, out); err != nil {
		t.Fatal(err)
	}
	if made.Load() != 10 || len(out.Paths()) != 102 {
		t.Errorf("made %d, site of %d files; want 10 and 102", made.Load(), len(out.Paths()))
	}
	if b, _ := out.Get("data/x.json"); string(b) != "{}" {
		t.Errorf("shared lazy file = %q", b)
	}
}

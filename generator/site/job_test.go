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

	"github.com/opsalign/opsalign/generator/pagekey"
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

// keyedJobs are n pages keyed by keyOf(i) (ok false: no key), each
// written as "page i v", and a lazy download; made counts the writes.
func keyedJobs(n int, v string, keyOf func(i int) (pagekey.Key, bool), made *atomic.Int32) []Job {
	js := []Job{{Path: "data/x.json", Lazy: true, Make: func(b *bytes.Buffer) error { made.Add(1); b.WriteString("{}"); return nil }}}
	for i := range n {
		write := func(b *bytes.Buffer) error {
			made.Add(1)
			fmt.Fprintf(b, "page %d %s", i, v)
			return nil
		}
		js = append(js, Job{Path: fmt.Sprintf("p/%d.html", i), Make: write, Prepare: func() (Prepared, error) {
			k, ok := keyOf(i)
			return Prepared{Key: k, Keyed: ok, Write: write}, nil
		}})
	}
	return js
}

// MakeSince shares the files whose key is the one of the previous build
// and makes the others: new keys, files without a key, and every file
// when there is no previous build.
func TestMakeSince(t *testing.T) {
	ctx := context.Background()
	var made atomic.Int32
	key := func(i int) (pagekey.Key, bool) { return pagekey.Key{uint64(i), 1}, i != 3 }
	first := NewMemory()
	keys, paths, err := MakeSince(ctx, keyedJobs(10, "a", key, &made), nil, nil, first)
	if err != nil {
		t.Fatal(err)
	}
	if made.Load() != 10 || len(paths) != 10 || len(keys) != 9 {
		t.Fatalf("first build: made %d (%d paths), %d keys; want 10, 10, 9 (page 3 has none)", made.Load(), len(paths), len(keys))
	}
	// Page 5's data change (its key and bytes); the others' do not.
	made.Store(0)
	changed := func(i int) (pagekey.Key, bool) {
		k, ok := key(i)
		if i == 5 {
			k[1] = 2
		}
		return k, ok
	}
	second := NewMemory()
	jobs := keyedJobs(10, "a", changed, &made)
	jobs[6].Make = func(b *bytes.Buffer) error { b.WriteString("page 5 b"); return nil } // Make is not used when Prepare is set
	keys2, paths, err := MakeSince(ctx, jobs, first, keys, second)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"p/3.html", "p/5.html"}; !slices.Equal(paths, want) || made.Load() != 2 {
		t.Errorf("made %v (%d writes), want %v", paths, made.Load(), want)
	}
	if keys2["p/5.html"] != (pagekey.Key{5, 2}) || len(keys2) != 9 {
		t.Errorf("keys of the second build: %v", keys2)
	}
	for _, p := range []string{"p/0.html", "p/9.html"} {
		a, _ := first.Get(p)
		b, _ := second.Get(p)
		if &a[0] != &b[0] {
			t.Errorf("%s not shared", p)
		}
	}
	if second.Len() != 11 {
		t.Errorf("second build has %d files, want 11", second.Len())
	}
	// A key of the previous build whose file is not in prev: made.
	made.Store(0)
	if _, paths, err = MakeSince(ctx, keyedJobs(10, "a", key, &made), NewMemory(), keys, NewMemory()); err != nil || len(paths) != 10 {
		t.Errorf("without the previous files: made %d, err %v; want 10", len(paths), err)
	}
}

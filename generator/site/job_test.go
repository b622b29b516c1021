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
	if keys2["p/5.html"].Data != (pagekey.Key{5, 2}) || len(keys2) != 9 {
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

// A job whose input key is the one of the previous build is shared
// without Prepare (its data key carried over for the build after); one
// whose input key changed, or has none, falls back to its data key.
func TestMakeSinceInput(t *testing.T) {
	ctx := context.Background()
	var made, prepared atomic.Int32
	// jobs: page i has input key {i, in(i)} (none for i == 4) and data
	// key {i, data(i)}.
	jobs := func(in, data func(i int) uint64) []Job {
		js := keyedJobs(6, "a", func(i int) (pagekey.Key, bool) {
			prepared.Add(1)
			return pagekey.Key{uint64(i), data(i)}, true
		}, &made)
		for i := range js[1:] {
			js[i+1].Input = func() (pagekey.Key, bool) { return pagekey.Key{uint64(i), in(i)}, i != 4 }
		}
		return js
	}
	one := func(int) uint64 { return 1 }
	first := NewMemory()
	keys, _, err := MakeSince(ctx, jobs(one, one), nil, nil, first)
	if err != nil {
		t.Fatal(err)
	}
	if k := keys["p/2.html"]; !k.HasInput || !k.HasData || k.Input != (pagekey.Key{2, 1}) || k.Data != (pagekey.Key{2, 1}) {
		t.Fatalf("first build's key of p/2.html: %+v", k)
	}
	if k := keys["p/4.html"]; k.HasInput || !k.HasData {
		t.Fatalf("first build's key of p/4.html (no input key): %+v", k)
	}
	// Page 1's inputs change but not its data (shared after Prepare);
	// page 2's inputs and data change (made); page 4 has no input key
	// (prepared, shared).
	made.Store(0)
	prepared.Store(0)
	in := func(i int) uint64 { return map[int]uint64{1: 2, 2: 2}[i] + 1 }
	data := func(i int) uint64 { return map[int]uint64{2: 2}[i] + 1 }
	second := NewMemory()
	keys2, paths, err := MakeSince(ctx, jobs(in, data), first, keys, second)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"p/2.html"}; !slices.Equal(paths, want) || made.Load() != 1 {
		t.Errorf("made %v (%d writes), want %v", paths, made.Load(), want)
	}
	if prepared.Load() != 3 {
		t.Errorf("%d prepared, want 3 (pages 1, 2 and 4)", prepared.Load())
	}
	a, _ := first.Get("p/0.html")
	b, _ := second.Get("p/0.html")
	if &a[0] != &b[0] {
		t.Error("p/0.html not shared")
	}
	if k := keys2["p/0.html"]; !k.HasData || k.Data != (pagekey.Key{0, 1}) || k.Input != (pagekey.Key{0, 1}) {
		t.Errorf("p/0.html's data key not carried over: %+v", k)
	}
	if k := keys2["p/1.html"]; k.Input != (pagekey.Key{1, 3}) || k.Data != (pagekey.Key{1, 1}) {
		t.Errorf("p/1.html's keys: %+v", k)
	}
	// The third build's input keys are the second's: nothing prepared
	// but page 4, nothing made.
	made.Store(0)
	prepared.Store(0)
	if _, paths, err = MakeSince(ctx, jobs(in, data), second, keys2, NewMemory()); err != nil || len(paths) != 0 || prepared.Load() != 1 {
		t.Errorf("third build: made %v, %d prepared, err %v; want none, 1", paths, prepared.Load(), err)
	}
}

package serve

import (
	"archive/zip"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/opsalign/opsalign/generator/site"
)

// scriptedBuilder answers each call with the next of its results and
// records the changed paths it was given.
type scriptedBuilder struct {
	results []error // nil: a site with one file; errPanic: panic
	took    time.Duration
	mu      sync.Mutex
	calls   [][]string
}

var errPanic = errors.New("panic please")

func (b *scriptedBuilder) build(ctx context.Context, changed []string) (*site.Memory, error) {
	b.mu.Lock()
	n := len(b.calls)
	b.calls = append(b.calls, changed)
	b.mu.Unlock()
	time.Sleep(b.took)
	var err error
	if n < len(b.results) {
		err = b.results[n]
	}
	if errors.Is(err, errPanic) {
		panic("template func exploded")
	}
	if err != nil {
		return nil, err
	}
	m := site.NewMemory()
	m.Put("index.html", fmt.Appendf(nil, "build %d", n))
	return m, nil
}

// runLoop starts a rebuilder on b in the bubble.
func runLoop(t *testing.T, b *scriptedBuilder) (*server, chan<- []string, *bool) {
	t.Helper()
	ctx, cancel := context.WithCancel(t.Context())
	t.Cleanup(cancel)
	s := newServer(Options{noInstance: true}.withDefaults())
	batches := make(chan []string)
	ready := new(bool)
	r := &rebuilder{s: s, build: b.build, log: s.o.Logger}
	go r.loop(ctx, batches, func() { *ready = true })
	synctest.Wait()
	return s, batches, ready
}

func index(s *server) string {
	st := s.cur.Load()
	if st.site == nil {
		return ""
	}
	b, _ := st.site.Get("index.html")
	return string(b)
}

func TestRebuildFailureKeepsLastGoodSite(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		tpl := errors.New(`content/_index.md:7: unknown figure "x<script>"`)
		b := &scriptedBuilder{results: []error{nil, tpl, nil}}
		s, batches, ready := runLoop(t, b)
		if !*ready {
			t.Fatal("ready not called after the first build")
		}
		if st := s.cur.Load(); st.gen != 1 || st.err != "" || index(s) != "build 0" {
			t.Fatalf("after first build: gen %d err %q page %q", st.gen, st.err, index(s))
		}

		batches <- []string{"/s/content/_index.md"}
		synctest.Wait()
		if st := s.cur.Load(); st.gen != 1 || st.err != tpl.Error() || index(s) != "build 0" {
			t.Fatalf("after failed build: gen %d err %q page %q", st.gen, st.err, index(s))
		}

		batches <- []string{"/s/data/a.csv"}
		synctest.Wait()
		if st := s.cur.Load(); st.gen != 2 || st.err != "" || index(s) != "build 2" {
			t.Fatalf("after fixed build: gen %d err %q page %q", st.gen, st.err, index(s))
		}
		want := [][]string{nil, {"/s/content/_index.md"}, {"/s/content/_index.md", "/s/data/a.csv"}}
		if !slices.EqualFunc(b.calls, want, slices.Equal) {
			t.Errorf("changed per call = %q, want %q", b.calls, want)
		}
	})
}

func TestRebuildFirstFailureBuildsEverythingAgain(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		b := &scriptedBuilder{results: []error{errors.New("opsalign.toml:3: unknown key"), nil}}
		s, batches, ready := runLoop(t, b)
		if !*ready {
			t.Fatal("ready not called after a failed first build")
		}
		if st := s.cur.Load(); st.site != nil || st.err == "" {
			t.Fatalf("after failed first build: site %v err %q", st.site, st.err)
		}
		batches <- []string{"/s/opsalign.toml"}
		synctest.Wait()
		if st := s.cur.Load(); st.gen != 1 || st.err != "" {
			t.Fatalf("after fix: gen %d err %q", st.gen, st.err)
		}
		if want := [][]string{nil, nil}; !slices.EqualFunc(b.calls, want, slices.Equal) {
			t.Errorf("changed per call = %q, want %q", b.calls, want)
		}
	})
}

func TestRebuildRetriesHalfWrittenFile(t *testing.T) {
	tests := []struct {
		name    string
		results []error
		wantErr bool // shown after the retry
		calls   int
	}{
		{"zip not complete yet", []error{nil, fmt.Errorf("data/r.xlsx: %w", zip.ErrFormat), nil}, false, 3},
		{"file replaced", []error{nil, fmt.Errorf("data/r.xlsx: %w", fs.ErrNotExist), nil}, false, 3},
		{"still broken", []error{nil, zip.ErrFormat, zip.ErrFormat, nil}, true, 3},
		{"not transient", []error{nil, errors.New("data/r.xlsx:Initiatives!F12: bad budget"), nil}, true, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				b := &scriptedBuilder{results: tt.results}
				s, batches, _ := runLoop(t, b)
				batches <- []string{"/s/data/r.xlsx"}
				synctest.Wait()
				if st := s.cur.Load(); st.err != "" && tt.calls == 3 {
					t.Errorf("error %q shown before the retry", st.err)
				}
				time.Sleep(retryDelay)
				synctest.Wait()
				st := s.cur.Load()
				if got := st.err != ""; got != tt.wantErr {
					t.Errorf("error shown = %v (%q), want %v", got, st.err, tt.wantErr)
				}
				if len(b.calls) != tt.calls {
					t.Fatalf("%d builds, want %d", len(b.calls), tt.calls)
				}
				if tt.calls == 3 && !slices.Equal(b.calls[2], []string{"/s/data/r.xlsx"}) {
					t.Errorf("retry changed = %q", b.calls[2])
				}
			})
		})
	}
}

func TestRebuildPanicIsAnError(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		b := &scriptedBuilder{results: []error{nil, errPanic}}
		s, batches, _ := runLoop(t, b)
		batches <- []string{"/s/layouts/page.html"}
		synctest.Wait()
		st := s.cur.Load()
		if !strings.Contains(st.err, "template func exploded") || st.gen != 1 {
			t.Errorf("after panic: gen %d err %q", st.gen, st.err)
		}
	})
}

func TestRebuildSerializesAndBatches(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ctx, cancel := context.WithCancel(t.Context())
		defer cancel()
		b := &scriptedBuilder{took: 100 * time.Millisecond}
		s := newServer(Options{noInstance: true}.withDefaults())
		paths, batches := make(chan string), make(chan []string)
		go debounce(ctx, 30*time.Millisecond, time.Second, paths, batches)
		r := &rebuilder{s: s, build: b.build, log: s.o.Logger}
		go r.loop(ctx, batches, func() {})
		time.Sleep(100 * time.Millisecond) // first build
		paths <- "/s/a.md"
		time.Sleep(50 * time.Millisecond) // build of a.md starts at 30 ms, runs to 130 ms
		paths <- "/s/b.md"
		time.Sleep(10 * time.Millisecond)
		paths <- "/s/c.md"
		time.Sleep(time.Second)
		synctest.Wait()
		want := [][]string{nil, {"/s/a.md"}, {"/s/b.md", "/s/c.md"}}
		if !slices.EqualFunc(b.calls, want, slices.Equal) {
			t.Errorf("changed per call = %q, want %q", b.calls, want)
		}
		if g := s.cur.Load().gen; g != 3 {
			t.Errorf("gen = %d, want 3", g)
		}
	})
}

func TestTransient(t *testing.T) {
	tests := []struct {
		err  error
		want bool
	}{
		{fmt.Errorf("read data/r.xlsx: %w", zip.ErrFormat), true},
		{&fs.PathError{Op: "open", Path: "data/a.csv", Err: fs.ErrNotExist}, true},
		{fmt.Errorf("data/a.csv: %w", fs.ErrPermission), true},
		{errors.New("data/a.csv:3: bad date"), false},
	}
	for _, tt := range tests {
		if got := transient(tt.err); got != tt.want {
			t.Errorf("transient(%v) = %v, want %v", tt.err, got, tt.want)
		}
	}
}

package site

import (
	"errors"
	"sync"
	"sync/atomic"
	"testing"
)

func TestPutLazy(t *testing.T) {
	m := NewMemory()
	var made atomic.Int32
	if err := m.PutLazy("downloads/a.xlsx", func() ([]byte, error) { made.Add(1); return []byte("xlsx"), nil }); err != nil {
		t.Fatal(err)
	}
	if err := m.Put("index.html", []byte("hi")); err != nil {
		t.Fatal(err)
	}
	if got := made.Load(); got != 0 {
		t.Fatalf("made %d times before any read, want 0", got)
	}
	if got, want := m.Paths(), []string{"downloads/a.xlsx", "index.html"}; len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("Paths = %v, want %v", got, want)
	}
	if m.Len() != 2 {
		t.Errorf("Len = %d, want 2", m.Len())
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if b, ok := m.Get("downloads/a.xlsx"); !ok || string(b) != "xlsx" {
				t.Errorf("Get = %q, %v", b, ok)
			}
		})
	}
	wg.Wait()
	if got := made.Load(); got != 1 {
		t.Errorf("made %d times, want 1", got)
	}
	if err := m.Put("downloads/a.xlsx", nil); err == nil {
		t.Error("Put over a lazy file: no error")
	}
	if err := m.PutLazy("index.html", nil); err == nil {
		t.Error("PutLazy over a file: no error")
	}
	if err := m.PutLazy("../x", nil); err == nil {
		t.Error("PutLazy of an unsafe path: no error")
	}
}

func TestPutLazyError(t *testing.T) {
	m := NewMemory()
	boom := errors.New("boom")
	if err := m.PutLazy("data/x.json", func() ([]byte, error) { return nil, boom }); err != nil {
		t.Fatal(err)
	}
	if _, ok := m.Get("data/x.json"); ok {
		t.Error("Get of a file that failed to make: ok")
	}
	if _, ok, err := m.Load("data/x.json"); !ok || !errors.Is(err, boom) {
		t.Errorf("Load = %v, %v; want true and boom", ok, err)
	}
	if err := m.CopyTo(NewMemory()); !errors.Is(err, boom) {
		t.Errorf("CopyTo = %v, want boom", err)
	}
}

func TestShareFile(t *testing.T) {
	prev, next := NewMemory(), NewMemory()
	var made atomic.Int32
	prev.PutLazy("a.json", func() ([]byte, error) { made.Add(1); return []byte("{}"), nil })
	prev.Put("b.html", []byte("b"))
	for _, p := range []string{"a.json", "b.html"} {
		if err := next.ShareFile(p, prev); err != nil {
			t.Fatal(err)
		}
	}
	if err := next.ShareFile("c.html", prev); err == nil {
		t.Error("ShareFile of a missing file: no error")
	}
	if err := next.ShareFile("b.html", prev); err == nil {
		t.Error("ShareFile twice: no error")
	}
	a1, _ := next.Get("a.json")
	a2, _ := prev.Get("a.json")
	b1, _ := next.Get("b.html")
	b2, _ := prev.Get("b.html")
	if made.Load() != 1 || &a1[0] != &a2[0] || &b1[0] != &b2[0] {
		t.Errorf("made %d times, shared %v %v; want once and shared", made.Load(), &a1[0] == &a2[0], &b1[0] == &b2[0])
	}
	if !next.Has("a.json") || next.Has("c.html") {
		t.Error("Has is wrong")
	}
}

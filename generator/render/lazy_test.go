package render

import (
	"bytes"
	"context"
	"slices"
	"sync"
	"testing"

	"github.com/opsalign/opsalign/generator/site"
	"github.com/opsalign/opsalign/themes"
)

// eagerSink is a Sink that is not a site.LazySink.
type eagerSink struct{ m *site.Memory }

func (s eagerSink) Put(p string, b []byte) error { return s.m.Put(p, b) }

// lazyRecorder is a site.LazySink that notes what it was given lazily.
type lazyRecorder struct {
	*site.Memory
	mu   sync.Mutex
	lazy []string
}

func (l *lazyRecorder) PutLazy(p string, make func() ([]byte, error)) error {
	l.mu.Lock()
	l.lazy = append(l.lazy, p)
	l.mu.Unlock()
	return l.Memory.PutLazy(p, make)
}

// TestDownloadsLazy checks that a LazySink gets the downloads to make on
// first read, and that they are then the bytes an eager build writes.
func TestDownloadsLazy(t *testing.T) {
	cfg, ds, sc := fixture()
	in := Input{Config: cfg, Dataset: ds, Scorecard: sc, Theme: themes.Default(), Version: "test", Content: testContent(), Markdown: testMarkdown}
	r, err := Parse(in.Theme, nil)
	if err != nil {
		t.Fatal(err)
	}
	lazy := &lazyRecorder{Memory: site.NewMemory()}
	if err := r.Render(context.Background(), in, lazy); err != nil {
		t.Fatal(err)
	}
	eager := site.NewMemory()
	if err := r.Render(context.Background(), in, eagerSink{eager}); err != nil {
		t.Fatal(err)
	}
	slices.Sort(lazy.lazy)
	if want := []string{"data/scorecard.json", "downloads/scorecard.xlsx"}; !slices.Equal(lazy.lazy, want) {
		t.Errorf("made lazily: %v, want %v", lazy.lazy, want)
	}
	if !slices.Equal(lazy.Paths(), eager.Paths()) {
		t.Fatalf("paths differ:\n%v\n%v", lazy.Paths(), eager.Paths())
	}
	for _, p := range eager.Paths() {
		a, _ := lazy.Get(p)
		b, _ := eager.Get(p)
		if !bytes.Equal(a, b) {
			t.Errorf("%s differs between the lazy and the eager build", p)
		}
	}
}

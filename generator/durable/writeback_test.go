package durable

import (
	"os"
	"path/filepath"
	"runtime"
	"sync/atomic"
	"testing"
)

// TestWriteback: a sync starts each time another every bytes were
// written, never two at once (bytes written meanwhile count for the
// next), and Wait waits for the one running.
func TestWriteback(t *testing.T) {
	var syncs atomic.Int32
	release := make(chan struct{})
	w := NewWriteback("/site.staging", 10)
	w.sync = func(dir string) error {
		if dir != "/site.staging" {
			t.Errorf("synced %q", dir)
		}
		syncs.Add(1)
		<-release
		return nil
	}
	want := func(step string, n int32) {
		t.Helper()
		if !bulkSync {
			n = 0 // SyncTree syncs file by file here: nothing starts early
		}
		if got := syncs.Load(); got != n {
			t.Errorf("%s: %d syncs, want %d", step, got, n)
		}
	}
	w.Wrote(4)
	w.Wrote(5)
	want("9 bytes", 0)
	w.Wrote(1) // 10: the first sync starts, and waits for release
	for i := 0; bulkSync && syncs.Load() == 0; i++ {
		if i == 100000 {
			t.Fatal("the first sync did not start")
		}
		runtime.Gosched()
	}
	w.Wrote(100)
	w.Wrote(100)
	want("210 bytes, the first sync running", 1)
	close(release)
	w.Wait()
	want("after Wait", 1)
	w.Wrote(1) // 201 bytes since the first began
	w.Wait()
	want("1 byte more", 2)
	w.Wrote(9)
	w.Wait()
	want("9 bytes more", 2)
	w.Wrote(1)
	w.Wait()
	want("10 bytes more", 3)
}

// TestWritebackFolder: the background syncs of a real folder return,
// and the files are as written.
func TestWritebackFolder(t *testing.T) {
	d := t.TempDir()
	w := NewWriteback(d, 1)
	for i, name := range []string{"a", "b", "c"} {
		if err := os.WriteFile(filepath.Join(d, name), []byte(name), 0o644); err != nil {
			t.Fatal(err)
		}
		w.Wrote(i + 1)
	}
	w.Wait()
	for _, name := range []string{"a", "b", "c"} {
		if got := read(t, filepath.Join(d, name)); got != name {
			t.Errorf("%s holds %q", name, got)
		}
	}
}

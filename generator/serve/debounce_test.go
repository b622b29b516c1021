package serve

import (
	"context"
	"slices"
	"sync"
	"testing"
	"testing/synctest"
	"time"
)

// startDebounce runs debounce in the bubble and returns its ends.
func startDebounce(t *testing.T, quiet time.Duration) (chan<- string, <-chan []string) {
	t.Helper()
	ctx, cancel := context.WithCancel(t.Context())
	t.Cleanup(cancel)
	in, out := make(chan string), make(chan []string)
	go debounce(ctx, quiet, time.Second, in, out)
	return in, out
}

// tryRecv returns a batch if one is ready now.
func tryRecv(out <-chan []string) ([]string, bool) {
	synctest.Wait()
	select {
	case b := <-out:
		return b, true
	default:
		return nil, false
	}
}

func TestDebounceCoalescesBurst(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		in, out := startDebounce(t, 30*time.Millisecond)
		start := time.Now()
		in <- "/s/b.md"
		time.Sleep(10 * time.Millisecond)
		in <- "/s/a.md"
		time.Sleep(10 * time.Millisecond)
		in <- "/s/b.md" // last event at 20 ms: batch due at 50 ms
		time.Sleep(29 * time.Millisecond)
		if b, ok := tryRecv(out); ok {
			t.Fatalf("batch %v at %v, before the quiet period ended", b, time.Since(start))
		}
		got := <-out
		if d := time.Since(start); d != 50*time.Millisecond {
			t.Errorf("batch at %v, want 50ms", d)
		}
		if want := []string{"/s/a.md", "/s/b.md"}; !slices.Equal(got, want) {
			t.Errorf("batch = %v, want %v", got, want)
		}
		if b, ok := tryRecv(out); ok {
			t.Errorf("second batch %v with no new events", b)
		}
	})
}

func TestDebounceBatchesDuringBuild(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		in, out := startDebounce(t, 30*time.Millisecond)
		in <- "/s/a.md"
		first := <-out // build of a starts at 30 ms and takes 100 ms
		if !slices.Equal(first, []string{"/s/a.md"}) {
			t.Fatalf("first batch = %v", first)
		}
		start := time.Now()
		time.Sleep(10 * time.Millisecond)
		in <- "/s/c.md"
		time.Sleep(10 * time.Millisecond)
		in <- "/s/b.md"
		in <- "/s/c.md"
		time.Sleep(80 * time.Millisecond) // build ends at 100 ms, long after the quiet period
		got, ok := tryRecv(out)
		if !ok {
			t.Fatal("no batch ready when the build ended")
		}
		if want := []string{"/s/b.md", "/s/c.md"}; !slices.Equal(got, want) {
			t.Errorf("next batch = %v, want %v", got, want)
		}
		if d := time.Since(start); d != 100*time.Millisecond {
			t.Errorf("next batch at %v, want 100ms", d)
		}
	})
}

func TestDebounceEventAfterQuietRestartsIt(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		in, out := startDebounce(t, 30*time.Millisecond)
		start := time.Now()
		in <- "/s/a.md"
		time.Sleep(40 * time.Millisecond) // quiet, but nobody receives: a build runs
		in <- "/s/b.md"                   // the file is being saved again
		time.Sleep(29 * time.Millisecond)
		if b, ok := tryRecv(out); ok {
			t.Fatalf("batch %v sent 29ms after the last event", b)
		}
		got := <-out
		if d := time.Since(start); d != 70*time.Millisecond {
			t.Errorf("batch at %v, want 70ms", d)
		}
		if want := []string{"/s/a.md", "/s/b.md"}; !slices.Equal(got, want) {
			t.Errorf("batch = %v, want %v", got, want)
		}
	})
}

func TestDebounceThousandSaves(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		in, out := startDebounce(t, 30*time.Millisecond)
		for range 900 {
			in <- "/s/a.md"
			time.Sleep(time.Millisecond)
		}
		got := <-out
		if !slices.Equal(got, []string{"/s/a.md"}) {
			t.Errorf("batch = %v", got)
		}
		if b, ok := tryRecv(out); ok {
			t.Errorf("extra batch %v", b)
		}
	})
}

// TestDebounceMaxWait checks that changes that never stop still get built,
// once a second.
func TestDebounceMaxWait(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ctx, cancel := context.WithCancel(t.Context())
		defer cancel()
		in, out := make(chan string), make(chan []string)
		go debounce(ctx, 30*time.Millisecond, time.Second, in, out)
		start := time.Now()
		var (
			mu sync.Mutex
			at []time.Duration
		)
		go func() {
			for {
				select {
				case <-out:
					mu.Lock()
					at = append(at, time.Since(start))
					mu.Unlock()
				case <-ctx.Done():
					return
				}
			}
		}()
		time.Sleep(5 * time.Millisecond) // no event at the same instant as a timer
		for i := range 200 {             // every 12 ms, the last at 2393 ms
			in <- "/s/log.md"
			if i == 120 {
				in <- "/s/other.md"
			}
			time.Sleep(12 * time.Millisecond)
		}
		time.Sleep(time.Second)
		synctest.Wait()
		mu.Lock()
		defer mu.Unlock()
		want := []time.Duration{1005 * time.Millisecond, 2013 * time.Millisecond, 2423 * time.Millisecond}
		if !slices.Equal(at, want) {
			t.Errorf("batches at %v, want %v", at, want)
		}
	})
}

func TestDebounceStops(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ctx, cancel := context.WithCancel(t.Context())
		in, out := make(chan string), make(chan []string)
		done := make(chan struct{})
		go func() { debounce(ctx, time.Second, time.Minute, in, out); close(done) }()
		in <- "/s/a.md"
		cancel()
		<-done // a leaked goroutine would fail synctest.Test
	})
}

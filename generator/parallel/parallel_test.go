package parallel

import (
	"context"
	"errors"
	"runtime"
	"sync/atomic"
	"testing"
)

func TestDoEvery(t *testing.T) {
	for _, n := range []int{0, 1, 7, 1000} {
		seen := make([]atomic.Int32, n)
		if err := Do(context.Background(), n, func(_ context.Context, i int) error {
			seen[i].Add(1)
			return nil
		}); err != nil {
			t.Fatalf("n=%d: %v", n, err)
		}
		for i := range seen {
			if c := seen[i].Load(); c != 1 {
				t.Fatalf("n=%d: index %d done %d times", n, i, c)
			}
		}
	}
}

// The first error stops the work: no call starts once Do has seen it, and
// Do returns it.
func TestDoFirstError(t *testing.T) {
	boom := errors.New("boom")
	var calls atomic.Int32
	err := Do(context.Background(), 10000, func(ctx context.Context, i int) error {
		calls.Add(1)
		if i == 10 {
			return boom
		}
		return nil
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v, want boom", err)
	}
	// Each other goroutine may have taken one more index meanwhile.
	if n := int(calls.Load()); n > 11+runtime.GOMAXPROCS(0) {
		t.Errorf("%d calls, want the work stopped after the 11th", n)
	}
}

func TestDoCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var calls atomic.Int32
	err := Do(ctx, 100, func(context.Context, int) error { calls.Add(1); return nil })
	if !errors.Is(err, context.Canceled) || calls.Load() != 0 {
		t.Errorf("err %v after %d calls, want context.Canceled and none", err, calls.Load())
	}
}

func TestWorkers(t *testing.T) {
	procs := runtime.GOMAXPROCS(0)
	for _, tc := range []struct{ n, want int }{
		{-1, 0},
		{0, 0},
		{1, 1},
		{procs, procs},
		{procs + 5, procs},
	} {
		if got := Workers(tc.n); got != tc.want {
			t.Errorf("Workers(%d) = %d, want %d (GOMAXPROCS %d)", tc.n, got, tc.want, procs)
		}
	}
}

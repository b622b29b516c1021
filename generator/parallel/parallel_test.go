package parallel

import (
	"context"
	"errors"
	"fmt"
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
	// On one goroutine the order is fixed: calls 0–10 run, the 11th
	// (index 10) fails, and no further call starts. With more goroutines
	// another one may run any number of calls between the failing call's
	// return and the cancel that follows it, so only the error is fixed.
	for _, procs := range []int{1, 4} {
		t.Run(fmt.Sprint("procs=", procs), func(t *testing.T) {
			defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
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
			if n := calls.Load(); procs == 1 && n != 11 {
				t.Errorf("%d calls on one goroutine, want the work stopped after the 11th", n)
			}
		})
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

func TestGo(t *testing.T) {
	boom := errors.New("boom")
	release := make(chan struct{})
	var ran atomic.Bool
	wait := Go(func() error {
		<-release // f runs beside the caller: the caller is not blocked
		ran.Store(true)
		return boom
	})
	close(release)
	for range 3 { // any number of waits, each after f returned
		if err := wait(); !errors.Is(err, boom) || !ran.Load() {
			t.Fatalf("wait() = %v (f ran: %v), want boom after f", err, ran.Load())
		}
	}
	if err := Go(func() error { return nil })(); err != nil {
		t.Errorf("wait() = %v, want nil", err)
	}
}

// Package parallel runs independent pieces of work on a bounded set of
// goroutines: the one worker pool of opsalign, used to read data files
// and to make the files of a site, and (Go) the few single pieces of
// work that overlap a serial stretch of a build, where a core would
// otherwise wait.
package parallel

import (
	"context"
	"runtime"
	"sync"
	"sync/atomic"
)

// Do calls f(ctx, i) for every i in [0, n), on at most GOMAXPROCS
// goroutines at once, taking the indexes in increasing order as
// goroutines free up. The first error f returns cancels the ctx given to
// the calls still running, no further call starts, and Do returns that
// error; when ctx itself ends first, Do returns its cause. Do returns nil
// when every call returned nil.
func Do(ctx context.Context, n int, f func(ctx context.Context, i int) error) error {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range Workers(n) {
		wg.Go(func() {
			for ctx.Err() == nil {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				if err := f(ctx, i); err != nil {
					cancel(err)
					return
				}
			}
		})
	}
	wg.Wait()
	return context.Cause(ctx)
}

// Workers is how many goroutines Do runs for n pieces of work: n, at
// most GOMAXPROCS. A caller that splits its work into one piece a
// worker (each with its own scratch state) asks it for the count.
func Workers(n int) int {
	return max(0, min(runtime.GOMAXPROCS(0), n))
}

// Go starts f on a goroutine of its own, beside the caller's work, and
// returns wait, which waits for f to return and returns its error (wait
// may be called any number of times, from any goroutine). It is for one
// piece of work that overlaps a serial stretch — the theme parsed while
// the data are read, the downloads made while the pages are being
// prepared — not for a pool: many pieces go through Do.
func Go(f func() error) (wait func() error) {
	done := make(chan struct{})
	var err error
	go func() {
		defer close(done)
		err = f()
	}()
	return func() error {
		<-done
		return err
	}
}

package serve

import (
	"context"
	"maps"
	"slices"
	"time"
)

// debounce collects paths from in and, once in has been quiet for the quiet
// period, sends them on out as one sorted batch without duplicates. While
// nobody receives from out (a build is running) paths keep collecting, so
// every change made during a build is in the next batch. A path arriving
// restarts the quiet period. debounce returns when ctx is cancelled or in
// is closed.
func debounce(ctx context.Context, quiet time.Duration, in <-chan string, out chan<- []string) {
	pending := map[string]bool{}
	timer := time.NewTimer(quiet)
	timer.Stop()
	defer timer.Stop()
	var (
		fire  <-chan time.Time // set while a quiet period runs
		batch []string         // set once quiet: what to send
	)
	for {
		var send chan<- []string
		if batch != nil {
			send = out
		}
		select {
		case p, ok := <-in:
			if !ok {
				return
			}
			pending[p] = true
			batch = nil
			timer.Reset(quiet)
			fire = timer.C
		case <-fire:
			fire = nil
			batch = slices.Sorted(maps.Keys(pending))
		case send <- batch:
			pending = map[string]bool{}
			batch = nil
		case <-ctx.Done():
			return
		}
	}
}

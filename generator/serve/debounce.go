package serve

import (
	"context"
	"maps"
	"slices"
	"time"
)

// maxWait bounds how long changes that keep coming (a large file copied
// slowly, a tool rewriting a file in a loop) hold a rebuild back.
const maxWait = time.Second

// debounce collects paths from in and, once in has been quiet for the quiet
// period, sends them on out as one sorted batch without duplicates. A path
// arriving restarts the quiet period, but a batch is never held back more
// than maxWait after its first path. While nobody receives from out (a
// build is running) paths keep collecting, so every change made during a
// build is in the next batch. debounce returns when ctx is cancelled or in
// is closed.
func debounce(ctx context.Context, quiet, maxWait time.Duration, in <-chan string, out chan<- []string) {
	pending := map[string]bool{}
	quietT, maxT := time.NewTimer(quiet), time.NewTimer(maxWait)
	quietT.Stop()
	maxT.Stop()
	defer quietT.Stop()
	defer maxT.Stop()
	var (
		quietC, maxC <-chan time.Time // set while the timer runs
		forced       bool             // maxWait passed: send as soon as possible
		batch        []string         // set when ready to send
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
			if len(pending) == 0 {
				maxT.Reset(maxWait)
				maxC = maxT.C
			}
			pending[p] = true
			if forced {
				batch = slices.Sorted(maps.Keys(pending))
			} else {
				batch = nil
				quietT.Reset(quiet)
				quietC = quietT.C
			}
		case <-quietC:
			quietC = nil
			batch = slices.Sorted(maps.Keys(pending))
		case <-maxC:
			maxC, quietC, forced = nil, nil, true
			quietT.Stop()
			batch = slices.Sorted(maps.Keys(pending))
		case send <- batch:
			pending, batch, forced = map[string]bool{}, nil, false
			quietT.Stop()
			maxT.Stop()
			quietC, maxC = nil, nil
		case <-ctx.Done():
			return
		}
	}
}

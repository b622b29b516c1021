package serve

import (
	"archive/zip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"maps"
	"runtime/debug"
	"slices"
	"time"

	"github.com/opsalign/opsalign/generator/site"
)

// retryDelay is how long the rebuilder waits before building again after a
// build failed on a file that looked half-written.
const retryDelay = 250 * time.Millisecond

// rebuilder runs the builds, one at a time.
type rebuilder struct {
	s          *server
	build      Builder
	log        *slog.Logger
	retryDelay time.Duration // 0 means retryDelay
}

// loop builds everything once, calls ready, then builds every batch of
// changes until ctx is cancelled.
//
// The changes of a failed build are passed again with the next one, so the
// builder re-reads them. A failure that looks like a file read half-written
// (see transient) is retried once after a short delay before it is shown:
// Excel saves in steps, and the last step may send no event.
func (b *rebuilder) loop(ctx context.Context, batches <-chan []string, ready func()) {
	delay := b.retryDelay
	if delay <= 0 {
		delay = retryDelay
	}
	var (
		carry   []string // changes not yet built successfully
		retry   <-chan time.Time
		retried bool
	)
	attempt := func(changed []string) {
		err := b.once(ctx, changed)
		switch {
		case err == nil:
			carry, retry = nil, nil
		case ctx.Err() != nil:
		case !retried && transient(err):
			b.log.Info("build failed, retrying", "err", err)
			carry, retried = changed, true
			retry = time.After(delay)
		default:
			b.log.Error("build failed", "err", err)
			carry, retry = changed, nil
			b.s.fail(err)
		}
	}
	attempt(nil)
	ready()
	for {
		select {
		case batch := <-batches:
			retried = false
			attempt(union(carry, batch))
		case <-retry:
			retry = nil
			attempt(carry)
		case <-ctx.Done():
			return
		}
	}
}

// once runs one build and publishes its site.
func (b *rebuilder) once(ctx context.Context, changed []string) error {
	if b.s.cur.Load().site == nil {
		changed = nil // nothing built yet: build everything
	}
	m, err := b.safeBuild(ctx, changed)
	if err != nil {
		return err
	}
	if m == nil {
		return errors.New("serve: the builder returned no site")
	}
	b.s.publish(m)
	b.log.Info("built", "files", m.Len(), "changed", len(changed))
	return nil
}

// safeBuild calls the builder, turning a panic into an error so that a bug
// in a template function does not stop the server.
func (b *rebuilder) safeBuild(ctx context.Context, changed []string) (m *site.Memory, err error) {
	defer func() {
		if r := recover(); r != nil {
			b.log.Error("builder panicked", "panic", r, "stack", string(debug.Stack()))
			m, err = nil, fmt.Errorf("serve: build panicked: %v", r)
		}
	}()
	return b.build(ctx, changed)
}

// transient reports whether err looks like a file read while being written
// or replaced: missing, locked, cut short, or not yet a valid zip (xlsx).
func transient(err error) bool {
	for _, t := range []error{fs.ErrNotExist, fs.ErrPermission, io.ErrUnexpectedEOF, zip.ErrFormat, zip.ErrChecksum} {
		if errors.Is(err, t) {
			return true
		}
	}
	return false
}

// union returns the sorted paths of a and b without duplicates.
func union(a, b []string) []string {
	set := map[string]bool{}
	for _, p := range a {
		set[p] = true
	}
	for _, p := range b {
		set[p] = true
	}
	return slices.Sorted(maps.Keys(set))
}

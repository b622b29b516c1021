package serve

import (
	"crypto/rand"
	"encoding/hex"
	"strconv"
	"sync"
	"sync/atomic"

	"github.com/opsalign/opsalign/generator/site"
)

// state is what the server shows. A new state replaces the old one whole,
// so a request never sees half a build.
type state struct {
	site *site.Memory // the last good build; nil until one succeeds
	gen  uint64       // the number of good builds so far
	err  string       // why the latest build failed; "" if it succeeded
}

// server holds the current state and the open event streams.
type server struct {
	o         Options
	cur       atomic.Pointer[state]
	hub       hub
	done      chan struct{} // closed at shutdown: ends event streams
	closeOnce sync.Once
	instance  string       // this run of serve and a dot, leading its build tags
	streams   atomic.Int64 // event streams open
}

func newServer(o Options) *server {
	s := &server{o: o, done: make(chan struct{})}
	if !o.noInstance {
		s.instance = newInstance() + "."
	}
	s.cur.Store(&state{})
	return s
}

// newInstance returns a random name for one run of serve: a page served
// by an earlier run carries another, so it reloads on the first event of
// this one even when the build numbers meet.
func newInstance() string {
	var b [6]byte
	rand.Read(b[:]) // never fails (crypto/rand)
	return hex.EncodeToString(b[:])
}

// tag names build gen of this server, as the reload snippet compares it.
func (s *server) tag(gen uint64) string {
	return s.instance + strconv.FormatUint(gen, 10)
}

// publish makes m the served site. Only the rebuilder calls it.
func (s *server) publish(m *site.Memory) {
	old := s.cur.Load()
	s.cur.Store(&state{site: m, gen: old.gen + 1})
	s.hub.notify()
}

// fail records a failed build; the last good site stays served.
func (s *server) fail(err error) {
	old := s.cur.Load()
	s.cur.Store(&state{site: old.site, gen: old.gen, err: err.Error()})
	s.hub.notify()
}

func (s *server) close() { s.closeOnce.Do(func() { close(s.done) }) }

// hub wakes every open event stream when the state changes. A wake-up
// carries no message: each stream compares the state with what it last
// sent, so a slow stream skips states but never misses the latest one.
type hub struct {
	mu   sync.Mutex
	subs map[chan struct{}]bool
}

// subscribe returns a channel that receives after every change, and the
// function that ends the subscription.
func (h *hub) subscribe() (<-chan struct{}, func()) {
	c := make(chan struct{}, 1)
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.subs == nil {
		h.subs = map[chan struct{}]bool{}
	}
	h.subs[c] = true
	return c, func() {
		h.mu.Lock()
		defer h.mu.Unlock()
		delete(h.subs, c)
	}
}

func (h *hub) notify() {
	h.mu.Lock()
	defer h.mu.Unlock()
	for c := range h.subs {
		select {
		case c <- struct{}{}:
		default: // already has a wake-up pending
		}
	}
}

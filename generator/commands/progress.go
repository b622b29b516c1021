package commands

import (
	"fmt"
	"io"
)

// progress shows which stage long work is in, on one line of a terminal
// rewritten in place and cleared when the work ends (outputs.md: long work
// shows progress on a terminal and stays quiet when output is not one).
// It writes nothing unless o.Terminal is set and o.Quiet is not.
type progress struct {
	w     io.Writer
	shown bool
}

// newProgress returns the progress line of o, or nil when none is shown.
func newProgress(o Options) *progress {
	if !o.Terminal || o.Quiet || o.Stderr == nil {
		return nil
	}
	return &progress{w: o.Stderr}
}

// stage shows the stage that begins. It may be called on nil.
func (p *progress) stage(s string) {
	if p == nil {
		return
	}
	fmt.Fprintf(p.w, "\r\x1b[K%s…", s)
	p.shown = true
}

// done clears the progress line. It may be called on nil.
func (p *progress) done() {
	if p == nil || !p.shown {
		return
	}
	fmt.Fprint(p.w, "\r\x1b[K")
	p.shown = false
}

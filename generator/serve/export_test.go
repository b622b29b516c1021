package serve

import "testing"

// NewFakeSite gives the external benchmark the fake site of the tests: a
// function writing one of its files, the Options watching it, and its
// incremental Builder.
func NewFakeSite(tb testing.TB) (write func(rel, content string), o Options, build Builder) {
	f := newFakeSite(tb)
	return func(rel, s string) { f.write(tb, rel, s) }, f.options(), f.build
}

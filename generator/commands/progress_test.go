package commands

import (
	"bytes"
	"context"
	"testing"
)

// TestProgress: on a terminal, build and check show their stages on one
// line and clear it; off a terminal or with --quiet they print nothing
// to stderr.
func TestProgress(t *testing.T) {
	const (
		reading   = "\r\x1b[KReading spreadsheets…"
		rendering = "\r\x1b[KRendering pages…"
		clear     = "\r\x1b[K"
	)
	tests := []struct {
		name            string
		terminal, quiet bool
		build, check    string
	}{
		{"terminal", true, false, reading + rendering + clear, reading + clear},
		{"not a terminal", false, false, "", ""},
		{"quiet", true, true, "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, o, _ := newSite(t)
			var stderr bytes.Buffer
			o.Stderr, o.Terminal, o.Quiet = &stderr, tc.terminal, tc.quiet
			if _, _, err := Build(context.Background(), o); err != nil {
				t.Fatal(err)
			}
			if stderr.String() != tc.build {
				t.Errorf("build writes %q to stderr, want %q", stderr.String(), tc.build)
			}
			stderr.Reset()
			if err := Check(context.Background(), o, true); err != nil {
				t.Fatal(err)
			}
			if stderr.String() != tc.check {
				t.Errorf("check writes %q to stderr, want %q", stderr.String(), tc.check)
			}
		})
	}
}

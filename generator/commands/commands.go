// Package commands implements the opsalign subcommands — check, build,
// serve, close, new, version — on top of the pipeline. cmd/opsalign only
// parses flags into Options and calls one of them.
package commands

import (
	"encoding/json"
	"io"
	"log/slog"
	"time"
)

// Options are the flags common to every command.
type Options struct {
	Config   string    // config file path; "" means opsalign.toml in the current folder
	AsOf     time.Time // --as-of; zero when not given
	Strict   bool      // any error-level issue fails the command
	Quiet    bool
	Appendix bool // build --appendix: the board pack carries its appendix
	Terminal bool // stderr is a terminal: progress may be shown there
	Stdout   io.Writer
	Stderr   io.Writer
	Logger   *slog.Logger
	Version  string
}

func (o Options) configPath() (string, bool) {
	if o.Config == "" {
		return "opsalign.toml", false
	}
	return o.Config, true
}

// writeJSON writes v as the site's data/scorecard.json is written:
// compact, ending in a newline (export.JSON).
func writeJSON(w io.Writer, v any) error {
	return json.NewEncoder(w).Encode(v)
}

// UsageError is an error in the command line itself, such as a PERIOD
// that is not a quarter: the command exits with status 2, not 1.
type UsageError struct{ Err error }

func (e *UsageError) Error() string { return e.Err.Error() }

func (e *UsageError) Unwrap() error { return e.Err }

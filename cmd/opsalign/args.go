package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/opsalign/opsalign/generator/browser"
	"github.com/opsalign/opsalign/generator/commands"
)

// invocation is a parsed command line.
type invocation struct {
	cmd    string
	pos    []string // positional arguments: PERIOD of close, DIR of new
	o      commands.Options
	asJSON bool // check --json
	more   moreFlags
}

// parseArgs parses the command line. When it returns ok false the command
// must not run and code is the exit status (usage and -h have been
// written to stderr).
func parseArgs(args []string, stderr io.Writer) (inv invocation, code int, ok bool) {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "-help" || args[0] == "help" {
		fmt.Fprint(stderr, usage)
		if len(args) == 0 {
			return inv, exitUsage, false
		}
		return inv, exitOK, false
	}
	args = commandFirst(args)
	cmd, args := args[0], args[1:]
	if cmd == "--version" || cmd == "-version" {
		cmd = "version"
	}
	inv.cmd = cmd
	fs := flag.NewFlagSet("opsalign "+cmd, flag.ContinueOnError)
	fs.SetOutput(stderr)
	var asOf string
	fs.StringVar(&inv.o.Config, "config", "", "site config `file` (default opsalign.toml)")
	fs.StringVar(&asOf, "as-of", "", "override as_of (`YYYY-MM-DD`)")
	fs.BoolVar(&inv.o.Strict, "strict", false, "fail on any error-level issue in the data")
	fs.BoolVar(&inv.o.Quiet, "quiet", false, "print only what matters")
	m := &inv.more
	switch cmd {
	case "check":
		fs.BoolVar(&inv.asJSON, "json", false, "print the scorecard JSON")
	case "build":
		fs.BoolVar(&m.pdf, "pdf", false, "also write board-pack.pdf with a local Chromium or Chrome")
		fs.StringVar(&m.paper, "paper", "a4", "board pack PDF paper: a4 or letter (landscape)")
		fs.BoolVar(&inv.o.Appendix, "appendix", false, "add the board pack's appendix (full exception lists, per-unit tables)")
	case "serve":
		fs.StringVar(&m.bind, "bind", "127.0.0.1", "address to listen on")
		fs.IntVar(&m.port, "port", 1414, "port to listen on")
		fs.DurationVar(&m.poll, "poll", 0, "poll for changes at this interval (network shares) instead of file events")
		fs.Func("allow-host", "also answer requests for host `NAME` (a shared review box; repeat for more)", func(v string) error {
			if v == "" || strings.ContainsAny(v, "/:@ ") && !strings.HasPrefix(v, "[") {
				return fmt.Errorf("want a host name such as review.example.com")
			}
			m.allowHosts = append(m.allowHosts, v)
			return nil
		})
	case "close":
		fs.BoolVar(&m.force, "force", false, "close the quarter again, replacing its history")
	case "new", "version":
	default:
		fmt.Fprintf(stderr, "opsalign: unknown command %q\n\n%s", cmd, usage)
		return inv, exitUsage, false
	}
	pos, err := parseInterspersed(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		return inv, exitOK, false
	}
	if err != nil {
		return inv, exitUsage, false
	}
	inv.pos = pos
	if asOf != "" {
		t, err := time.Parse("2006-01-02", asOf)
		if err != nil {
			fmt.Fprintf(stderr, "opsalign: --as-of %q: want a date like 2026-09-30\n", asOf)
			return inv, exitUsage, false
		}
		inv.o.AsOf = t
	}
	if _, err := browser.PaperByName(m.paper); cmd == "build" && err != nil {
		fmt.Fprintf(stderr, "opsalign build: --paper: %v\n", err)
		return inv, exitUsage, false
	}
	if cmd == "serve" && (m.port < 0 || m.port > 65535) {
		fmt.Fprintf(stderr, "opsalign serve: --port %d: want a port from 0 to 65535\n", m.port)
		return inv, exitUsage, false
	}
	if cmd == "serve" && m.poll < 0 {
		fmt.Fprintf(stderr, "opsalign serve: --poll %s: want a positive interval such as 2s\n", m.poll)
		return inv, exitUsage, false
	}
	wantArgs := map[string]int{"close": 1, "new": 1}[cmd]
	if len(pos) != wantArgs {
		fmt.Fprintf(stderr, "opsalign %s: want %d argument(s), got %d\n\n%s", cmd, wantArgs, len(pos), usage)
		return inv, exitUsage, false
	}
	return inv, exitOK, true
}

// valueFlags are the common flags that take a value.
var valueFlags = map[string]bool{"config": true, "as-of": true}

// commandFirst moves the command name to the front when common flags
// stand before it (opsalign --config site/opsalign.toml build).
func commandFirst(args []string) []string {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			return args
		}
		if !strings.HasPrefix(a, "-") || a == "-" {
			if i == 0 {
				return args
			}
			out := append([]string{a}, args[:i]...)
			return append(out, args[i+1:]...)
		}
		if name := strings.TrimLeft(a, "-"); valueFlags[name] {
			i++ // its value follows
		}
	}
	return args
}

// parseInterspersed parses flags that may stand before or after the
// positional arguments (opsalign close 2026-Q3 --force).
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// Command opsalign builds the operations & IT alignment report site from a
// folder of finance spreadsheets. See README.md for the manual.
//
//	opsalign build|serve|check|close PERIOD|new DIR|version [flags]
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/opsalign/opsalign/generator/chrome"
	"github.com/opsalign/opsalign/generator/commands"
	"github.com/opsalign/opsalign/generator/console"
)

// version is set at link time (-ldflags "-X main.version=…").
var version = "dev"

const usage = `usage: opsalign <command> [flags]

commands:
  build            read, score, render and publish the site into output_dir
  serve            build in memory, serve on 127.0.0.1:1414 and reload on every save
  check            read and score; print issues and the headline; write nothing
  close PERIOD     freeze a finished quarter (e.g. 2026-Q3) into history/PERIOD/
  new DIR          create a new site folder with config, narrative and spreadsheet templates
  version          print the version and dependency versions

common flags:
  --config FILE    site config (default opsalign.toml in the current folder)
  --as-of DATE     override as_of (YYYY-MM-DD)
  --strict         any error-level issue in the data fails the command
  --quiet          print only what matters

Run 'opsalign <command> -h' for the flags of one command.
`

// exit codes of outputs.md.
const (
	exitOK    = 0
	exitFail  = 1
	exitUsage = 2
)

func main() {
	setMemoryLimit()
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprint(stderr, usage)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	cmd, args := args[0], args[1:]
	fs := flag.NewFlagSet("opsalign "+cmd, flag.ContinueOnError)
	fs.SetOutput(stderr)
	o := commands.Options{Stdout: stdout, Stderr: stderr, Version: version}
	var asOf string
	fs.StringVar(&o.Config, "config", "", "site config `file` (default opsalign.toml)")
	fs.StringVar(&asOf, "as-of", "", "override as_of (`YYYY-MM-DD`)")
	fs.BoolVar(&o.Strict, "strict", false, "fail on any error-level issue in the data")
	fs.BoolVar(&o.Quiet, "quiet", false, "print only what matters")
	var (
		asJSON, pdf, force bool
		paper, bind        string
		port               int
		poll               time.Duration
	)
	switch cmd {
	case "check":
		fs.BoolVar(&asJSON, "json", false, "print the scorecard JSON")
	case "build":
		fs.BoolVar(&pdf, "pdf", false, "also write board-pack.pdf with a local Chromium or Chrome")
		fs.StringVar(&paper, "paper", "a4", "board pack PDF paper: a4 or letter (landscape)")
	case "serve":
		fs.StringVar(&bind, "bind", "127.0.0.1", "address to listen on")
		fs.IntVar(&port, "port", 1414, "port to listen on")
		fs.DurationVar(&poll, "poll", 0, "poll for changes at this interval (network shares) instead of file events")
	case "close":
		fs.BoolVar(&force, "force", false, "close the quarter again, replacing its history")
	case "new", "version":
	default:
		fmt.Fprintf(stderr, "opsalign: unknown command %q\n\n%s", cmd, usage)
		return exitUsage
	}
	pos, err := parseInterspersed(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	if err != nil {
		return exitUsage
	}
	if asOf != "" {
		t, err := time.Parse("2006-01-02", asOf)
		if err != nil {
			fmt.Fprintf(stderr, "opsalign: --as-of %q: want a date like 2026-09-30\n", asOf)
			return exitUsage
		}
		o.AsOf = t
	}
	if _, err := chrome.PaperByName(paper); cmd == "build" && err != nil {
		fmt.Fprintf(stderr, "opsalign build: --paper: %v\n", err)
		return exitUsage
	}
	wantArgs := map[string]int{"close": 1, "new": 1}[cmd]
	if len(pos) != wantArgs {
		fmt.Fprintf(stderr, "opsalign %s: want %d argument(s), got %d\n\n%s", cmd, wantArgs, len(pos), usage)
		return exitUsage
	}
	level := slog.LevelInfo
	if o.Quiet {
		level = slog.LevelWarn
	}
	o.Logger = slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: level}))
	o.Terminal = isTerminal(stdout)

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	switch cmd {
	case "check":
		err = commands.Check(ctx, o, asJSON)
	case "version":
		err = commands.Version(o)
	default:
		err = runMore(ctx, cmd, o, pos, moreFlags{pdf: pdf, paper: paper, bind: bind, port: port, poll: poll, force: force})
	}
	if err != nil {
		for _, line := range strings.Split(err.Error(), "\n") { // errors.Join: one file a line
			fmt.Fprintf(stderr, "opsalign %s: %s\n", cmd, console.Safe(line))
		}
		return exitFail
	}
	return exitOK
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

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

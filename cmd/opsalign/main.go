// Command opsalign builds the operations & IT alignment report site from a
// folder of finance spreadsheets. See README.md for the manual.
//
//	opsalign build|serve|check|close PERIOD|new DIR|version [flags]
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/opsalign/opsalign/generator/commands"
	"github.com/opsalign/opsalign/generator/console"
	"github.com/opsalign/opsalign/internal/supervise"
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
	args := os.Args[1:]
	child, tty := supervise.Child()
	if !child {
		// The work runs in a child process, so that running out of
		// memory ends with one line and exit status 1 (internal/supervise).
		code, ran := supervise.Run(supervise.Options{Args: args, Name: commandName(args),
			Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, StderrTerminal: isTerminal(os.Stderr)})
		if ran {
			os.Exit(code)
		}
	}
	setMemoryLimit()
	os.Exit(runOn(args, os.Stdout, os.Stderr, tty || isTerminal(os.Stderr)))
}

// commandName names the command of args as messages do ("opsalign build").
func commandName(args []string) string {
	if len(args) > 0 {
		if c := commandFirst(args)[0]; !strings.HasPrefix(c, "-") {
			return "opsalign " + console.Safe(c)
		}
	}
	return "opsalign"
}

func run(args []string, stdout, stderr io.Writer) int {
	return runOn(args, stdout, stderr, isTerminal(stderr))
}

// runOn runs the command line; terminal says whether stderr is a
// terminal (progress is shown there).
func runOn(args []string, stdout, stderr io.Writer, terminal bool) int {
	inv, code, ok := parseArgs(args, stderr)
	if !ok {
		return code
	}
	o := inv.o
	o.Stdout, o.Stderr, o.Version = stdout, stderr, version
	level := slog.LevelInfo
	if o.Quiet {
		level = slog.LevelWarn
	}
	o.Logger = slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: level}))
	o.Terminal = terminal

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	var err error
	switch inv.cmd {
	case "check":
		err = commands.Check(ctx, o, inv.asJSON)
	case "version":
		err = commands.Version(o)
	default:
		err = runMore(ctx, inv.cmd, o, inv.pos, inv.more)
	}
	if err != nil {
		for _, line := range strings.Split(err.Error(), "\n") { // errors.Join: one file a line
			fmt.Fprintf(stderr, "opsalign %s: %s\n", inv.cmd, console.Safe(line))
		}
		if errors.As(err, new(*commands.UsageError)) {
			return exitUsage
		}
		return exitFail
	}
	return exitOK
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

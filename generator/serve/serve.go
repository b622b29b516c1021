// Package serve implements `opsalign serve`: it builds a site in memory,
// serves it over HTTP, watches the site's sources, rebuilds when they change
// and reloads open browsers through Server-Sent Events.
//
// The package never writes to disk. It knows nothing about how a site is
// built: Run is given a Builder, and calls it once at start and again with
// the paths that changed after every burst of saves.
//
// Besides the site's own files the server answers /_opsalign/events (the
// live-reload stream its injected script listens to) and /_opsalign/names
// (the names narrative can use). HTML responses get that script before
// </body>; the built site itself never contains it.
//
// The draft holds unreleased figures, so the server answers only requests
// for its own address (no other site can read it through DNS rebinding),
// refuses to be framed, refuses cross-site requests to /_opsalign/, and
// bounds what a client can hold: open streams, open connections, and the
// time to take each part of a response.
package serve

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"path/filepath"
	"strconv"
	"sync"
	"time"

	"github.com/opsalign/opsalign/generator/site"
	"golang.org/x/net/netutil"
)

// Defaults for the zero values of Options.
const (
	// DefaultBind is the address served when Options.Bind is empty.
	DefaultBind = "127.0.0.1"
	// DefaultPort is the port the CLI passes by default. Options.Port 0
	// means any free port, so the CLI must pass DefaultPort itself.
	DefaultPort = 1414
	// DefaultDebounce is the quiet period when Options.Debounce is zero.
	DefaultDebounce = 30 * time.Millisecond
)

// Builder builds the site in memory. changed lists the absolute paths that
// changed since the last successful call; it is nil on the first call and
// on every call until one succeeds, meaning "build everything". A changed
// path may be a folder (created, removed or renamed), meaning anything under
// it may have changed, or a path that no longer exists. Calls are
// serialized. The builder should return soon after ctx is cancelled.
//
// The returned site is served as it is, concurrently: the builder must not
// change it afterwards. An error's text is shown to the person editing, so
// it should name the file and line or cell. An error wrapping
// fs.ErrNotExist, fs.ErrPermission, io.ErrUnexpectedEOF or zip.ErrFormat (a
// file caught in the middle of a save) is retried once after 250 ms before
// it is shown.
type Builder func(ctx context.Context, changed []string) (*site.Memory, error)

// Options configures Run.
type Options struct {
	// Bind is the address to listen on; empty means DefaultBind.
	Bind string
	// Port is the TCP port; 0 means any free port.
	Port int
	// Poll, when positive, polls the watched paths at this interval
	// instead of using file-system notifications (SMB, NFS, WSL mounts).
	Poll time.Duration
	// Watch lists the folders (watched recursively) and files (such as the
	// config file) whose changes trigger a rebuild. A folder that does not
	// exist yet is watched for from its parent.
	Watch []string
	// Ignore lists folders never watched nor reacted to (the output folder).
	Ignore []string
	// Debounce is the quiet period after the last change before a rebuild;
	// zero means DefaultDebounce.
	Debounce time.Duration
	// Logger receives progress and errors; nil discards them.
	Logger *slog.Logger
	// Ready, if set, is called once with the site's URL after the server
	// listens and the first build has finished (successfully or not).
	Ready func(url string)
	// Names, if set, lists the names usable in narrative ({{ figure "x" }},
	// {{ chart "y" }}); they are shown at /_opsalign/names. It is called
	// from request handlers, concurrently with builds.
	Names func() []string
	// AllowHosts lists host names besides the bound address under which
	// the site may be asked for (a shared review box's name). Requests
	// naming any other host are refused (see guard).
	AllowHosts []string

	// noInstance (tests only) leaves this run's instance out of build
	// tags, so that they are the build numbers alone.
	noInstance bool
	// limits (tests only) replaces defaultLimits.
	limits limits
}

// limits bound what clients can hold of the server.
type limits struct {
	// streams is the number of live-reload streams open at once; more are
	// answered 503 (a browser keeps one per visible tab).
	streams int
	// conns is the number of connections open at once; more wait to be
	// accepted.
	conns int
	// stall is how long a client may take to accept the next part of a
	// response (writeChunk bytes) before its connection is dropped.
	stall time.Duration
}

// defaultLimits are the limits of a server.
var defaultLimits = limits{streams: 64, conns: 256, stall: 10 * time.Second}

// writeChunk is the part of a response a client must accept within
// limits.stall: a client reading slower than 64 KB in 10 s is dropped.
const writeChunk = 64 << 10

func (o Options) withDefaults() Options {
	if o.Bind == "" {
		o.Bind = DefaultBind
	}
	if o.Debounce <= 0 {
		o.Debounce = DefaultDebounce
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.limits == (limits{}) {
		o.limits = defaultLimits
	}
	return o
}

// fallbackPoll is the polling interval used when file notifications cannot
// be set up.
const fallbackPoll = time.Second

// shutdownGrace bounds how long Run waits for open requests at shutdown.
const shutdownGrace = 5 * time.Second

// Run builds once, serves, watches and rebuilds until ctx is cancelled
// (Ctrl-C), then stops watching, closes the event streams, shuts the HTTP
// server down and returns nil. It returns an error if it cannot start (a
// busy port, a watched path it cannot read). When file notifications cannot
// be set up (out of inotify watches) it warns and polls every second.
// Ready must not block: builds wait for it.
func Run(ctx context.Context, o Options, build Builder) error {
	if build == nil {
		return errors.New("serve: nil Builder")
	}
	o = o.withDefaults()
	f, err := newFilter(o.Watch, o.Ignore)
	if err != nil {
		return err
	}
	ln, err := listen(ctx, o.Bind, o.Port)
	if err != nil {
		return err
	}
	port := ln.Addr().(*net.TCPAddr).Port
	url := "http://" + net.JoinHostPort(o.Bind, strconv.Itoa(port)) + "/"
	if !isLoopback(o.Bind) {
		o.Logger.Warn("serving to the network: anyone who can reach this machine can read the draft and its unreleased figures at "+url+
			"; serve on 127.0.0.1 (the default) unless that is meant", "bind", o.Bind)
	}
	ln = netutil.LimitListener(ln, o.limits.conns)

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	paths := make(chan string)
	var w watcher
	if o.Poll > 0 {
		w = newPoller(f, o.Poll)
	} else if w, err = newFSWatcher(f, o.Logger); err != nil {
		// Out of inotify watches, or a file system without notifications.
		o.Logger.Warn("file notifications unavailable: polling instead (set --poll to choose the interval)", "err", err, "every", fallbackPoll)
		w = newPoller(f, fallbackPoll)
	}

	s := newServer(o)
	srv := &http.Server{
		Handler:           newGuard(s.routes(), o.Bind, port, o.AllowHosts),
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(o.Logger.Handler(), slog.LevelWarn),
	}

	var wg sync.WaitGroup
	batches := make(chan []string)
	wg.Go(func() { w.run(ctx, paths) })
	wg.Go(func() { debounce(ctx, o.Debounce, max(maxWait, 10*o.Debounce), paths, batches) })
	serveErr := make(chan error, 1)
	wg.Go(func() { serveErr <- srv.Serve(ln) })
	wg.Go(func() {
		b := &rebuilder{s: s, build: build, log: o.Logger}
		b.loop(ctx, batches, func() {
			o.Logger.Info("serving", "url", url)
			if o.Ready != nil {
				o.Ready(url)
			}
		})
	})

	var runErr error
	select {
	case <-ctx.Done():
	case err := <-serveErr:
		runErr = fmt.Errorf("serve: %w", err)
	}
	cancel()
	s.close() // ends event streams, so Shutdown does not wait for them
	sctx, scancel := context.WithTimeout(context.WithoutCancel(ctx), shutdownGrace)
	defer scancel()
	if err := srv.Shutdown(sctx); err != nil {
		srv.Close()
	}
	wg.Wait()
	return runErr
}

// absAll returns the cleaned absolute form of every path.
func absAll(ps []string) ([]string, error) {
	out := make([]string, 0, len(ps))
	for _, p := range ps {
		a, err := filepath.Abs(p)
		if err != nil {
			return nil, fmt.Errorf("serve: %s: %w", p, err)
		}
		out = append(out, a)
	}
	return out, nil
}

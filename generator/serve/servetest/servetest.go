// Package servetest measures `opsalign serve` as a person feels it: the
// time from saving a file to the page in the browser showing the change.
//
// A Session runs serve.Run on any Builder (a fake one, or the real
// pipeline) and follows the live-reload event stream the way the injected
// script does; Save makes one edit and waits until a fetch of the page,
// made after a reload event, shows it.
//
//	s, err := servetest.Start(ctx, opts, build)
//	defer s.Close()
//	for b.Loop() {
//		d, err := s.Save("index.html", edit)
//		lat = append(lat, d)
//	}
//	servetest.Report(b, lat)
package servetest

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/opsalign/opsalign/generator/serve"
)

// Session is a running server and an open event stream.
type Session struct {
	ctx     context.Context
	stop    context.CancelFunc
	done    chan error
	url     string
	reloads chan string
	client  *http.Client
}

// Start runs serve.Run with o (its Ready is replaced) and build, waits for
// the first build and connects to the event stream. ctx bounds the whole
// session, every wait included.
func Start(ctx context.Context, o serve.Options, build serve.Builder) (*Session, error) {
	ctx, stop := context.WithCancel(ctx)
	s := &Session{ctx: ctx, stop: stop, done: make(chan error, 1), reloads: make(chan string, 1024), client: &http.Client{}}
	urls := make(chan string, 1)
	o.Ready = func(u string) { urls <- u }
	go func() { s.done <- serve.Run(ctx, o, build) }()
	select {
	case s.url = <-urls:
	case err := <-s.done:
		stop()
		return nil, fmt.Errorf("servetest: serve stopped before ready: %w", err)
	case <-ctx.Done():
		return nil, fmt.Errorf("servetest: waiting for the first build: %w", ctx.Err())
	}
	req, err := http.NewRequestWithContext(ctx, "GET", s.url+"_opsalign/events", nil)
	if err != nil {
		s.Close()
		return nil, err
	}
	resp, err := s.client.Do(req)
	if err != nil {
		s.Close()
		return nil, fmt.Errorf("servetest: event stream: %w", err)
	}
	go s.follow(resp.Body)
	return s, nil
}

// follow reads the event stream and passes on the data of reload events.
func (s *Session) follow(body io.ReadCloser) {
	defer body.Close()
	defer close(s.reloads)
	sc := bufio.NewScanner(body)
	name := ""
	for sc.Scan() {
		line := sc.Text()
		switch {
		case line == "":
			name = ""
		case strings.HasPrefix(line, "event: "):
			name = line[len("event: "):]
		case strings.HasPrefix(line, "data: ") && name == "reload":
			select {
			case s.reloads <- line[len("data: "):]:
			case <-s.ctx.Done():
				return
			}
		}
	}
}

// URL returns the site's address, ending in a slash.
func (s *Session) URL() string { return s.url }

// Save calls edit, which saves a change and returns text that the page at
// path (relative to the site root, "" for the home page) holds once the
// change is served, then waits for the page to show it: after each reload
// event it fetches the page, as a browser does. It returns the time from
// the call of edit to the fetch that showed the change. With want "" the
// first reload after the edit ends the wait; let the previous build finish
// first (a Save with a visible change does), or its reload may be taken
// for this one.
func (s *Session) Save(path string, edit func() (want string, err error)) (time.Duration, error) {
	s.drain() // reloads of earlier builds say nothing about this edit
	start := time.Now()
	want, err := edit()
	if err != nil {
		return 0, fmt.Errorf("servetest: edit: %w", err)
	}
	for {
		select {
		case _, ok := <-s.reloads:
			if !ok {
				return 0, errors.New("servetest: event stream closed")
			}
		case <-s.ctx.Done():
			return 0, fmt.Errorf("servetest: waiting for %q on /%s: %w", want, path, s.ctx.Err())
		}
		body, err := s.Get(path)
		if err != nil {
			return 0, err
		}
		if strings.Contains(body, want) {
			return time.Since(start), nil
		}
	}
}

// drain drops the reload events already received.
func (s *Session) drain() {
	for {
		select {
		case <-s.reloads:
		default:
			return
		}
	}
}

// Get fetches a page of the site.
func (s *Session) Get(path string) (string, error) {
	req, err := http.NewRequestWithContext(s.ctx, "GET", s.url+path, nil)
	if err != nil {
		return "", err
	}
	resp, err := s.client.Do(req)
	if err != nil {
		return "", fmt.Errorf("servetest: %w", err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return "", fmt.Errorf("servetest: /%s: %w", path, err)
	}
	return string(b), nil
}

// Close stops the server and returns what serve.Run returned.
func (s *Session) Close() error {
	s.stop()
	err := <-s.done
	s.client.CloseIdleConnections()
	return err
}

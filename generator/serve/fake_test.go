package serve

import (
	"archive/zip"
	"bufio"
	"context"
	"errors"
	"fmt"
	"html"
	"io/fs"
	"maps"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/opsalign/opsalign/generator/site"
)

// fakeSite is a site folder and a Builder for it that stands in for the
// pipeline:
//
//	opsalign.toml       its first line is the title
//	content/**/*.md     one page each, rendered through layouts/page.html
//	data/*.csv          the "spreadsheets": their lines are listed on index.html
//	data/*.xlsx         the same, but a file not ending in END is half-written
//	layouts/page.html   "{{title}}" and "{{body}}" are replaced
//	themes/default/**   copied to assets/ (the folder is not there at start)
//	public/             the output folder, ignored
//
// A page or config holding BROKEN fails the build with a positioned error.
type fakeSite struct {
	dir   string
	mu    sync.Mutex
	calls [][]string
	cache map[string][]byte // path → content of every file read
}

func newFakeSite(t testing.TB) *fakeSite {
	t.Helper()
	f := &fakeSite{dir: t.TempDir()}
	f.write(t, "opsalign.toml", "Ops")
	f.write(t, "content/_index.md", "welcome")
	f.write(t, "data/actuals.csv", "id,amount\nINI-001,10")
	f.write(t, "layouts/page.html", "<!doctype html><html><head><title>{{title}}</title></head><body><main>{{body}}</main></body></html>")
	if err := os.Mkdir(f.path("public"), 0o755); err != nil {
		t.Fatal(err)
	}
	return f
}

func (f *fakeSite) path(rel string) string { return filepath.Join(f.dir, filepath.FromSlash(rel)) }

// write writes a file of the site, making its folder.
func (f *fakeSite) write(t testing.TB, rel, s string) {
	t.Helper()
	p := f.path(rel)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

// options watches the site the way the CLI will.
func (f *fakeSite) options() Options {
	return Options{
		Port:   0,
		Watch:  []string{f.path("opsalign.toml"), f.path("content"), f.path("data"), f.path("layouts"), f.path("themes/default")},
		Ignore: []string{f.path("public")},
		// Build tags are the build numbers alone, as the tests expect.
		noInstance: true,
	}
}

// callsSince returns the changed paths of the builds after the first n,
// relative to the site folder.
func (f *fakeSite) callsSince(n int) [][]string {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out [][]string
	for _, c := range f.calls[n:] {
		var rel []string
		for _, p := range c {
			r, _ := filepath.Rel(f.dir, p)
			rel = append(rel, filepath.ToSlash(r))
		}
		out = append(out, rel)
	}
	return out
}

func (f *fakeSite) ncalls() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.calls)
}

// build re-reads only the changed paths, as the pipeline does, so a change
// the server fails to report leaves the page stale and the test fails.
func (f *fakeSite) build(ctx context.Context, changed []string) (*site.Memory, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, changed)
	if changed == nil || f.cache == nil {
		f.cache = map[string][]byte{}
		changed = []string{f.dir}
	}
	for _, p := range changed {
		if err := f.reread(p); err != nil {
			return nil, err
		}
	}
	return f.render()
}

// reread refreshes the cache at p: a file, a folder or a path now gone.
func (f *fakeSite) reread(p string) error {
	for c := range f.cache {
		if _, ok := under(p, c); ok {
			delete(f.cache, c)
		}
	}
	return filepath.WalkDir(p, func(q string, d fs.DirEntry, err error) error {
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		if err != nil || d.IsDir() || ignoredName(d.Name()) {
			return err
		}
		b, err := os.ReadFile(q)
		if err != nil {
			return err
		}
		f.cache[q] = b
		return nil
	})
}

// render builds the site from the cache.
func (f *fakeSite) render() (*site.Memory, error) {
	title, ok := f.cache[f.path("opsalign.toml")]
	if !ok {
		return nil, errors.New("opsalign.toml: missing")
	}
	if i := strings.Index(string(title), "BROKEN"); i >= 0 {
		return nil, fmt.Errorf("opsalign.toml:1:%d: %s", i+1, title)
	}
	layout, ok := f.cache[f.path("layouts/page.html")]
	if !ok {
		return nil, errors.New("layouts/page.html: missing")
	}
	m := site.NewMemory()
	page := func(name, body string) error {
		s := strings.ReplaceAll(string(layout), "{{title}}", html.EscapeString(string(title)))
		return m.Put(name, []byte(strings.ReplaceAll(s, "{{body}}", body)))
	}
	var rows []string
	for p, b := range f.cache {
		rel, ok := under(f.path("data"), p)
		switch {
		case !ok:
		case filepath.Ext(rel) == ".csv":
			rows = append(rows, strings.Split(string(b), "\n")...)
		case filepath.Ext(rel) == ".xlsx": // complete when it ends in END, as a zip ends in its directory
			body, complete := strings.CutSuffix(string(b), "END")
			if !complete {
				return nil, fmt.Errorf("data/%s: %w", rel, zip.ErrFormat)
			}
			rows = append(rows, strings.Split(body, "\n")...)
		}
	}
	slices.Sort(rows)
	for _, p := range slices.Sorted(maps.Keys(f.cache)) {
		if rel, ok := under(f.path("themes/default"), p); ok {
			if err := m.Put("assets/"+filepath.ToSlash(rel), f.cache[p]); err != nil {
				return nil, err
			}
		}
	}
	for _, p := range slices.Sorted(maps.Keys(f.cache)) {
		rel, ok := under(f.path("content"), p)
		if !ok || filepath.Ext(rel) != ".md" {
			continue
		}
		rel = filepath.ToSlash(rel)
		b := f.cache[p]
		if i := strings.Index(string(b), "BROKEN"); i >= 0 {
			return nil, fmt.Errorf("content/%s:1:%d: unknown figure %q", rel, i+1, b)
		}
		body := "<p>" + html.EscapeString(string(b)) + "</p>"
		name := strings.TrimSuffix(rel, ".md") + ".html"
		if rel == "_index.md" {
			name = "index.html"
			body += "<ul>"
			for _, row := range rows {
				body += "<li>" + html.EscapeString(row) + "</li>"
			}
			body += "</ul>"
		}
		if err := page(name, body); err != nil {
			return nil, err
		}
	}
	return m, nil
}

// event is one Server-Sent Event.
type event struct{ name, data string }

// running is a server started on a fakeSite, with an open event stream.
type running struct {
	t      testing.TB
	f      *fakeSite
	ctx    context.Context // bounds every wait: a broken test fails, not hangs
	url    string
	events chan event
	stop   func() error // cancels Run and returns its error
}

// start runs the server on f; the test's deadline for hangs is 60 s.
func start(t testing.TB, f *fakeSite, o Options) *running {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	runCtx, stopRun := context.WithCancel(ctx)
	urls := make(chan string, 1)
	o.Ready = func(u string) { urls <- u }
	done := make(chan error, 1)
	go func() { done <- Run(runCtx, o, f.build) }()
	r := &running{t: t, f: f, ctx: ctx, events: make(chan event, 4096)}
	var once sync.Once
	var runErr error
	r.stop = func() error {
		once.Do(func() {
			stopRun()
			wait, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			select {
			case runErr = <-done:
			case <-wait.Done():
				runErr = fmt.Errorf("Run did not return after cancel: %w", wait.Err())
			}
		})
		return runErr
	}
	t.Cleanup(func() {
		if err := r.stop(); err != nil {
			t.Error(err)
		}
		cancel()
	})
	select {
	case r.url = <-urls:
	case err := <-done:
		t.Fatalf("Run returned before ready: %v", err)
	case <-ctx.Done():
		t.Fatal("server not ready")
	}
	req, _ := http.NewRequestWithContext(ctx, "GET", r.url+"_opsalign/events", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("event stream Content-Type %q", ct)
	}
	go func() {
		defer resp.Body.Close()
		defer close(r.events)
		sc := bufio.NewScanner(resp.Body)
		var ev event
		var data []string
		for sc.Scan() {
			line := sc.Text()
			switch {
			case line == "":
				if ev.name != "" {
					ev.data = strings.Join(data, "\n")
					r.events <- ev
				}
				ev, data = event{}, nil
			case strings.HasPrefix(line, "event: "):
				ev.name = line[len("event: "):]
			case strings.HasPrefix(line, "data: "):
				data = append(data, line[len("data: "):])
			}
		}
	}()
	return r
}

// next returns the next event.
func (r *running) next() event {
	r.t.Helper()
	select {
	case ev, ok := <-r.events:
		if !ok {
			r.t.Fatal("event stream closed")
		}
		return ev
	case <-r.ctx.Done():
		r.t.Fatal("no event before the deadline")
	}
	return event{}
}

// get fetches a page of the site.
func (r *running) get(rel string) (int, string) {
	r.t.Helper()
	req, _ := http.NewRequestWithContext(r.ctx, "GET", r.url+rel, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		r.t.Fatal(err)
	}
	defer resp.Body.Close()
	var b strings.Builder
	if _, err := bufio.NewReader(resp.Body).WriteTo(&b); err != nil {
		r.t.Fatal(err)
	}
	return resp.StatusCode, b.String()
}

// awaitPage waits, as a browser would, for a reload event after which the
// page has the given status and holds want.
func (r *running) awaitPage(rel string, code int, want string) {
	r.t.Helper()
	for {
		if ev := r.next(); ev.name != "reload" {
			continue
		}
		if c, body := r.get(rel); c == code && strings.Contains(body, want) {
			return
		}
	}
}

// awaitError waits for a build-error event and returns its message.
func (r *running) awaitError() string {
	r.t.Helper()
	for {
		if ev := r.next(); ev.name == "build-error" {
			return ev.data
		}
	}
}

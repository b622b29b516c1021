package serve

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/opsalign/opsalign/generator/site"
)

// served is a server Run on a fixed site, for the tests of what clients
// may do.
type served struct {
	url  string // http://127.0.0.1:PORT/
	host string // 127.0.0.1:PORT
	logs *syncBuffer
}

// serveFixed runs the server on a site of files until the test ends.
func serveFixed(t *testing.T, o Options, files map[string][]byte) *served {
	t.Helper()
	m := site.NewMemory()
	for p, b := range files {
		if err := m.Put(p, b); err != nil {
			t.Fatal(err)
		}
	}
	s := &served{logs: &syncBuffer{}}
	o.Logger = slog.New(slog.NewTextHandler(s.logs, nil))
	o.Watch = []string{t.TempDir()}
	urls := make(chan string, 1)
	o.Ready = func(u string) { urls <- u }
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- Run(ctx, o, func(context.Context, []string) (*site.Memory, error) { return m, nil })
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case <-done:
		case <-time.After(20 * time.Second):
			t.Error("Run did not return")
		}
	})
	select {
	case s.url = <-urls:
	case err := <-done:
		t.Fatalf("Run: %v", err)
	case <-time.After(30 * time.Second):
		t.Fatal("not ready")
	}
	s.host = strings.TrimSuffix(strings.TrimPrefix(s.url, "http://"), "/")
	return s
}

// request sends a GET for path with the given Host and headers.
func (s *served) request(t *testing.T, host, path string, header ...string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), "GET", s.url+strings.TrimPrefix(path, "/"), nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Host = host
	for i := 0; i < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	if strings.Contains(path, "_opsalign/events") {
		ctx, cancel := context.WithTimeout(t.Context(), 5*time.Second)
		defer cancel()
		req = req.WithContext(ctx)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var body []byte
	if resp.Header.Get("Content-Type") == "text/event-stream" {
		line, _ := bufio.NewReader(resp.Body).ReadString('\n') // the first line, then hang up
		body = []byte(line)
	} else {
		body, _ = io.ReadAll(resp.Body)
	}
	return resp, string(body)
}

var draft = map[string][]byte{
	"index.html":          []byte("<html><body><h1>Board figures</h1><p>Budget total 12,345,678</p></body></html>"),
	"data/scorecard.json": []byte(`{"budget_total":12345678}`),
}

// TestDNSRebinding: with serve running, a page of another site whose name
// resolves to 127.0.0.1 sends its own name as Host. Every path — pages,
// downloads, the names page, the event stream — is refused without a byte
// of the draft; the server's own addresses are answered. (Before, every
// Host was answered: any site the COO visited could read the draft.)
func TestDNSRebinding(t *testing.T) {
	s := serveFixed(t, Options{Names: func() []string { return []string{"split"} }}, draft)
	_, port, _ := net.SplitHostPort(s.host)
	for _, host := range []string{"attacker.example:" + port, "rebind.test:" + port, "localhost.attacker.example:" + port,
		"127.0.0.1.nip.io:" + port, "attacker.example", "localhost:1", "10.1.2.3:" + port} {
		for _, path := range []string{"/", "/index.html", "/data/scorecard.json", "/_opsalign/names", "/_opsalign/events"} {
			resp, body := s.request(t, host, path)
			if resp.StatusCode != http.StatusForbidden || strings.Contains(body, "12,345,678") || strings.Contains(body, "12345678") || strings.Contains(body, "split") {
				t.Errorf("Host %s %s: %d %.80q, want 403 and nothing of the draft", host, path, resp.StatusCode, body)
			}
		}
	}
	for _, host := range []string{s.host, "localhost:" + port, "LocalHost:" + port, "[::1]:" + port} {
		if resp, body := s.request(t, host, "/data/scorecard.json"); resp.StatusCode != 200 || !strings.Contains(body, "12345678") {
			t.Errorf("Host %s: %d %q, want the scorecard", host, resp.StatusCode, body)
		}
	}
	resp, body := s.request(t, "attacker.example:"+port, "/")
	if !strings.Contains(body, "Open http://"+s.host+"/ instead") || !strings.Contains(body, "--allow-host") || resp.Header.Get("Content-Type") != "text/plain; charset=utf-8" {
		t.Errorf("the refusal says %q (%s)", body, resp.Header.Get("Content-Type"))
	}
}

// TestAllowHost: --allow-host names a shared review box; names stay exact.
func TestAllowHost(t *testing.T) {
	s := serveFixed(t, Options{AllowHosts: []string{"Review.Corp.Example"}}, draft)
	_, port, _ := net.SplitHostPort(s.host)
	if resp, _ := s.request(t, "review.corp.example:"+port, "/"); resp.StatusCode != 200 {
		t.Errorf("allowed host: %d", resp.StatusCode)
	}
	for _, host := range []string{"corp.example:" + port, "x.review.corp.example:" + port, "review.corp.example:" + port + "0"} {
		if resp, _ := s.request(t, host, "/"); resp.StatusCode != http.StatusForbidden {
			t.Errorf("Host %s: %d, want 403", host, resp.StatusCode)
		}
	}
}

func TestHostAllowed(t *testing.T) {
	tests := []struct {
		bind  string
		port  int
		allow []string
		host  string
		want  bool
	}{
		{"127.0.0.1", 1414, nil, "127.0.0.1:1414", true},
		{"127.0.0.1", 1414, nil, "localhost:1414", true},
		{"127.0.0.1", 1414, nil, "[::1]:1414", true},
		{"127.0.0.1", 1414, nil, "127.0.0.2:1414", true}, // a loopback address is never another site's name
		{"127.0.0.1", 1414, nil, "127.0.0.1:1415", false},
		{"127.0.0.1", 1414, nil, "127.0.0.1", false},
		{"127.0.0.1", 1414, nil, "localhost.:1414", false},
		{"127.0.0.1", 1414, nil, "attacker.example:1414", false},
		{"127.0.0.1", 1414, nil, "192.168.1.5:1414", false},
		{"127.0.0.1", 1414, nil, "", false},
		{"127.0.0.1", 80, nil, "localhost", true},
		{"192.168.1.5", 1414, nil, "192.168.1.5:1414", true},
		{"192.168.1.5", 1414, nil, "192.168.1.6:1414", false},
		{"0.0.0.0", 1414, nil, "192.168.1.6:1414", true}, // every interface: any address
		{"0.0.0.0", 1414, nil, "[fe80::1]:1414", true},
		{"0.0.0.0", 1414, nil, "box.corp:1414", false},
		{"0.0.0.0", 1414, []string{"box.corp"}, "BOX.corp:1414", true},
		{"::", 1414, nil, "[2001:db8::1]:1414", true},
		{"[::1]", 1414, nil, "[::1]:1414", true},
		{"localhost", 1414, nil, "localhost:1414", true},
		{"box.corp", 1414, nil, "box.corp:1414", true},
	}
	for _, tt := range tests {
		g := newGuard(nil, tt.bind, tt.port, tt.allow)
		if got := g.hostAllowed(tt.host); got != tt.want {
			t.Errorf("bind %s:%d allow %v: Host %q allowed = %v, want %v", tt.bind, tt.port, tt.allow, tt.host, got, tt.want)
		}
	}
}

// TestCrossSiteRequests: /_opsalign/ (names, events) refuses what a
// browser marks as coming from another site or origin; the site's pages
// stay open to links from anywhere (a link in a mail is cross-site).
func TestCrossSiteRequests(t *testing.T) {
	s := serveFixed(t, Options{Names: func() []string { return []string{"split"} }}, draft)
	tests := []struct {
		path   string
		header []string
		want   int
	}{
		{"/_opsalign/events", nil, 200},
		{"/_opsalign/events", []string{"Sec-Fetch-Site", "same-origin"}, 200},
		{"/_opsalign/events", []string{"Origin", "http://" + s.host, "Sec-Fetch-Site", "same-origin"}, 200},
		{"/_opsalign/events", []string{"Sec-Fetch-Site", "cross-site"}, 403},
		{"/_opsalign/events", []string{"Sec-Fetch-Site", "same-site"}, 403}, // another port of this machine
		{"/_opsalign/events", []string{"Origin", "http://rebind.test"}, 403},
		{"/_opsalign/events", []string{"Origin", "null"}, 403},
		{"/_opsalign/names", []string{"Sec-Fetch-Site", "none"}, 200}, // typed in the address bar
		{"/_opsalign/names", []string{"Sec-Fetch-Site", "cross-site"}, 403},
		{"/_opsalign/names", []string{"Origin", "http://localhost:1"}, 403},
		{"/", []string{"Sec-Fetch-Site", "cross-site", "Sec-Fetch-Mode", "navigate"}, 200},
	}
	for _, tt := range tests {
		resp, body := s.request(t, s.host, tt.path, tt.header...)
		if resp.StatusCode != tt.want {
			t.Errorf("%s %q: %d, want %d", tt.path, tt.header, resp.StatusCode, tt.want)
		}
		if tt.want == 403 && strings.Contains(body, "split") {
			t.Errorf("%s %q: the refusal holds the names", tt.path, tt.header)
		}
	}
}

// TestNoFraming: every response, refusals included, forbids framing by
// any page (clickjacking a draft shown inside another site).
func TestNoFraming(t *testing.T) {
	s := serveFixed(t, Options{}, draft)
	for _, c := range []struct{ host, path string }{{s.host, "/"}, {s.host, "/missing.html"}, {s.host, "/data/scorecard.json"},
		{s.host, "/_opsalign/names"}, {"attacker.example", "/"}} {
		resp, _ := s.request(t, c.host, c.path)
		if got := resp.Header.Get("Content-Security-Policy"); got != "frame-ancestors 'none'" {
			t.Errorf("%s %s: Content-Security-Policy %q", c.host, c.path, got)
		}
		if got := resp.Header.Get("X-Frame-Options"); got != "DENY" {
			t.Errorf("%s %s: X-Frame-Options %q", c.host, c.path, got)
		}
	}
}

// TestBindWarning: serving beyond this machine says so; the default does
// not.
func TestBindWarning(t *testing.T) {
	for _, tc := range []struct {
		bind string
		warn bool
	}{{"127.0.0.1", false}, {"0.0.0.0", true}} {
		s := serveFixed(t, Options{Bind: tc.bind}, draft)
		got := strings.Contains(s.logs.String(), "serving to the network: anyone who can reach this machine can read the draft")
		if got != tc.warn {
			t.Errorf("--bind %s: warned %v, want %v:\n%s", tc.bind, got, tc.warn, s.logs.String())
		}
	}
}

// TestStreamCap: no more than limits.streams event streams are open at
// once; the next is refused at once (503), and a stream closed makes room.
// (Before, 21,000 streams exhausted the file descriptors.)
func TestStreamCap(t *testing.T) {
	s := serveFixed(t, Options{limits: limits{streams: 3, conns: 64, stall: 10 * time.Second}}, draft)
	var conns []net.Conn
	for range 3 {
		c := rawStream(t, s)
		conns = append(conns, c)
	}
	resp, body := s.request(t, s.host, "/_opsalign/events")
	if resp.StatusCode != http.StatusServiceUnavailable || !strings.Contains(body, "too many live-reload streams") {
		t.Fatalf("a 4th stream: %d %q, want 503", resp.StatusCode, body)
	}
	conns[0].Close()
	for {
		resp, _ := s.request(t, s.host, "/_opsalign/events")
		if resp.StatusCode == 200 {
			break
		}
		if t.Context().Err() != nil {
			t.Fatal("no room after a stream closed")
		}
		time.Sleep(10 * time.Millisecond)
	}
	for _, c := range conns[1:] {
		c.Close()
	}
}

// rawStream opens an event stream on its own connection and reads its
// first line.
func rawStream(t *testing.T, s *served) net.Conn {
	t.Helper()
	c, err := net.Dial("tcp", s.host)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(c, "GET /_opsalign/events HTTP/1.1\r\nHost: %s\r\n\r\n", s.host)
	line, err := bufio.NewReader(c).ReadString('\n')
	if err != nil || !strings.Contains(line, "200") {
		t.Fatalf("stream: %q %v", line, err)
	}
	return c
}

// TestConnectionLimit: no more than limits.conns connections are served
// at once; a further one waits until one closes.
func TestConnectionLimit(t *testing.T) {
	s := serveFixed(t, Options{limits: limits{streams: 64, conns: 2, stall: 10 * time.Second}}, draft)
	var held []net.Conn
	for range 2 {
		c, err := net.Dial("tcp", s.host)
		if err != nil {
			t.Fatal(err)
		}
		held = append(held, c)
	}
	got := make(chan int, 1)
	go func() {
		resp, err := http.Get(s.url)
		if err != nil {
			got <- -1
			return
		}
		resp.Body.Close()
		got <- resp.StatusCode
	}()
	select {
	case code := <-got:
		t.Fatalf("a third connection was served (%d) while two were open", code)
	case <-time.After(300 * time.Millisecond):
	}
	held[0].Close()
	if code := <-got; code != 200 {
		t.Fatalf("after a connection closed: %d", code)
	}
	held[1].Close()
}

// TestSlowReaderDropped: a client that asks for a large file and stops
// reading is dropped once it takes nothing for limits.stall, instead of
// holding the response (and the server's memory) for ever. (Before, 50
// such clients held a 10k site's 19 MB scorecard.json for 150 s and
// more.)
func TestSlowReaderDropped(t *testing.T) {
	const size = 48 << 20 // more than the socket buffers of both ends hold
	big := bytes.Repeat([]byte("0123456789abcdef"), size/16)
	s := serveFixed(t, Options{limits: limits{streams: 64, conns: 64, stall: 300 * time.Millisecond}},
		map[string][]byte{"index.html": draft["index.html"], "data/scorecard.json": big})
	c, err := net.Dial("tcp", s.host)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	fmt.Fprintf(c, "GET /data/scorecard.json HTTP/1.1\r\nHost: %s\r\n\r\n", s.host)
	time.Sleep(1500 * time.Millisecond) // not reading: the server stalls, then gives up
	c.SetReadDeadline(time.Now().Add(20 * time.Second))
	n, err := io.Copy(io.Discard, c)
	if n >= size {
		t.Fatalf("the client that stopped reading got all %d bytes (%v): it was not dropped", n, err)
	}
	// A client that reads gets it all.
	resp, err := http.Get(s.url + "data/scorecard.json")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if m, _ := io.Copy(io.Discard, resp.Body); m != size {
		t.Errorf("a reading client got %d bytes, want %d", m, size)
	}
}

// syncBuffer is a bytes.Buffer safe for the logger's goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestStalledStreamDropped: an event stream whose client stops reading is
// dropped once an event waits limits.stall to be taken, and its place is
// freed. (A build error's message can be large: it names every bad cell.)
func TestStalledStreamDropped(t *testing.T) {
	s := newServer(Options{limits: limits{streams: 64, conns: 64, stall: 300 * time.Millisecond}}.withDefaults())
	s.fail(errors.New(strings.Repeat("budget.xlsx:Initiatives!H12: cannot read \"12,5OO\" as money\n", 1<<20))) // 60 MB
	srv := httptest.NewServer(s.routes())
	defer srv.Close()
	defer s.close()
	c, err := net.Dial("tcp", srv.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	fmt.Fprintf(c, "GET /_opsalign/events HTTP/1.1\r\nHost: %s\r\n\r\n", srv.Listener.Addr())
	for s.streams.Load() != 1 { // the stream opens…
		if t.Context().Err() != nil {
			t.Fatal("the stream did not open")
		}
		time.Sleep(5 * time.Millisecond)
	}
	for s.streams.Load() != 0 { // …and is dropped, though its client is still connected
		if t.Context().Err() != nil {
			t.Fatal("a stream whose client stopped reading was not dropped")
		}
		time.Sleep(20 * time.Millisecond)
	}
}

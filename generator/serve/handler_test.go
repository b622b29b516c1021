package serve

import (
	"bytes"
	"errors"
	"flag"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/opsalign/opsalign/generator/site"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	p := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(p, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file:\n%s", name, got)
	}
}

func testSite(t *testing.T) *site.Memory {
	t.Helper()
	m := site.NewMemory()
	for p, s := range map[string]string{
		"index.html":               "<!doctype html><html><body><h1>Home</h1></BODY></html>",
		"initiatives/index.html":   "<html><body>list</body></html>",
		"initiatives/INI-001.html": "<html><body>one</body></html>",
		"assets/app.js":            "console.log('</body>')",
		"assets/site.css":          "body{}",
		"data/scorecard.json":      `{"schema":1}`,
		"downloads/scorecard.xlsx": "PK\x03\x04",
		"fragment.html":            "<p>no body tag</p>",
	} {
		if err := m.Put(p, []byte(s)); err != nil {
			t.Fatal(err)
		}
	}
	return m
}

func get(h http.Handler, method, target string) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(method, target, nil))
	return rec
}

func TestPageServing(t *testing.T) {
	s := newServer(Options{noInstance: true}.withDefaults())
	s.publish(testSite(t))
	h := s.routes()
	tests := []struct {
		method, target string
		code           int
		ctype          string
		body           string // prefix of the body; "" to skip
		location       string
		injected       bool
	}{
		{"GET", "/", 200, "text/html; charset=utf-8", "<!doctype html><html><body><h1>Home</h1><link rel=\"stylesheet\" href=\"/_opsalign/serve.css\">", "", true},
		{"GET", "/index.html", 200, "text/html; charset=utf-8", "<!doctype html>", "", true},
		{"GET", "/initiatives/", 200, "text/html; charset=utf-8", "<html><body>list<link rel=\"stylesheet\" href=\"/_opsalign/serve.css\">", "", true},
		{"GET", "/initiatives", 302, "", "", "/initiatives/", false},
		{"GET", "/initiatives?sort=id", 302, "", "", "/initiatives/?sort=id", false},
		{"GET", "/initiatives/INI-001.html", 200, "text/html; charset=utf-8", "<html><body>one<link rel=\"stylesheet\" href=\"/_opsalign/serve.css\">", "", true},
		{"GET", "/assets/app.js", 200, "text/javascript; charset=utf-8", "console.log('</body>')", "", false},
		{"GET", "/assets/site.css", 200, "text/css; charset=utf-8", "body{}", "", false},
		{"GET", "/data/scorecard.json", 200, "application/json", `{"schema":1}`, "", false},
		{"GET", "/downloads/scorecard.xlsx", 200, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "PK", "", false},
		{"GET", "/fragment.html", 200, "text/html; charset=utf-8", "<p>no body tag</p><link rel=\"stylesheet\" href=\"/_opsalign/serve.css\">", "", true},
		{"GET", "/a/../../etc/passwd", 307, "", "", "/etc/passwd", false}, // the mux cleans the path
		{"GET", "/nope.html", 404, "text/html; charset=utf-8", "<!doctype html>", "", true},
		{"HEAD", "/assets/site.css", 200, "text/css; charset=utf-8", "", "", false},
		{"POST", "/", 405, "", "", "", false},
	}
	for _, tt := range tests {
		rec := get(h, tt.method, tt.target)
		name := tt.method + " " + tt.target
		if rec.Code != tt.code {
			t.Errorf("%s: status %d, want %d", name, rec.Code, tt.code)
			continue
		}
		if tt.ctype != "" {
			if got := rec.Header().Get("Content-Type"); got != tt.ctype {
				t.Errorf("%s: Content-Type %q, want %q", name, got, tt.ctype)
			}
			if got := rec.Header().Get("Cache-Control"); got != "no-store" {
				t.Errorf("%s: Cache-Control %q, want no-store", name, got)
			}
		}
		if body := rec.Body.String(); !strings.HasPrefix(body, tt.body) {
			t.Errorf("%s: body %.80q, want prefix %q", name, body, tt.body)
		}
		if got := rec.Header().Get("Location"); got != tt.location {
			t.Errorf("%s: Location %q, want %q", name, got, tt.location)
		}
		if got := strings.Contains(rec.Body.String(), `<script src="/_opsalign/reload.js"`); got != tt.injected {
			t.Errorf("%s: reload script present = %v, want %v", name, got, tt.injected)
		}
	}
}

// TestInstanceTags checks that two runs of serve tag their builds
// differently (a page from the first reloads on the second's first event)
// and that pages and events carry the same tag.
func TestInstanceTags(t *testing.T) {
	a, b := newServer(Options{}.withDefaults()), newServer(Options{}.withDefaults())
	if a.tag(1) == b.tag(1) {
		t.Errorf("two runs tag build 1 alike: %s", a.tag(1))
	}
	a.publish(testSite(t))
	body := get(a.routes(), "GET", "/").Body.String()
	if want := `data-build="` + a.tag(1) + `"`; !strings.Contains(body, want) {
		t.Errorf("page does not carry %s", want)
	}
	var ev strings.Builder
	writeEvent(&ev, "reload", a.tag(1))
	if !strings.Contains(ev.String(), "data: "+a.tag(1)+"\n") || strings.ContainsAny(a.tag(1), "\"<>&\n") {
		t.Errorf("event %q, tag %q", ev.String(), a.tag(1))
	}
}

// TestLazyDownloads checks that a file made on first read is served, and
// that one whose making failed is a 500 naming the error as text.
func TestLazyDownloads(t *testing.T) {
	s := newServer(Options{noInstance: true}.withDefaults())
	m := site.NewMemory()
	m.PutLazy("downloads/scorecard.xlsx", func() ([]byte, error) { return []byte("PK\x03\x04"), nil })
	m.PutLazy("data/scorecard.json", func() ([]byte, error) { return nil, errors.New("<b>bad</b> cell") })
	s.publish(m)
	h := s.routes()
	if rec := get(h, "GET", "/downloads/scorecard.xlsx"); rec.Code != 200 || rec.Body.String() != "PK\x03\x04" {
		t.Errorf("lazy workbook: %d %q", rec.Code, rec.Body.String())
	}
	rec := get(h, "GET", "/data/scorecard.json")
	if rec.Code != 500 || !strings.Contains(rec.Body.String(), "&lt;b&gt;bad&lt;/b&gt; cell") || strings.Contains(rec.Body.String(), "<b>bad") {
		t.Errorf("failed download: %d %.300q", rec.Code, rec.Body.String())
	}
}

func TestSiteNotFoundPage(t *testing.T) {
	s := newServer(Options{noInstance: true}.withDefaults())
	m := testSite(t)
	m.Put("404.html", []byte("<html><body>lost</body></html>"))
	s.publish(m)
	rec := get(s.routes(), "GET", "/missing/")
	if rec.Code != 404 || !strings.HasPrefix(rec.Body.String(), `<html><body>lost<link rel="stylesheet" href="/_opsalign/serve.css">`) {
		t.Errorf("got %d %.60q, want the site's 404.html", rec.Code, rec.Body.String())
	}
}

// TestFirstBuildFailedPage checks the page served when no build has
// succeeded: the message is escaped, the reload script is there.
func TestFirstBuildFailedPage(t *testing.T) {
	s := newServer(Options{noInstance: true}.withDefaults())
	s.fail(errors.New("sample-data/register.xlsx:Initiatives!B7: name \"<img src=x onerror=alert(1)>\"\n=HYPERLINK(\"http://evil\")"))
	rec := get(s.routes(), "GET", "/initiatives/")
	if rec.Code != 500 {
		t.Errorf("status %d, want 500", rec.Code)
	}
	if strings.Contains(rec.Body.String(), "<img") {
		t.Error("spreadsheet text reached the page as HTML")
	}
	golden(t, "first-build-failed.html", rec.Body.Bytes())
}

func TestBuildingPage(t *testing.T) {
	s := newServer(Options{noInstance: true}.withDefaults())
	rec := get(s.routes(), "GET", "/")
	if rec.Code != 503 || !strings.Contains(rec.Body.String(), "Building") {
		t.Errorf("got %d %.60q, want 503 Building", rec.Code, rec.Body.String())
	}
}

func TestNamesPage(t *testing.T) {
	s := newServer(Options{noInstance: true, Names: func() []string { return []string{"split", "aligned_spend_share", "<b>"} }}.withDefaults())
	s.publish(testSite(t))
	rec := get(s.routes(), "GET", "/_opsalign/names")
	if rec.Code != 200 {
		t.Fatalf("status %d", rec.Code)
	}
	golden(t, "names.html", rec.Body.Bytes())
}

func TestInject(t *testing.T) {
	tests := []struct {
		page string
		at   int // index of the snippet
	}{
		{"<html><body>x</body></html>", len("<html><body>x")},
		{"<body>a</body>b</BODY>c", len("<body>a</body>b")},
		{"<p>İİİ</p></Body>", len("<p>İİİ</p>")},
		{"no body", len("no body")},
		{"", 0},
	}
	for _, tt := range tests {
		got := string(inject([]byte(tt.page), "7"))
		if i := strings.Index(got, `<link rel="stylesheet" href="/_opsalign/serve.css">`); i != tt.at {
			t.Errorf("inject(%q): snippet at %d, want %d", tt.page, i, tt.at)
		}
		if !strings.Contains(got, `<script src="/_opsalign/reload.js" data-build="7"></script>`) {
			t.Errorf("inject(%q): build number missing", tt.page)
		}
		if strings.Replace(got, strings.Replace(reloadSnippet, "@GEN@", "7", 1), "", 1) != tt.page {
			t.Errorf("inject(%q) changed the page itself", tt.page)
		}
	}
	golden(t, "injected.html", inject([]byte("<!doctype html><html><body><p>page</p></body></html>\n"), "3"))
}

// TestStatic checks the server's own files: the reload script and the
// style sheet, served as the files in static/, with their types, and no
// other name under /_opsalign/.
func TestStatic(t *testing.T) {
	f := newFakeSite(t)
	r := start(t, f, f.options())
	for _, c := range []struct{ path, ctype, file string }{
		{"/_opsalign/reload.js", "text/javascript; charset=utf-8", "static/reload.js"},
		{"/_opsalign/serve.css", "text/css; charset=utf-8", "static/serve.css"},
	} {
		resp, err := http.Get(r.url + c.path[1:])
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		want, _ := os.ReadFile(c.file)
		if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != c.ctype || !bytes.Equal(body, want) || len(want) == 0 {
			t.Errorf("%s: %d %s, %d bytes; want 200 %s, the %d bytes of %s", c.path, resp.StatusCode, resp.Header.Get("Content-Type"), len(body), c.ctype, len(want), c.file)
		}
	}
	resp, err := http.Get(r.url + "_opsalign/inject.go")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("/_opsalign/inject.go: status %d, want 404", resp.StatusCode)
	}
}

func TestWriteEvent(t *testing.T) {
	tests := []struct {
		data string
		want string
	}{
		{"3", "event: reload\ndata: 3\n\n"},
		{"a\nb", "event: reload\ndata: a\ndata: b\n\n"},
		{"a\r\n\nevent: reload\rdata: x", "event: reload\ndata: a\ndata: \ndata: event: reload\ndata: data: x\n\n"},
		{"", "event: reload\ndata: \n\n"},
	}
	for _, tt := range tests {
		var b strings.Builder
		writeEvent(&b, "reload", tt.data)
		if b.String() != tt.want {
			t.Errorf("writeEvent(%q) = %q, want %q", tt.data, b.String(), tt.want)
		}
	}
}

package serve

import (
	"net/http"
	"net/url"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/opsalign/opsalign/generator/site"
)

// routes returns the server's handler.
func (s *server) routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /_opsalign/events", s.events)
	mux.HandleFunc("GET /_opsalign/names", s.names)
	mux.HandleFunc("GET /_opsalign/reload.js", s.static)
	mux.HandleFunc("GET /_opsalign/serve.css", s.static)
	mux.HandleFunc("GET /", s.page)
	return mux
}

// page serves a file of the current site, index.html for a folder, or the
// site's 404.html.
func (s *server) page(w http.ResponseWriter, r *http.Request) {
	st := s.cur.Load()
	if st.site == nil {
		p := statusPage{Title: "Building…", Text: "The site is being built; this page reloads when it is ready."}
		code := http.StatusServiceUnavailable
		if st.err != "" {
			p = statusPage{Title: "Build failed", Text: "Fix the error below and save: this page reloads when the site builds.", Error: st.err}
			code = http.StatusInternalServerError
		}
		s.send(w, s.tag(st.gen), ".html", p.render(), code)
		return
	}
	name, b, found, err := resolve(st.site, r.URL.Path)
	switch {
	case err != nil: // a download that failed to be made
		p := statusPage{Title: "Could not make this file", Text: "The site built, but this file could not be made.", Error: err.Error()}
		s.send(w, s.tag(st.gen), ".html", p.render(), http.StatusInternalServerError)
	case found:
		s.send(w, s.tag(st.gen), name, b, http.StatusOK)
	case name != "": // a folder asked for without its slash
		u := url.URL{Path: "/" + name + "/", RawQuery: r.URL.RawQuery}
		w.Header().Set("Cache-Control", "no-store")
		http.Redirect(w, r, u.String(), http.StatusFound)
	default:
		if b, ok := st.site.Get("404.html"); ok {
			s.send(w, s.tag(st.gen), "404.html", b, http.StatusNotFound)
			return
		}
		p := statusPage{Title: "Not found", Text: "The site has no page at " + r.URL.Path + "."}
		s.send(w, s.tag(st.gen), ".html", p.render(), http.StatusNotFound)
	}
}

// resolve finds the file for a URL path. found reports a file; otherwise a
// non-empty name is a folder holding an index.html, to redirect to. err
// is set when the file is one made on first read and making it failed.
func resolve(m *site.Memory, urlPath string) (name string, b []byte, found bool, err error) {
	name = strings.TrimPrefix(path.Clean("/"+urlPath), "/")
	switch {
	case name == "":
		name = "index.html"
	case strings.HasSuffix(urlPath, "/"):
		name += "/index.html"
	}
	if b, ok, err := m.Load(name); ok {
		if err != nil {
			return name, nil, false, err
		}
		return name, b, true, nil
	}
	if !strings.HasSuffix(urlPath, "/") && name != "index.html" {
		if m.Has(name + "/index.html") {
			return name, nil, false, nil
		}
	}
	return "", nil, false, nil
}

// names serves /_opsalign/names: the names narrative can use.
func (s *server) names(w http.ResponseWriter, r *http.Request) {
	var names []string
	if s.o.Names != nil {
		names = slices.Sorted(slices.Values(s.o.Names()))
	}
	p := statusPage{Title: "Narrative names", Names: names,
		Text: `Use these in content/*.md: {{ figure "name" }}, {{ chart "name" }}.`}
	if len(names) == 0 {
		p.Text = "The builder lists no names."
	}
	s.send(w, s.tag(s.cur.Load().gen), ".html", p.render(), http.StatusOK)
}

// static serves the server's own files: the reload script and the style
// sheet of the overlay and of the pages the server makes.
func (s *server) static(w http.ResponseWriter, r *http.Request) {
	name := path.Base(r.URL.Path)
	b, err := static.ReadFile("static/" + name)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	s.send(w, "", name, b, http.StatusOK)
}

// send writes a response that no cache keeps, with the reload snippet for
// build tag in HTML, dropping a client that stops reading (write).
func (s *server) send(w http.ResponseWriter, tag string, name string, b []byte, code int) {
	ct := contentType(name, b)
	if isHTML(ct) {
		b = inject(b, tag)
	}
	h := w.Header()
	h.Set("Content-Type", ct)
	h.Set("Content-Length", strconv.Itoa(len(b)))
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(code)
	write(w, b, s.o.limits.stall)
}

// write writes b in parts of writeChunk bytes, each of which the client
// must accept within stall, and flushes it: a client that stops reading
// is dropped instead of holding the response (and its memory) for ever.
// The deadline is cleared after, for the next request on the connection.
func write(w http.ResponseWriter, b []byte, stall time.Duration) {
	rc := http.NewResponseController(w)
	for len(b) > 0 {
		n := min(len(b), writeChunk)
		rc.SetWriteDeadline(time.Now().Add(stall)) // an http.ResponseRecorder has none
		if _, err := w.Write(b[:n]); err != nil {
			return
		}
		b = b[n:]
	}
	rc.SetWriteDeadline(time.Now().Add(stall))
	if rc.Flush() == nil {
		rc.SetWriteDeadline(time.Time{})
	}
}

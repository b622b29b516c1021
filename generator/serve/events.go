package serve

import (
	"io"
	"net/http"
	"strings"
	"time"
)

// keepAlive is how often an idle event stream sends a comment, so that
// proxies keep it open and a closed tab is noticed.
const keepAlive = 20 * time.Second

// events serves /_opsalign/events, a Server-Sent Events stream. On connect
// and after every change it sends "reload" with the tag of the latest
// good build (server.tag) and, while the latest build failed, "build-error" with its
// message. It ends when the client goes or the server shuts down.
//
// At most limits.streams streams are open at once (more are answered 503),
// and a client that does not take an event within limits.stall is
// dropped.
func (s *server) events(w http.ResponseWriter, r *http.Request) {
	if s.streams.Add(1) > int64(s.o.limits.streams) {
		s.streams.Add(-1)
		w.Header().Set("Retry-After", "10")
		http.Error(w, "opsalign serve: too many live-reload streams are open", http.StatusServiceUnavailable)
		return
	}
	defer s.streams.Add(-1)
	wake, cancel := s.hub.subscribe() // before reading the state: no change is missed
	defer cancel()
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Accel-Buffering", "no")
	rc := http.NewResponseController(w)
	stall := func() { rc.SetWriteDeadline(time.Now().Add(s.o.limits.stall)) }
	stall()
	if _, err := io.WriteString(w, "retry: 1000\n\n"); err != nil {
		return
	}
	ping := time.NewTicker(keepAlive)
	defer ping.Stop()
	var (
		sentGen = ^uint64(0)
		sentErr string
	)
	for {
		st := s.cur.Load()
		stall()
		if st.gen != sentGen {
			writeEvent(w, "reload", s.tag(st.gen))
			sentGen, sentErr = st.gen, ""
		}
		if st.err != sentErr {
			if st.err != "" {
				writeEvent(w, "build-error", st.err)
			}
			sentErr = st.err
		}
		if err := rc.Flush(); err != nil {
			return
		}
		select {
		case <-wake:
		case <-ping.C:
			stall()
			if _, err := io.WriteString(w, ": ping\n\n"); err != nil {
				return
			}
		case <-r.Context().Done():
			return
		case <-s.done:
			return
		}
	}
}

// writeEvent writes one event. Each line of data becomes a "data:" line, so
// no text in data can end the event or forge another one.
func writeEvent(w io.Writer, name, data string) error {
	var b strings.Builder
	b.WriteString("event: ")
	b.WriteString(name)
	b.WriteByte('\n')
	data = strings.ReplaceAll(data, "\r\n", "\n")
	data = strings.ReplaceAll(data, "\r", "\n")
	for line := range strings.SplitSeq(data, "\n") {
		b.WriteString("data: ")
		b.WriteString(line)
		b.WriteByte('\n')
	}
	b.WriteByte('\n')
	_, err := io.WriteString(w, b.String())
	return err
}

package serve

import (
	"net"
	"net/http"
	"net/netip"
	"strconv"
	"strings"
)

// guard keeps the draft to the people it is served to. Every response
// refuses to be framed by another site. A request is answered only when
// its Host names this server's address — a loopback name or address, the
// --bind address, a name given with --allow-host, or (bound to every
// interface) an IP address — with the port it listens on: a page of
// another site that makes its own name resolve to 127.0.0.1 (DNS
// rebinding) sends that name, and is refused. /_opsalign/ (the names page
// and the live-reload stream) also refuses requests that a browser says
// come from another site (Origin, Sec-Fetch-Site).
type guard struct {
	next     http.Handler
	port     string          // the port listened on
	names    map[string]bool // host names and addresses answered, lower case, IPv6 without brackets
	anyIP    bool            // bound to every interface: any IP address names this server
	hostHint string          // the address to suggest in a refusal ("127.0.0.1:1414")
}

// newGuard guards next for a server bound to bind and listening on port.
// allow lists further host names (a shared review box's name).
func newGuard(next http.Handler, bind string, port int, allow []string) *guard {
	g := &guard{next: next, port: strconv.Itoa(port), names: map[string]bool{
		"localhost": true, "127.0.0.1": true, "::1": true,
	}}
	b := strings.ToLower(strings.Trim(bind, "[]"))
	if ip, err := netip.ParseAddr(b); err == nil && ip.IsUnspecified() {
		g.anyIP = true
	} else if b != "" {
		g.names[b] = true
	}
	for _, a := range allow {
		g.names[strings.ToLower(strings.Trim(a, "[]"))] = true
	}
	host := bind
	if g.anyIP || bind == "" {
		host = "127.0.0.1"
	}
	g.hostHint = net.JoinHostPort(strings.Trim(host, "[]"), g.port)
	return g
}

func (g *guard) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", "frame-ancestors 'none'")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Cross-Origin-Resource-Policy", "same-origin")
	h.Set("Referrer-Policy", "no-referrer")
	if !g.hostAllowed(r.Host) {
		refuse(w, "This is opsalign serve, answering only requests for its own address.\n"+
			"Open http://"+g.hostHint+"/ instead, or, to review the draft under another name,\n"+
			"start it with --allow-host NAME.\n")
		return
	}
	if strings.HasPrefix(r.URL.Path, "/_opsalign/") && crossSite(r) {
		refuse(w, "opsalign serve: refused a request from another site.\n")
		return
	}
	g.next.ServeHTTP(w, r)
}

// hostAllowed reports whether a Host header names this server.
func (g *guard) hostAllowed(hostport string) bool {
	host, port, err := net.SplitHostPort(hostport)
	if err != nil { // no port: only where the port is HTTP's own
		host, port = hostport, "80"
	}
	if port != g.port {
		return false
	}
	host = strings.ToLower(strings.Trim(host, "[]"))
	if g.names[host] {
		return true
	}
	if ip, err := netip.ParseAddr(host); err == nil {
		// An address is never another site's name: only a name can be
		// made to resolve here by someone else.
		return g.anyIP || ip.IsLoopback()
	}
	return false
}

// crossSite reports whether a browser says the request comes from another
// site: a Sec-Fetch-Site other than same-origin or none (typed in the
// address bar), or an Origin other than the server's own.
func crossSite(r *http.Request) bool {
	if s := r.Header.Get("Sec-Fetch-Site"); s != "" && s != "same-origin" && s != "none" {
		return true
	}
	if o := r.Header.Get("Origin"); o != "" && !strings.EqualFold(o, "http://"+r.Host) {
		return true
	}
	return false
}

// refuse answers 403 with a short text.
func refuse(w http.ResponseWriter, text string) {
	h := w.Header()
	h.Set("Content-Type", "text/plain; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Connection", "close")
	w.WriteHeader(http.StatusForbidden)
	w.Write([]byte(text))
}

// isLoopback reports whether bind keeps the server on this machine.
func isLoopback(bind string) bool {
	b := strings.Trim(bind, "[]")
	if strings.EqualFold(b, "localhost") {
		return true
	}
	ip, err := netip.ParseAddr(b)
	return err == nil && ip.IsLoopback()
}

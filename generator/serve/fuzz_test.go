package serve

import (
	"strings"
	"testing"

	"github.com/opsalign/opsalign/generator/site"
)

// FuzzResolve checks that no URL path finds a file outside the site or
// redirects to an unsafe path.
func FuzzResolve(f *testing.F) {
	for _, s := range []string{"/", "/initiatives", "/initiatives/", "/a/../../etc/passwd", "//evil.com/", "/x\\..\\y", "/%2e%2e/", "/index.html/"} {
		f.Add(s)
	}
	m := site.NewMemory()
	for _, p := range []string{"index.html", "initiatives/index.html", "initiatives/INI-001.html", "assets/app.js"} {
		m.Put(p, []byte(p))
	}
	m.PutLazy("downloads/s.xlsx", func() ([]byte, error) { return []byte("downloads/s.xlsx"), nil })
	f.Fuzz(func(t *testing.T, urlPath string) {
		name, b, found, err := resolve(m, urlPath)
		if err != nil {
			t.Fatalf("resolve(%q): %v", urlPath, err)
		}
		if !found && b != nil {
			t.Errorf("resolve(%q): bytes without a file", urlPath)
		}
		if name == "" {
			return
		}
		if err := site.CheckPath(name); err != nil {
			t.Errorf("resolve(%q) = %q: %v", urlPath, name, err)
		}
		if found && string(b) != name {
			t.Errorf("resolve(%q) = %q with the bytes of %q", urlPath, name, b)
		}
	})
}

// FuzzWriteEvent checks that any build error text, spreadsheet text
// included, makes exactly one event that carries it whole.
func FuzzWriteEvent(f *testing.F) {
	for _, s := range []string{"", "a", "a\nb", "x\r\n\r\nevent: reload\ndata: 9\n\n", "\r", "data: "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data string) {
		var b strings.Builder
		writeEvent(&b, "build-error", data)
		out := b.String()
		if !strings.HasSuffix(out, "\n\n") || strings.Count(out, "\n\n") != 1 {
			t.Fatalf("writeEvent(%q) = %q: not one event", data, out)
		}
		var lines []string
		for i, line := range strings.Split(strings.TrimSuffix(out, "\n\n"), "\n") {
			switch {
			case i == 0:
				if line != "event: build-error" {
					t.Fatalf("first line %q", line)
				}
			case strings.HasPrefix(line, "data: "):
				lines = append(lines, line[len("data: "):])
			default:
				t.Fatalf("writeEvent(%q): line %q is not data", data, line)
			}
		}
		want := strings.ReplaceAll(strings.ReplaceAll(data, "\r\n", "\n"), "\r", "\n")
		if got := strings.Join(lines, "\n"); got != want {
			t.Errorf("event data %q, want %q", got, want)
		}
	})
}

// FuzzInject checks that injection adds the snippet and nothing else, before
// the last </body> when there is one.
func FuzzInject(f *testing.F) {
	for _, s := range []string{"", "<body></body>", "</BODY></body>", "</bodY", "İ</body>"} {
		f.Add(s)
	}
	snippet := strings.Replace(reloadSnippet, "@GEN@", "1", 1)
	f.Fuzz(func(t *testing.T, page string) {
		got := string(inject([]byte(page), "1"))
		i := strings.LastIndex(got, snippet)
		if i < 0 || got[:i]+got[i+len(snippet):] != page {
			t.Fatalf("inject(%q) = %q", page, got)
		}
		if j := strings.LastIndex(strings.ToLower(page), "</body>"); j >= 0 && strings.ToLower(page[i:i+7]) != "</body>" {
			t.Errorf("inject(%q): snippet at %d, not before the last </body>", page, i)
		}
	})
}

package serve

import (
	"embed"
	"strings"
)

// static holds the server's own files, served under /_opsalign/.
//
//go:embed static/reload.js static/serve.css
var static embed.FS

// reloadSnippet is injected into every HTML page served, never into the
// built site: the overlay's style sheet and the live-reload script
// (static/reload.js), both files of the server under /_opsalign/, so that
// a page's Content-Security-Policy (script-src 'self', no inline script)
// holds under serve as it does for the published site. @GEN@ becomes the
// tag of the build the page came from, which the script compares with the
// builds the event stream announces.
const reloadSnippet = `<link rel="stylesheet" href="/_opsalign/serve.css">
<script src="/_opsalign/reload.js" data-build="@GEN@"></script>
`

// inject returns page with the reload snippet for build gen inserted before
// its last </body>, or appended when it has none. tag holds only letters,
// digits and dots (server.tag).
func inject(page []byte, tag string) []byte {
	snippet := strings.Replace(reloadSnippet, "@GEN@", tag, 1)
	i := lastIndexASCIIFold(page, "</body>")
	if i < 0 {
		i = len(page)
	}
	out := make([]byte, 0, len(page)+len(snippet))
	out = append(out, page[:i]...)
	out = append(out, snippet...)
	return append(out, page[i:]...)
}

// lastIndexASCIIFold returns the index of the last instance of the
// lower-case ASCII string sub in b, ignoring ASCII case, or -1.
func lastIndexASCIIFold(b []byte, sub string) int {
	for i := len(b) - len(sub); i >= 0; i-- {
		j := 0
		for j < len(sub) && lowerASCII(b[i+j]) == sub[j] {
			j++
		}
		if j == len(sub) {
			return i
		}
	}
	return -1
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

package render

import (
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"html/template"
	"strings"
)

// Policy is the Content-Security-Policy of every page of the default theme
// (the template function csp writes it as a <meta http-equiv> tag). It lets
// a page load scripts, style sheets, images and fonts (a theme may bring
// its own) from the site's own files only, and run no inline script at
// all: chart options are JSON data blocks (<script type="application/json">,
// which no browser executes) that assets/opsalign.js reads. Style
// attributes are allowed (style-src-attr): ECharts' SVG renderer writes
// every shape's style as an attribute. Inline <style> elements are refused
// unless the page names their hash (see cspMeta). connect-src 'self' is
// for opsalign serve's live-reload stream.
//
// In Chromium 'self' matches the site's other files from file:// as well
// as over http (the browser tests open every kind of page both ways), so
// the same files work from a share and from a web server. No page needs
// data: images, frames, objects, workers or a form. frame-ancestors is
// ignored in a meta tag; opsalign serve sends it as a header, and a web
// server should too.
const Policy = "default-src 'none'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; " +
	"img-src 'self'; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'"

// cspMeta returns the Content-Security-Policy meta tag of a page whose
// inline <style> elements hold exactly styles (each a string or
// template.CSS): their SHA-256 hashes are added to style-src, so that
// those and no others apply.
func cspMeta(styles ...any) (template.HTML, error) {
	policy := Policy
	if len(styles) > 0 {
		hashes := make([]string, 0, len(styles))
		for _, s := range styles {
			var text string
			switch s := s.(type) {
			case string:
				text = s
			case template.CSS:
				text = string(s)
			default:
				return "", fmt.Errorf("csp: a style is %T, not text", s)
			}
			sum := sha256.Sum256([]byte(text))
			hashes = append(hashes, "'sha256-"+base64.StdEncoding.EncodeToString(sum[:])+"'")
		}
		policy = strings.Replace(policy, "style-src 'self'", "style-src 'self' "+strings.Join(hashes, " "), 1)
	}
	// The policy holds only fixed text and base64: nothing to escape.
	return template.HTML(`<meta http-equiv="Content-Security-Policy" content="` + policy + `">`), nil
}

// cssf formats a piece of CSS: format is the template's own text, and each
// argument is written as a quoted CSS string (cssString), so that text from
// the config or a spreadsheet can be shown by a rule (content: ...) without
// ending the string, the rule or the <style> element holding it.
func cssf(format string, args ...any) template.CSS {
	quoted := make([]any, len(args))
	for i, a := range args {
		quoted[i] = cssString(fmt.Sprint(a))
	}
	return template.CSS(fmt.Sprintf(format, quoted...))
}

// cssString returns s as a double-quoted CSS string. Every character but
// letters, digits, space and a few harmless punctuation marks is written as
// a CSS escape (a backslash, its hex code point and a space), so the result
// holds no quote, backslash, "<", ">", "&" or line break.
func cssString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == ' ',
			strings.ContainsRune(".,:;-_()/+#%!?", r), r > 0x9f && r != 0x2028 && r != 0x2029 && r != 0xfeff:
			b.WriteRune(r)
		default:
			fmt.Fprintf(&b, "\\%x ", r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

package htmlexec

import (
	"bytes"
	"fmt"
	"html/template"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The escapers below are html/template's (Go 1.26: html.go, url.go,
// css.go, js.go, content.go), restated for the values a fast run handles:
// one argument, a string, a template content type, an integer or a bool.
// For anything else they report ok false and the whole execution is left
// to html/template. TestEscapers checks each against html/template itself.

// contentType is html/template's content type of a value.
type contentType uint8

const (
	contentTypePlain contentType = iota
	contentTypeCSS
	contentTypeHTML
	contentTypeHTMLAttr
	contentTypeJS
	contentTypeJSStr
	contentTypeURL
	contentTypeSrcset
)

// escaper is one of html/template's escaping functions: it takes the text
// and content type of its argument and returns the escaped text.
type escaper func(s string, t contentType) (string, bool)

// escapers are the functions html/template's escaper inserts that a fast
// run knows, by the name they have in escaped templates.
var escapers = map[string]escaper{
	"_html_template_htmlescaper":    htmlEscaper,
	"_html_template_attrescaper":    attrEscaper,
	"_html_template_rcdataescaper":  rcdataEscaper,
	"_html_template_urlfilter":      urlFilter,
	"_html_template_urlnormalizer":  urlNormalizer,
	"_html_template_urlescaper":     urlEscaper,
	"_html_template_jsvalescaper":   jsValEscaper,
	"_html_template_cssvaluefilter": cssValueFilter,
}

const filterFailsafe = "ZgotmplZ"

var (
	htmlType     = reflect.TypeFor[template.HTML]()
	cssType      = reflect.TypeFor[template.CSS]()
	htmlAttrType = reflect.TypeFor[template.HTMLAttr]()
	jsType       = reflect.TypeFor[template.JS]()
	jsStrType    = reflect.TypeFor[template.JSStr]()
	urlType      = reflect.TypeFor[template.URL]()
	srcsetType   = reflect.TypeFor[template.Srcset]()
	stringType   = reflect.TypeFor[string]()
)

// stringify is html/template's stringify of one argument v, the value a
// pipeline passes to its first escaper: its text and content type. ok is
// false for values whose text fmt would make with a method (a String,
// Error or Format method anywhere on the way), and for nil pointers.
func stringify(v reflect.Value) (s string, t contentType, ok bool) {
	if !v.IsValid() {
		// An untyped nil: html/template skips it and prints nothing.
		return "", contentTypePlain, true
	}
	// html/template dereferences pointers to find a content type, and
	// otherwise prints the value pointed to unless a pointer has methods.
	for v.Kind() == reflect.Pointer {
		if v.IsNil() || v.Type().NumMethod() != 0 {
			return "", 0, false
		}
		v = v.Elem()
	}
	typ := v.Type()
	if v.Kind() == reflect.String {
		switch typ {
		case stringType:
			return v.String(), contentTypePlain, true
		case htmlType:
			return v.String(), contentTypeHTML, true
		case cssType:
			return v.String(), contentTypeCSS, true
		case htmlAttrType:
			return v.String(), contentTypeHTMLAttr, true
		case jsType:
			return v.String(), contentTypeJS, true
		case jsStrType:
			return v.String(), contentTypeJSStr, true
		case urlType:
			return v.String(), contentTypeURL, true
		case srcsetType:
			return v.String(), contentTypeSrcset, true
		}
	}
	if typ.NumMethod() != 0 {
		return "", 0, false
	}
	switch v.Kind() {
	case reflect.String:
		return v.String(), contentTypePlain, true
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.FormatInt(v.Int(), 10), contentTypePlain, true
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return strconv.FormatUint(v.Uint(), 10), contentTypePlain, true
	case reflect.Bool:
		return strconv.FormatBool(v.Bool()), contentTypePlain, true
	case reflect.Interface:
		return "", 0, false
	}
	// What fmt.Sprint makes of it, as html/template does.
	return fmt.Sprint(v.Interface()), contentTypePlain, true
}

func htmlEscaper(s string, t contentType) (string, bool) {
	if t == contentTypeHTML {
		return s, true
	}
	return htmlReplacer(s, htmlReplacementTable), true
}

func attrEscaper(s string, t contentType) (string, bool) {
	if t == contentTypeHTML {
		return "", false // html/template strips the tags: not restated here
	}
	return htmlReplacer(s, htmlReplacementTable), true
}

func rcdataEscaper(s string, t contentType) (string, bool) {
	if t == contentTypeHTML {
		return htmlReplacer(s, htmlNormReplacementTable), true
	}
	return htmlReplacer(s, htmlReplacementTable), true
}

var htmlReplacementTable = []string{
	0:    "\uFFFD",
	'"':  "&#34;",
	'&':  "&amp;",
	'\'': "&#39;",
	'+':  "&#43;",
	'<':  "&lt;",
	'>':  "&gt;",
}

var htmlNormReplacementTable = []string{
	0:    "\uFFFD",
	'"':  "&#34;",
	'\'': "&#39;",
	'+':  "&#43;",
	'<':  "&lt;",
	'>':  "&gt;",
}

// htmlReplacer is html/template's htmlReplacer with badRunes true (the
// only form the escapers above use): s with the runes of table replaced.
func htmlReplacer(s string, table []string) string {
	// Fast path: nothing to replace (every special is ASCII below '?').
	i := 0
	for ; i < len(s); i++ {
		c := s[i]
		if int(c) < len(table) && table[c] != "" {
			break
		}
	}
	if i == len(s) {
		return s
	}
	written, b := 0, new(strings.Builder)
	r, w := rune(0), 0
	for i := 0; i < len(s); i += w {
		r, w = utf8.DecodeRuneInString(s[i:])
		if int(r) < len(table) {
			if repl := table[r]; len(repl) != 0 {
				if written == 0 {
					b.Grow(len(s))
				}
				b.WriteString(s[written:i])
				b.WriteString(repl)
				written = i + w
			}
		}
	}
	if written == 0 {
		return s
	}
	b.WriteString(s[written:])
	return b.String()
}

func urlFilter(s string, t contentType) (string, bool) {
	if t == contentTypeURL {
		return s, true
	}
	if !isSafeURL(s) {
		return "#" + filterFailsafe, true
	}
	return s, true
}

func isSafeURL(s string) bool {
	if protocol, _, ok := strings.Cut(s, ":"); ok && !strings.Contains(protocol, "/") {
		if !strings.EqualFold(protocol, "http") && !strings.EqualFold(protocol, "https") && !strings.EqualFold(protocol, "mailto") {
			return false
		}
	}
	return true
}

func urlEscaper(s string, t contentType) (string, bool) {
	return urlProcessor(false, s, t), true
}

func urlNormalizer(s string, t contentType) (string, bool) {
	return urlProcessor(true, s, t), true
}

func urlProcessor(norm bool, s string, t contentType) string {
	if t == contentTypeURL {
		norm = true
	}
	var b strings.Builder
	if processURLOnto(s, norm, &b) {
		return b.String()
	}
	return s
}

// processURLOnto appends a normalized URL corresponding to its input to b
// and reports whether the appended content differs from s.
func processURLOnto(s string, norm bool, b *strings.Builder) bool {
	written := 0
	for i, n := 0, len(s); i < n; i++ {
		c := s[i]
		switch c {
		case '!', '#', '$', '&', '*', '+', ',', '/', ':', ';', '=', '?', '@', '[', ']':
			if norm {
				continue
			}
		case '-', '.', '_', '~':
			continue
		case '%':
			if norm && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
				continue
			}
		default:
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
				continue
			}
		}
		if written == 0 {
			b.Grow(len(s) + 16)
		}
		b.WriteString(s[written:i])
		const hex = "0123456789abcdef"
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
		written = i + 1
	}
	if written == 0 {
		return false
	}
	b.WriteString(s[written:])
	return true
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// jsValEscaper handles values already of a JS content type; others (which
// html/template marshals as JSON) are left to html/template.
func jsValEscaper(s string, t contentType) (string, bool) {
	switch t {
	case contentTypeJS:
		return s, true
	case contentTypeJSStr:
		return `"` + s + `"`, true
	}
	return "", false
}

// cssValueFilter handles values without CSS escapes (a backslash): others
// are left to html/template.
func cssValueFilter(s string, t contentType) (string, bool) {
	if t == contentTypeCSS {
		return s, true
	}
	if strings.IndexByte(s, '\\') >= 0 {
		return "", false
	}
	b := []byte(s)
	id := make([]byte, 0, 64)
	for i, c := range b {
		switch c {
		case 0, '"', '\'', '(', ')', '/', ';', '@', '[', '\\', ']', '`', '{', '}', '<', '>':
			return filterFailsafe, true
		case '-':
			if i != 0 && b[i-1] == '-' {
				return filterFailsafe, true
			}
		default:
			if c < utf8.RuneSelf && isCSSNmchar(rune(c)) {
				id = append(id, c)
			}
		}
	}
	id = bytes.ToLower(id)
	if bytes.Contains(id, []byte("expression")) || bytes.Contains(id, []byte("mozbinding")) {
		return filterFailsafe, true
	}
	return s, true
}

func isCSSNmchar(r rune) bool {
	return 'a' <= r && r <= 'z' ||
		'A' <= r && r <= 'Z' ||
		'0' <= r && r <= '9' ||
		r == '-' ||
		r == '_' ||
		0x80 <= r && r <= 0xd7ff ||
		0xe000 <= r && r <= 0xfffd ||
		0x10000 <= r && r <= 0x10ffff
}

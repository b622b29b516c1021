package render

import "bytes"

// escapeTo writes s into buf escaped exactly as html/template escapes a
// string in element content, RCDATA (a title) or a quoted attribute value.
func escapeTo(buf *bytes.Buffer, s string) { escapeWith(buf, s, true) }

// tableEscapeTo writes s into buf escaped as template.HTMLEscapeString
// escapes it (as DataTable.HTML does): like escapeTo but keeping '+'.
func tableEscapeTo(buf *bytes.Buffer, s string) { escapeWith(buf, s, false) }

func escapeWith(buf *bytes.Buffer, s string, plus bool) {
	last := 0
	for i := 0; i < len(s); i++ {
		var r string
		switch s[i] {
		case 0:
			r = "\uFFFD"
		case '"':
			r = "&#34;"
		case '&':
			r = "&amp;"
		case '\'':
			r = "&#39;"
		case '<':
			r = "&lt;"
		case '>':
			r = "&gt;"
		case '+':
			if !plus {
				continue
			}
			r = "&#43;"
		default:
			continue
		}
		buf.WriteString(s[last:i])
		buf.WriteString(r)
		last = i + 1
	}
	buf.WriteString(s[last:])
}

package export

import (
	"bytes"
	"strings"
)

// appendIndented appends compact, valid JSON (as json.Marshal writes it:
// no whitespace outside strings) indented by two spaces, byte for byte as
// json.Indent(dst, src, "", "  ") does, in one pass without the scanner
// (json.Indent cost twice the marshalling of the scorecard).
func appendIndented(dst *bytes.Buffer, src []byte) {
	depth := 0
	pad := "\n" + strings.Repeat("  ", 32)
	newline := func() {
		for len(pad) < 1+2*depth {
			pad += pad[1:]
		}
		dst.WriteString(pad[:1+2*depth])
	}
	for i := 0; i < len(src); {
		c := src[i]
		switch c {
		case '"':
			j := i + 1
			for {
				k := bytes.IndexByte(src[j:], '"')
				if k < 0 {
					j = len(src) - 1
					break
				}
				j += k
				// The quote ends the string unless an odd run of
				// backslashes escapes it.
				n := 0
				for b := j - 1; b > i && src[b] == '\\'; b-- {
					n++
				}
				if n%2 == 0 {
					break
				}
				j++
			}
			dst.Write(src[i : j+1])
			i = j + 1
			continue
		case '{', '[':
			if i+1 < len(src) && (src[i+1] == '}' || src[i+1] == ']') {
				dst.Write(src[i : i+2])
				i += 2
				continue
			}
			dst.WriteByte(c)
			depth++
			newline()
		case '}', ']':
			depth--
			newline()
			dst.WriteByte(c)
		case ',':
			dst.WriteByte(c)
			newline()
		case ':':
			dst.WriteString(": ")
		default:
			// A number, true, false or null: up to the next delimiter.
			j := i + 1
			for j < len(src) && !strings.ContainsRune(`"{}[],:`, rune(src[j])) {
				j++
			}
			dst.Write(src[i:j])
			i = j
			continue
		}
		i++
	}
}

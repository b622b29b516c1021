package xlsx

import (
	"bytes"
	"unicode/utf16"
	"unicode/utf8"
)

// appendXString appends the text of a string cell or shared string to dst,
// with Office's escapes undone: "_x000D_" is a carriage return (a
// character XML cannot hold as it is), "_x005F_" an underscore, and a pair
// of escaped surrogates one character.
func appendXString(dst, s []byte) []byte {
	for {
		i := bytes.Index(s, []byte("_x"))
		if i < 0 {
			return append(dst, s...)
		}
		dst = append(dst, s[:i]...)
		s = s[i:]
		u, ok := xEscape(s)
		if !ok {
			dst = append(dst, '_')
			s = s[1:]
			continue
		}
		s = s[7:]
		r := rune(u)
		if utf16.IsSurrogate(r) {
			if lo, ok := xEscape(s); ok && utf16.DecodeRune(r, rune(lo)) != utf8.RuneError {
				r = utf16.DecodeRune(r, rune(lo))
				s = s[7:]
			} else {
				r = utf8.RuneError
			}
		}
		dst = utf8.AppendRune(dst, r)
	}
}

// xEscape reads "_xHHHH_" at the start of s.
func xEscape(s []byte) (uint16, bool) {
	if len(s) < 7 || s[0] != '_' || s[1] != 'x' || s[6] != '_' {
		return 0, false
	}
	var u uint16
	for _, c := range s[2:6] {
		switch {
		case c >= '0' && c <= '9':
			u = u<<4 | uint16(c-'0')
		case c >= 'a' && c <= 'f':
			u = u<<4 | uint16(c-'a'+10)
		case c >= 'A' && c <= 'F':
			u = u<<4 | uint16(c-'A'+10)
		default:
			return 0, false
		}
	}
	return u, true
}

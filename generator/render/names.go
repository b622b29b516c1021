package render

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

// maxNameLen bounds a page file name's stem; longer ids are cut and
// suffixed with a hash of the whole id.
const maxNameLen = 80

// FileStem returns the stem of the page file name for an id read from a
// spreadsheet: the id itself when it is plain (ASCII letters, digits, '-'
// and '_', starting with a letter or digit, as INI-001), else the id with
// every other byte written as "~XX" (hex), so the mapping is one-to-one, the
// result never contains '/', '.', '\\' or NUL and cannot leave its folder.
// "index" and Windows device names (CON, NUL, …) get a "~" prefix; ids longer than
// maxNameLen are cut and end in "~~" and a hash of the whole id.
func FileStem(id string) string {
	if plain(id) && !reserved(id) {
		return id
	}
	var b strings.Builder
	if reserved(id) {
		b.WriteString("~")
	}
	const hexd = "0123456789ABCDEF"
	for i := 0; i < len(id); i++ {
		c := id[i]
		if isPlainByte(c) && !(i == 0 && (c == '-' || c == '_')) {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('~')
		b.WriteByte(hexd[c>>4])
		b.WriteByte(hexd[c&15])
	}
	if id == "" {
		b.WriteString("~")
	}
	s := b.String()
	if len(s) > maxNameLen {
		s = s[:maxNameLen-20] + "~~" + hashOf(id)
	}
	return s
}

// hashOf returns 18 hex digits of the SHA-256 of s.
func hashOf(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:9])
}

func plain(id string) bool {
	if id == "" || len(id) > maxNameLen || id[0] == '-' || id[0] == '_' {
		return false
	}
	for i := 0; i < len(id); i++ {
		if !isPlainByte(id[i]) {
			return false
		}
	}
	return true
}

func isPlainByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '_'
}

// reserved reports whether s is "index" (the list page of a folder) or a
// device name that Windows will not use as a file name whatever its
// extension.
func reserved(s string) bool {
	switch strings.ToUpper(s) {
	case "INDEX", "CON", "PRN", "AUX", "NUL",
		"COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
		"LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9":
		return true
	}
	return false
}

// fileNames maps each id to its page file name ("INI-001.html"), unique
// even on case-insensitive file systems: ids whose stems differ only in case
// get "~~" and a hash of the exact id appended. The result depends only on
// the set of ids, not their order.
func fileNames(ids []string) map[string]string {
	stems := make(map[string]string, len(ids))
	folded := make(map[string]int, len(ids))
	for _, id := range ids {
		if _, dup := stems[id]; dup {
			continue
		}
		s := FileStem(id)
		stems[id] = s
		folded[strings.ToLower(s)]++
	}
	out := make(map[string]string, len(stems))
	for id, s := range stems {
		if folded[strings.ToLower(s)] > 1 {
			s += "~~" + hashOf(id)
		}
		out[id] = s + ".html"
	}
	return out
}

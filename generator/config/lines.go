package config

import (
	"regexp"
	"strconv"
	"strings"
)

// lineIndex finds the line a dotted key is set on. BurntSushi/toml reports
// lines for syntax errors but not for keys it decoded or left undecoded, so
// the file is scanned once for table headers and key assignments.
type lineIndex struct {
	keys   map[string]int   // dotted key -> first line
	arrays map[string][]int // array-of-tables name -> line of each [[name]]
}

var (
	reTable = regexp.MustCompile(`^\s*\[\s*([^\[\]]+?)\s*\]`)
	reArray = regexp.MustCompile(`^\s*\[\[\s*([^\[\]]+?)\s*\]\]`)
	reKey   = regexp.MustCompile(`^\s*("[^"]*"|'[^']*'|[A-Za-z0-9_.\-" ]+?)\s*=`)
)

func newLineIndex(data []byte) lineIndex {
	li := lineIndex{keys: map[string]int{}, arrays: map[string][]int{}}
	table := ""
	for i, line := range strings.Split(string(data), "\n") {
		n := i + 1
		if m := reArray.FindStringSubmatch(line); m != nil {
			table = normKey(m[1])
			li.arrays[table] = append(li.arrays[table], n)
			li.set(table, n)
			continue
		}
		if m := reTable.FindStringSubmatch(line); m != nil {
			table = normKey(m[1])
			li.set(table, n)
			continue
		}
		if m := reKey.FindStringSubmatch(line); m != nil {
			k := normKey(m[1])
			if table != "" {
				k = table + "." + k
			}
			li.set(k, n)
		}
	}
	return li
}

func (li lineIndex) set(k string, n int) {
	if _, ok := li.keys[k]; !ok {
		li.keys[k] = n
	}
}

func normKey(k string) string {
	parts := strings.Split(k, ".")
	for i, p := range parts {
		parts[i] = strings.Trim(strings.TrimSpace(p), `"'`)
	}
	return strings.Join(parts, ".")
}

// find returns the line of the longest known prefix of key, or 0.
func (li lineIndex) find(key []string) int {
	for n := len(key); n > 0; n-- {
		if l, ok := li.keys[strings.Join(key[:n], ".")]; ok {
			return l
		}
	}
	return 0
}

// nth returns the line of the i-th (0-based) [[name]] header.
func (li lineIndex) nth(name string, i int) int {
	if ls := li.arrays[name]; i < len(ls) {
		return ls[i]
	}
	return 0
}

var reLine = regexp.MustCompile(`line (\d+)`)

func lineOfDecodeErr(err error) int {
	if m := reLine.FindStringSubmatch(err.Error()); m != nil {
		n, _ := strconv.Atoi(m[1])
		return n
	}
	return 0
}

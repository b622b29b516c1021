package narrative

import (
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"
)

// frontMatter is what a page's front matter may set.
type frontMatter struct {
	Title    string
	Weight   int
	Draft    bool
	hasTitle bool
}

// delim is the line that opens and closes TOML front matter.
const delim = "+++"

// splitFrontMatter separates the front matter of a file from its body.
// fm is the TOML text (nil when there is no front matter), fmLine the
// 1-based line on which the TOML starts, and bodyLine the 1-based line on
// which the body starts. A file whose first line is "+++" must close it.
func splitFrontMatter(src string) (fm *string, fmLine int, body string, bodyLine int, err error) {
	src = strings.TrimPrefix(src, "\uFEFF")
	first, rest, ok := cutLine(src)
	if strings.TrimRight(first, " \t\r") != delim {
		return nil, 0, src, 1, nil
	}
	if !ok {
		return nil, 0, "", 0, &Error{Line: 1, Err: errors.New(`front matter opened with "+++" is not closed`)}
	}
	line := 2
	var b strings.Builder
	for s := rest; ; line++ {
		l, next, more := cutLine(s)
		if strings.TrimRight(l, " \t\r") == delim {
			t := b.String()
			return &t, 2, next, line + 1, nil
		}
		if !more {
			return nil, 0, "", 0, &Error{Line: 1, Err: errors.New(`front matter opened with "+++" is not closed`)}
		}
		b.WriteString(l)
		b.WriteByte('\n')
		s = next
	}
}

// cutLine splits s after its first line; the line excludes the "\n".
// more is false when s holds no "\n".
func cutLine(s string) (line, rest string, more bool) {
	return strings.Cut(s, "\n")
}

// parseFrontMatter decodes the TOML front matter text of the page named
// name. fmLine is the line of the file on which text starts; errors carry
// file lines.
func parseFrontMatter(text string, fmLine int, name string) (frontMatter, error) {
	var raw map[string]any
	if _, err := toml.Decode(text, &raw); err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return frontMatter{}, &Error{Line: fmLine + pe.Position.Line - 1, Err: fmt.Errorf("front matter: %s", pe.Message)}
		}
		return frontMatter{}, &Error{Line: fmLine, Err: fmt.Errorf("front matter: %w", err)}
	}
	keys := make([]string, 0, len(raw))
	lines := make(map[string]int, len(raw))
	for k := range raw {
		keys = append(keys, k)
		lines[k] = keyLine(text, k)
	}
	// Report the first bad key of the file, whatever the map order.
	sort.Slice(keys, func(i, j int) bool {
		if lines[keys[i]] != lines[keys[j]] {
			return lines[keys[i]] < lines[keys[j]]
		}
		return keys[i] < keys[j]
	})
	var fm frontMatter
	for _, k := range keys {
		at := func(format string, a ...any) error {
			return &Error{Line: fmLine + lines[k] - 1, Err: fmt.Errorf("front matter: "+format, a...)}
		}
		switch v := raw[k]; k {
		case "title":
			s, ok := v.(string)
			if !ok {
				return frontMatter{}, at("title must be a string, not %s", tomlType(v))
			}
			fm.Title, fm.hasTitle = s, true
		case "weight":
			n, ok := v.(int64)
			if !ok {
				return frontMatter{}, at("weight must be an integer, not %s", tomlType(v))
			}
			if n < -1<<31 || n > 1<<31-1 {
				return frontMatter{}, at("weight %d out of range", n)
			}
			fm.Weight = int(n)
		case "decisions":
			// The board pack's decisions: read by package decisions from
			// the page's FrontMatter. Anywhere else they would be read
			// by nothing, so they are an error, not silently ignored.
			if name != BoardPack {
				return frontMatter{}, at("decisions belong in the board pack's front matter (content/%s.md), not in this page", BoardPack)
			}
		case "draft":
			b, ok := v.(bool)
			if !ok {
				return frontMatter{}, at("draft must be true or false, not %s", tomlType(v))
			}
			fm.Draft = b
		default:
			return frontMatter{}, at("unknown key %q (want title, weight, draft or decisions)", k)
		}
	}
	return fm, nil
}

// tomlType names the TOML type of a decoded value.
func tomlType(v any) string {
	switch v.(type) {
	case string:
		return "a string"
	case int64:
		return "an integer"
	case float64:
		return "a float"
	case bool:
		return "a boolean"
	case map[string]any:
		return "a table"
	case []any, []map[string]any:
		return "an array"
	}
	return "a date or time"
}

// reKeyLine matches the start of a key assignment or a table header.
var reKeyLine = regexp.MustCompile(`^\s*(?:\[\[?\s*)?("[^"]*"|'[^']*'|[A-Za-z0-9_\-]+)`)

// keyLine returns the 1-based line of text on which top-level key k is
// first set (as "k = ..." or "[k]"), or 1 when it cannot be found.
func keyLine(text, k string) int {
	for i, l := range strings.Split(text, "\n") {
		m := reKeyLine.FindStringSubmatch(l)
		if m != nil && strings.Trim(m[1], `"'`) == k {
			return i + 1
		}
	}
	return 1
}

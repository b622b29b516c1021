package narrative

import (
	"errors"
	"fmt"
	"strconv"
)

// Shortcode is one parsed `{{ func "arg" ... }}` action of a page body.
type Shortcode struct {
	Func string   // figure, check, chart or table
	Args []string // the unquoted arguments
}

// arity gives the number of arguments of each shortcode function.
func arity(fn string) (int, bool) {
	switch fn {
	case "figure", "chart", "table":
		return 1, true
	case "check":
		return 2, true
	}
	return 0, false
}

// isBlock reports whether the shortcode places block content (a chart or a
// table) rather than inline content.
func (s Shortcode) isBlock() bool { return s.Func == "chart" || s.Func == "table" }

// errUnclosed is returned when a line ends before "}}".
var errUnclosed = errors.New(`unclosed action: "{{" without "}}" on the same line`)

// parseShortcode parses the action at the start of s, which begins with
// "{{". It returns the shortcode and the number of bytes it spans,
// including the closing "}}". An action must fit on one line.
func parseShortcode(s string) (Shortcode, int, error) {
	var sc Shortcode
	i := 2 // past "{{"
	for {
		for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
			i++
		}
		if i >= len(s) || s[i] == '\n' || s[i] == '\r' {
			return Shortcode{}, 0, errUnclosed
		}
		if s[i] == '}' {
			if i+1 < len(s) && s[i+1] == '}' {
				i += 2
				break
			}
			return Shortcode{}, 0, fmt.Errorf("unexpected %q in action", "}")
		}
		switch c := s[i]; {
		case c == '"' || c == '`':
			q, err := strconv.QuotedPrefix(s[i:])
			if err != nil {
				return Shortcode{}, 0, fmt.Errorf("malformed string in action")
			}
			v, err := strconv.Unquote(q)
			if err != nil {
				return Shortcode{}, 0, fmt.Errorf("malformed string %s in action: %w", q, err)
			}
			if sc.Func == "" {
				return Shortcode{}, 0, fmt.Errorf("action starts with string %s; want a function name", q)
			}
			sc.Args = append(sc.Args, v)
			i += len(q)
		case isIdentByte(c):
			j := i
			for j < len(s) && isIdentByte(s[j]) {
				j++
			}
			word := s[i:j]
			if sc.Func != "" {
				return Shortcode{}, 0, fmt.Errorf("argument %s of %s must be a quoted string", word, sc.Func)
			}
			if _, ok := arity(word); !ok {
				return Shortcode{}, 0, fmt.Errorf("function %q not defined (want figure, check, chart or table)", word)
			}
			sc.Func = word
			i = j
		default:
			return Shortcode{}, 0, fmt.Errorf("unexpected %q in action", rune(c))
		}
		if i < len(s) && s[i] != ' ' && s[i] != '\t' && s[i] != '}' && s[i] != '\n' && s[i] != '\r' {
			return Shortcode{}, 0, fmt.Errorf("unexpected %q after %q in action", rune(s[i]), s[:i])
		}
	}
	if sc.Func == "" {
		return Shortcode{}, 0, errors.New("empty action")
	}
	if n, _ := arity(sc.Func); len(sc.Args) != n {
		return Shortcode{}, 0, fmt.Errorf("%s takes %d argument(s), got %d", sc.Func, n, len(sc.Args))
	}
	return sc, i, nil
}

func isIdentByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

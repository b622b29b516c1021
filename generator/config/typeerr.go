package config

import (
	"errors"
	"regexp"
	"strconv"
	"strings"
)

// BurntSushi/toml reports a value of the wrong type as a plain error,
// "toml: line 3 (last key "policy.min_progress"): incompatible types:
// TOML value has type string; destination has type float". decodeError
// turns it into an *Error that names the key and says what was wanted in
// the words of config.md.
var (
	reDecodeErr = regexp.MustCompile(`^toml: (?:line (\d+) )?\(last key "([^"]*)"\): (.*)$`)
	reBadType   = regexp.MustCompile(`^incompatible types: TOML value has type (\S+); destination has type (.+)$`)
	reMismatch  = regexp.MustCompile(`^type mismatch for .*: expected (table|array) but found (\S+)$`)
)

// tomlTypes names the Go types BurntSushi/toml decodes TOML values into.
var tomlTypes = map[string]string{
	"string":         "a string",
	"int64":          "a whole number",
	"float64":        "a number with a fraction",
	"bool":           "true or false",
	"time.Time":      "a date",
	"[]any":          "an array",
	"map[string]any": "a table",
}

// wanted names the destination types of raw's fields.
var wanted = map[string]string{
	"string":  "a string",
	"integer": "a whole number",
	"float":   "a number",
	"boolean": "true or false",
	"slice":   "an array",
	"map":     "a table",
	"table":   "a table",
	"array":   "an array",
}

func words(m map[string]string, k string) string {
	if w, ok := m[k]; ok {
		return w
	}
	return k
}

// decodeError converts a decoding error of BurntSushi/toml into an *Error
// at the key and line it names, or returns nil when err is not one.
func decodeError(file string, err error) *Error {
	m := reDecodeErr.FindStringSubmatch(err.Error())
	if m == nil {
		return nil
	}
	line, _ := strconv.Atoi(m[1])
	msg := m[3]
	if t := reBadType.FindStringSubmatch(msg); t != nil {
		msg = "wrong type: " + words(tomlTypes, t[1]) + " where " + words(wanted, t[2]) + " is wanted"
	} else if t := reMismatch.FindStringSubmatch(msg); t != nil {
		msg = "wrong type: " + words(tomlTypes, t[2]) + " where " + words(wanted, t[1]) + " is wanted"
	}
	return &Error{File: file, Line: line, Key: strings.TrimSpace(m[2]), Err: errors.New(msg)}
}

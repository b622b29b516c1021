package value

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/opsalign/opsalign/generator/read/schema"
)

// Enum reads the values of one enumerated field type: it maps each
// spelling, as written and folded (see FoldValue), to its value.
type Enum map[string]string

// NewEnum returns the Enum of vals (see schema.Enum).
func NewEnum(vals []schema.EnumValue) Enum {
	m := Enum{}
	for _, v := range vals {
		for _, s := range v.Spellings {
			m[FoldValue(s)] = v.Value
		}
	}
	// Exact spellings as written, for a lookup without folding.
	for _, v := range vals {
		for _, s := range v.Spellings {
			for _, x := range []string{s, strings.ToLower(s), strings.ToUpper(s)} {
				if _, ok := m[x]; !ok {
					m[x] = v.Value
				}
			}
		}
	}
	return m
}

// Lookup returns the value a cell names: s as written first, then trimmed
// and folded.
func (e Enum) Lookup(s string) (string, bool) {
	if v, ok := e[s]; ok {
		return v, true
	}
	v, ok := e[FoldValue(CleanSpaces(s))]
	return v, ok
}

// ParseBool reads Y, Yes, TRUE, 1, x, ✓ as true and N, No, FALSE, 0 and
// an empty cell as false.
func ParseBool(s string) (bool, error) {
	switch s {
	case "Y", "Yes", "YES", "yes", "y", "TRUE", "True", "true", "1", "x", "X", "✓":
		return true, nil
	case "N", "No", "NO", "no", "n", "FALSE", "False", "false", "0", "":
		return false, nil
	}
	s = CleanSpaces(s)
	if s == "" {
		return false, nil
	}
	switch FoldValue(s) {
	case "y", "yes", "true", "1", "x", "✓", "✔", "t":
		return true, nil
	case "n", "no", "false", "0", "f":
		return false, nil
	}
	return false, fmt.Errorf("%s is not yes or no", quote(s))
}

// ParseSeverity reads an incident severity 1–4 with sev, the Enum of the
// severity type: its spellings, also with a prefix ("Sev-2", "Priority
// 3"), ServiceNow's "3 - Moderate" style and whole numbers up to 5
// (5 - Planning is 4).
func ParseSeverity(sev Enum, s string) (int, bool) {
	if v, ok := sev.Lookup(s); ok {
		n, _ := strconv.Atoi(v)
		return n, true
	}
	f := FoldValue(CleanSpaces(s))
	for _, p := range []string{"severity", "priority", "sev", "p", "s"} {
		if rest, ok := strings.CutPrefix(f, p); ok {
			if v, ok := sev.Lookup(rest); ok && allDigits(rest) {
				n, _ := strconv.Atoi(v)
				return n, true
			}
		}
	}
	if v, err := strconv.ParseFloat(f, 64); err == nil && v == float64(int(v)) && v >= 1 && v <= 5 {
		n := int(v)
		if n == 5 {
			n = 4
		}
		return n, true
	}
	return 0, false
}

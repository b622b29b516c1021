package scaffold

import (
	"slices"
	"strings"

	"github.com/opsalign/opsalign/generator/model"
	"github.com/opsalign/opsalign/generator/read/schema"
)

// valueOrder lists the values of each enumerated type in the order a
// dropdown offers them; a type not listed is offered in sorted order.
func valueOrder(typ string) []string {
	var out []string
	switch typ {
	case "category":
		for _, c := range model.Categories {
			out = append(out, string(c))
		}
	case "status":
		for _, s := range model.Statuses {
			out = append(out, string(s))
		}
	case "rollout":
		for _, r := range model.Rollouts {
			out = append(out, string(r))
		}
	case "risk":
		for _, r := range model.Risks {
			out = append(out, string(r))
		}
	case "kind":
		for _, k := range model.Kinds {
			out = append(out, string(k))
		}
	case "window_kind":
		for _, k := range model.WindowKinds {
			out = append(out, string(k))
		}
	case "bool":
		out = []string{"true", "false"}
	}
	return out
}

// preferred picks the spelling a dropdown shows for one value: the
// ServiceNow-style "1 - Critical" for severities, "Yes"/"No" for booleans,
// else the reader's first spelling.
func preferred(typ, value string, spellings []string) string {
	switch typ {
	case "severity":
		for _, s := range spellings {
			if strings.HasPrefix(s, value+" - ") {
				return s
			}
		}
	case "bool":
		want := map[string]string{"true": "Yes", "false": "No"}[value]
		if slices.Contains(spellings, want) {
			return want
		}
	}
	return spellings[0]
}

// choices returns the dropdown list of an enumerated field type: one
// spelling the reader accepts for each value it knows, in report order.
// It returns nil for a type that is not enumerated.
func choices(typ string) []string {
	sp := schema.EnumSpellings(typ)
	if sp == nil {
		return nil
	}
	order := valueOrder(typ)
	var rest []string
	for v := range sp {
		if !slices.Contains(order, v) {
			rest = append(rest, v)
		}
	}
	slices.Sort(rest)
	var out []string
	for _, v := range append(order, rest...) {
		if s, ok := sp[v]; ok && len(s) > 0 {
			out = append(out, preferred(typ, v, s))
		}
	}
	return out
}

// alsoAccepted lists every other spelling the reader accepts for a type,
// for the column comment.
func alsoAccepted(typ string) []string {
	sp := schema.EnumSpellings(typ)
	shown := choices(typ)
	var out []string
	for _, v := range append(valueOrder(typ), sortedKeys(sp)...) {
		for _, s := range sp[v] {
			if !slices.Contains(shown, s) && !slices.Contains(out, s) {
				out = append(out, s)
			}
		}
	}
	return out
}

func sortedKeys(m map[string][]string) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

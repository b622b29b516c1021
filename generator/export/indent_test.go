package export

import (
	"bytes"
	"encoding/json"
	"testing"
)

func TestAppendIndented(t *testing.T) {
	tests := []struct {
		name string
		v    any
	}{
		{"empty object", map[string]any{}},
		{"empty array", []int{}},
		{"null", nil},
		{"scalars", []any{1, -2.5e-7, true, false, nil, "s"}},
		{"nested", map[string]any{"a": []any{map[string]any{}, []any{}, map[string]any{"b": []int{1, 2}}}, "c": map[string]any{"d": nil}}},
		{"hostile strings", map[string]string{`k"{[,:`: "v\\\"}],:", "<script>": "&\u2028\t\n\x01é"}},
		{"string ends in backslash", []string{`\`, `\\`, `"\`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, err := json.Marshal(tt.v)
			if err != nil {
				t.Fatal(err)
			}
			var want, got bytes.Buffer
			if err := json.Indent(&want, src, "", "  "); err != nil {
				t.Fatal(err)
			}
			appendIndented(&got, src)
			if got.String() != want.String() {
				t.Errorf("got\n%s\nwant\n%s", got.String(), want.String())
			}
		})
	}
}

func FuzzAppendIndented(f *testing.F) {
	f.Add(`{"a":[1,{},[]],"b":"x\"y"}`)
	f.Fuzz(func(t *testing.T, s string) {
		var v any
		if json.Unmarshal([]byte(s), &v) != nil {
			return
		}
		src, err := json.Marshal(v)
		if err != nil {
			return
		}
		var want, got bytes.Buffer
		json.Indent(&want, src, "", "  ")
		appendIndented(&got, src)
		if got.String() != want.String() {
			t.Errorf("%q: got %q, want %q", src, got.String(), want.String())
		}
	})
}

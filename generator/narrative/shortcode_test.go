package narrative

import (
	"reflect"
	"testing"
)

func TestParseShortcode(t *testing.T) {
	tests := []struct {
		src     string
		want    Shortcode
		n       int
		wantErr string
	}{
		{`{{ figure "aligned_spend_share" }} rest`, Shortcode{"figure", []string{"aligned_spend_share"}}, 34, ""},
		{`{{figure "a"}}`, Shortcode{"figure", []string{"a"}}, 14, ""},
		{"{{\tcheck \"INI-001\"  `peak_clear` }}", Shortcode{"check", []string{"INI-001", "peak_clear"}}, 35, ""},
		{`{{ chart "a \"b\" }}" }}`, Shortcode{"chart", []string{`a "b" }}`}}, 24, ""},
		{`{{ table "exceptions" }}`, Shortcode{"table", []string{"exceptions"}}, 24, ""},
		{`{{ }}`, Shortcode{}, 0, "empty action"},
		{`{{ figure }}`, Shortcode{}, 0, "figure takes 1 argument(s), got 0"},
		{`{{ check "a" }}`, Shortcode{}, 0, "check takes 2 argument(s), got 1"},
		{`{{ chart "a" "b" }}`, Shortcode{}, 0, "chart takes 1 argument(s), got 2"},
		{`{{ figures "a" }}`, Shortcode{}, 0, `function "figures" not defined (want figure, check, chart or table)`},
		{`{{ .Title }}`, Shortcode{}, 0, `unexpected '.' in action`},
		{`{{ "a" }}`, Shortcode{}, 0, `action starts with string "a"; want a function name`},
		{`{{ figure name }}`, Shortcode{}, 0, `argument name of figure must be a quoted string`},
		{`{{ figure "a }}`, Shortcode{}, 0, `malformed string in action`},
		{`{{ figure "a"b }}`, Shortcode{}, 0, `unexpected 'b' after "{{ figure \"a\"" in action`},
		{`{{ figure "a" }`, Shortcode{}, 0, `unexpected "}" in action`},
		{"{{ figure \"a\"\n}}", Shortcode{}, 0, `unclosed action: "{{" without "}}" on the same line`},
		{`{{ figure "a"`, Shortcode{}, 0, `unclosed action: "{{" without "}}" on the same line`},
	}
	for _, tt := range tests {
		got, n, err := parseShortcode(tt.src)
		if tt.wantErr != "" {
			if err == nil || err.Error() != tt.wantErr {
				t.Errorf("parseShortcode(%q) error = %v, want %q", tt.src, err, tt.wantErr)
			}
			continue
		}
		if err != nil || n != tt.n || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("parseShortcode(%q) = %+v, %d, %v; want %+v, %d", tt.src, got, n, err, tt.want, tt.n)
		}
	}
}

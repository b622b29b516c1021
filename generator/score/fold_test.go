package score

import (
	"strings"
	"testing"
)

func TestFold(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", ""}, {"m-01", "m-01"}, {"M-01", "m-01"}, {"  Supply\t Chain ", "supply chain"},
		{"Ærø Øst", "ærø øst"}, {" ", ""}, {"a  b", "a b"}, {"a\u00a0b", "a b"},
	} {
		if got := fold(c.in); got != c.want {
			t.Errorf("fold(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	for _, s := range []string{"All", " all "} {
		if unitKey(s) != "" {
			t.Errorf("unitKey(%q) = %q, want empty", s, unitKey(s))
		}
	}
}

// FuzzFold checks fold against its definition: lower case of the
// whitespace-separated fields joined by one space.
func FuzzFold(f *testing.F) {
	for _, s := range []string{"", "M-01", " Supply  Chain ", "Ærø", "a\tb\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := strings.ToLower(strings.Join(strings.Fields(s), " "))
		if got := fold(s); got != want {
			t.Errorf("fold(%q) = %q, want %q", s, got, want)
		}
	})
}

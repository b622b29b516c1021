package narrative

import (
	"slices"
	"testing"
)

func TestStandalone(t *testing.T) {
	ps := []Page{
		{Name: "zeta", Weight: 1}, {Name: "_index"}, {Name: "board-pack"}, {Name: "draft", Draft: true},
		{Name: "alpha", Weight: 1}, {Name: "first", Weight: -3}, {Name: "guides/setup"},
	}
	var got []string
	for _, p := range Standalone(ps) {
		got = append(got, p.Name)
	}
	if want := []string{"first", "guides/setup", "alpha", "zeta"}; !slices.Equal(got, want) {
		t.Errorf("Standalone = %v, want %v", got, want)
	}
}

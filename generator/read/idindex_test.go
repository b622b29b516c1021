package read

import (
	"strconv"
	"testing"
)

// TestIDIndex checks idIndex against a map[string]int through growth,
// duplicates and lookups of absent ids.
func TestIDIndex(t *testing.T) {
	var recs []string
	x := newIDIndex(&recs, func(s *string) string { return *s }, 0)
	want := map[string]int{}
	for i := 0; i < 5000; i++ {
		id := strconv.Itoa(i * 7 % 3001) // repeats after 3001
		first, dup := x.add(id, len(recs))
		w, wdup := want[id]
		if dup != wdup || dup && first != w || !dup && first != len(recs) {
			t.Fatalf("add(%q) = %d, %v; want %d, %v", id, first, dup, w, wdup)
		}
		if !dup {
			want[id] = len(recs)
			recs = append(recs, id)
		}
	}
	if len(recs) != 3001 {
		t.Fatalf("%d distinct ids, want 3001", len(recs))
	}
	for _, id := range []string{"0", "3000", "42", "3001", "", "-1", "x"} {
		if _, w := want[id]; x.has(id) != w {
			t.Errorf("has(%q) = %v, want %v", id, !w, w)
		}
	}
}

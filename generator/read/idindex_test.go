package read

import (
	"math/rand"
	"strconv"
	"testing"
)

// checkIDIndex adds ids as merge does and compares every answer with a
// map[string]int.
func checkIDIndex(t *testing.T, ids []string, hint int, probes []string) {
	t.Helper()
	var recs []string
	x := newIDIndex(&recs, func(s *string) string { return *s }, hint)
	want := map[string]int{}
	for _, id := range ids {
		first, dup := x.add(id, len(recs))
		w, wdup := want[id]
		if dup != wdup || dup && first != w || !dup && first != len(recs) {
			t.Fatalf("ids %q: add(%q) = %d, %v; want %d, %v", ids[:min(len(ids), 20)], id, first, dup, w, wdup)
		}
		if !dup {
			want[id] = len(recs)
			recs = append(recs, id)
		}
	}
	for _, id := range append(probes, ids...) {
		if _, w := want[id]; x.has(id) != w {
			t.Errorf("has(%q) = %v, want %v", id, !w, w)
		}
	}
}

// TestIDIndex covers sorted ids (no table), ids that turn unsorted
// (the table is built from the records so far), duplicates, growth and
// lookups of absent ids.
func TestIDIndex(t *testing.T) {
	probes := []string{"", "-1", "x", "0", "ID-0500", "ID-9999", "zzz"}
	seq := func(n int, f func(i int) string) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = f(i)
		}
		return out
	}
	sorted := seq(3000, func(i int) string { return "ID-" + strconv.Itoa(1000+i) })
	checkIDIndex(t, sorted, 3000, probes)
	checkIDIndex(t, nil, 0, probes)
	checkIDIndex(t, []string{""}, 0, probes)
	checkIDIndex(t, []string{"b", "b"}, 0, probes)
	checkIDIndex(t, []string{"b", "a", "b", "c", "a"}, 0, probes)
	checkIDIndex(t, append(sorted[:1000:1000], sorted[500:2000]...), 0, probes) // a repeat after a sorted run
	checkIDIndex(t, append(sorted[1000:2000:2000], sorted[:1500]...), 10, probes)
	checkIDIndex(t, seq(5000, func(i int) string { return strconv.Itoa(i * 7 % 3001) }), 0, probes)
	r := rand.New(rand.NewSource(1))
	for range 200 {
		n := r.Intn(300)
		ids := seq(n, func(i int) string {
			if r.Intn(4) == 0 {
				return strconv.Itoa(r.Intn(50))
			}
			return strconv.Itoa(1000 + i)
		})
		checkIDIndex(t, ids, r.Intn(400), probes)
	}
}

package read

import (
	"hash/maphash"
	"sort"
)

// idIndex finds the first record with a given id in a growing slice of
// records, as a map[string]int from id to index would (merge runs it over
// every row of the biggest tables). While the ids come in increasing
// order, as registers usually list them, a new id cannot repeat an
// earlier one and nothing is hashed; lookups search the sorted records.
// From the first id out of order on, it keeps an open-addressing table
// of 8-byte slots: one hash per lookup-or-insert and no string keys.
type idIndex[T any] struct {
	recs   *[]T
	id     func(*T) string
	hint   int
	sorted bool   // every id added so far was greater than the one before
	last   string // the last id added, while sorted
	seed   maphash.Seed
	slots  []uint64 // hash tag<<32 | index+1; 0 is empty
	n      int
}

// newIDIndex returns an index of the records in *recs, for about hint of
// them; id returns a record's id.
func newIDIndex[T any](recs *[]T, id func(*T) string, hint int) *idIndex[T] {
	return &idIndex[T]{recs: recs, id: id, hint: hint, sorted: true}
}

// add records index i for id unless id is already there; it returns the
// first index with id and whether that was an earlier one. The records
// added so far must be the first i of the slice, in order (add is called
// with the slice's length, and the record appended when it is new).
func (x *idIndex[T]) add(id string, i int) (int, bool) {
	if x.sorted {
		if i == 0 || id > x.last {
			x.last = id
			return i, false
		}
		x.build(i)
	}
	if 2*(x.n+1) > len(x.slots) {
		x.grow() // before adding: every index in the table has its record
	}
	h := maphash.String(x.seed, id)
	tag, mask := h>>32, uint64(len(x.slots)-1)
	for p := h & mask; ; p = (p + 1) & mask {
		s := x.slots[p]
		if s == 0 {
			x.slots[p] = tag<<32 | uint64(i+1)
			x.n++
			return i, false
		}
		if s>>32 == tag {
			if j := int(uint32(s)) - 1; x.id(&(*x.recs)[j]) == id {
				return j, true
			}
		}
	}
}

// has reports whether a record has id.
func (x *idIndex[T]) has(id string) bool {
	if x.sorted {
		recs := *x.recs
		k := sort.Search(len(recs), func(j int) bool { return x.id(&recs[j]) >= id })
		return k < len(recs) && x.id(&recs[k]) == id
	}
	h := maphash.String(x.seed, id)
	tag, mask := h>>32, uint64(len(x.slots)-1)
	for p := h & mask; ; p = (p + 1) & mask {
		s := x.slots[p]
		if s == 0 {
			return false
		}
		if s>>32 == tag && x.id(&(*x.recs)[int(uint32(s))-1]) == id {
			return true
		}
	}
}

// build leaves sorted mode: it makes the table of the first n records,
// whose ids are distinct.
func (x *idIndex[T]) build(n int) {
	x.sorted = false
	size := 16
	for size < 2*max(x.hint, n+1) {
		size <<= 1
	}
	x.seed = maphash.MakeSeed()
	x.slots = make([]uint64, size)
	for j := range n {
		x.put(x.slots, uint64(j+1), x.id(&(*x.recs)[j]))
	}
	x.n = n
}

// grow doubles the table.
func (x *idIndex[T]) grow() {
	old := x.slots
	x.slots = make([]uint64, 2*len(old))
	for _, s := range old {
		if s != 0 {
			x.put(x.slots, s, x.id(&(*x.recs)[int(uint32(s))-1]))
		}
	}
}

// put stores the slot of a record with id, known not to be in slots.
func (x *idIndex[T]) put(slots []uint64, s uint64, id string) {
	h := maphash.String(x.seed, id)
	mask := uint64(len(slots) - 1)
	p := h & mask
	for slots[p] != 0 {
		p = (p + 1) & mask
	}
	slots[p] = h>>32<<32 | uint64(uint32(s))
}

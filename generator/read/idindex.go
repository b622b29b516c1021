package read

import "hash/maphash"

// idIndex finds the first record with a given id in a growing slice of
// records, as a map[string]int from id to index would, with one hash per
// lookup-or-insert and a table of 8-byte slots instead of the map's
// string keys (merge runs it over every row of the biggest tables).
type idIndex[T any] struct {
	recs  *[]T
	id    func(*T) string
	seed  maphash.Seed
	slots []uint64 // hash tag<<32 | index+1; 0 is empty
	n     int
}

// newIDIndex returns an index of the records in *recs, sized for hint of
// them; id returns a record's id.
func newIDIndex[T any](recs *[]T, id func(*T) string, hint int) *idIndex[T] {
	size := 16
	for size < 2*hint {
		size <<= 1
	}
	return &idIndex[T]{recs: recs, id: id, seed: maphash.MakeSeed(), slots: make([]uint64, size)}
}

// add records index i for id unless id is already there; it returns the
// first index with id and whether that was an earlier one. Records with
// index below i must be in the slice; record i need not be yet.
func (x *idIndex[T]) add(id string, i int) (int, bool) {
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

// grow doubles the table.
func (x *idIndex[T]) grow() {
	old := x.slots
	x.slots = make([]uint64, 2*len(old))
	mask := uint64(len(x.slots) - 1)
	for _, s := range old {
		if s == 0 {
			continue
		}
		h := maphash.String(x.seed, x.id(&(*x.recs)[int(uint32(s))-1]))
		p := h & mask
		for x.slots[p] != 0 {
			p = (p + 1) & mask
		}
		x.slots[p] = s
	}
}

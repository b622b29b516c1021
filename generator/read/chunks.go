package read

// chunks collects records in growing blocks, so that streaming 100k rows
// never copies the rows already read (append on one slice would copy
// them again at every growth); merge copies them once into a slice of the
// exact size.
type chunks[T any] struct {
	blocks [][]T
	n      int
	hint   int // expected number of records, sizing the first block
}

const maxChunk = 8192

func (c *chunks[T]) add(v T) {
	k := len(c.blocks)
	if k == 0 || len(c.blocks[k-1]) == cap(c.blocks[k-1]) {
		size := min(max(64, c.n), maxChunk)
		if k == 0 && c.hint > size {
			size = min(c.hint, 4<<20)
		}
		c.blocks = append(c.blocks, make([]T, 0, size))
		k++
	}
	c.blocks[k-1] = append(c.blocks[k-1], v)
	c.n++
}

// next returns a pointer to a new zero record at the end, to be filled in
// place (a record is several hundred bytes; building it on the stack and
// copying it in costs a copy per row). drop takes it back.
func (c *chunks[T]) next() *T {
	k := len(c.blocks)
	if k == 0 || len(c.blocks[k-1]) == cap(c.blocks[k-1]) {
		var zero T
		c.add(zero)
	} else {
		c.blocks[k-1] = c.blocks[k-1][:len(c.blocks[k-1])+1]
		c.n++
	}
	b := c.blocks[len(c.blocks)-1]
	return &b[len(b)-1]
}

// drop removes the last record.
func (c *chunks[T]) drop() {
	k := len(c.blocks) - 1
	b := c.blocks[k]
	var zero T
	b[len(b)-1] = zero
	c.blocks[k] = b[:len(b)-1]
	c.n--
}

// single returns the only block when every record is in one, so a caller
// that owns the chunks can take it without copying.
func (c *chunks[T]) single() ([]T, bool) {
	if len(c.blocks) == 1 {
		return c.blocks[0], true
	}
	return nil, c.n == 0
}

// len returns how many records were added.
func (c *chunks[T]) len() int { return c.n }

// all yields every record in the order added.
func (c *chunks[T]) all(yield func(*T) bool) {
	for _, b := range c.blocks {
		for i := range b {
			if !yield(&b[i]) {
				return
			}
		}
	}
}

package read

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"math/bits"
	"strings"
)

// csvRecords reads the records of a CSV stream as cells, exactly as an
// encoding/csv Reader with LazyQuotes and FieldsPerRecord -1 reads them,
// faster:
// the complete lines already buffered before the next quote are taken as
// one string and split here, without the Reader's copying and position
// bookkeeping; any other record (quoted fields, a line running past the
// buffer, the end of the stream) is read by the Reader, from the same
// bufio.Reader.
type csvRecords struct {
	br    *bufio.Reader
	cr    *csv.Reader
	comma byte
	cells []cell // the last record, reused
	chunk string // quote-free complete lines taken from br, not split yet
	// Line numbers: the Reader counts only the lines it reads.
	fast  int // lines consumed here
	slow  int // lines consumed by the Reader, in its numbering
	first int // line of the last record's first field
	end   int // line the last record ends on
}

// newCSVRecords reads records from br (which must be the *bufio.Reader the
// csv.Reader is built on, so both see the same bytes) with a single-byte
// delimiter.
func newCSVRecords(br *bufio.Reader, comma byte) *csvRecords {
	cr := csv.NewReader(br)
	cr.Comma = rune(comma)
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	cr.ReuseRecord = true
	return &csvRecords{br: br, cr: cr, comma: comma}
}

// read returns the next record, valid until the next call, or io.EOF.
func (r *csvRecords) read() ([]cell, error) {
	for r.chunk != "" || r.take() {
		nl := strings.IndexByte(r.chunk, '\n') // a chunk holds whole lines
		line := r.chunk[:nl]
		r.chunk = r.chunk[nl+1:]
		if n := len(line); n > 0 && line[n-1] == '\r' {
			line = line[:n-1] // the Reader reads "\r\n" as "\n"
		}
		r.fast++
		if line == "" {
			continue // the Reader skips blank lines
		}
		r.first = r.slow + r.fast
		r.end = r.first
		r.cells = splitRecord(r.cells[:0], line, r.comma)
		return r.cells, nil
	}
	rec, err := r.cr.Read()
	if err != nil {
		return nil, err
	}
	first, _ := r.cr.FieldPos(0)
	last, _ := r.cr.FieldPos(len(rec) - 1)
	// Only quoted fields hold line breaks: the record's lines end on the
	// last field's line plus the breaks it holds.
	r.slow = last + strings.Count(rec[len(rec)-1], "\n")
	r.first, r.end = first+r.fast, r.slow+r.fast
	r.cells = r.cells[:0]
	for _, f := range rec {
		r.cells = append(r.cells, cell{v: f})
	}
	return r.cells, nil
}

// take moves the complete lines buffered in br before the first quote into
// chunk, as one string (one allocation for many records), without reading
// from the underlying reader. It reports whether it took any.
func (r *csvRecords) take() bool {
	buf, _ := r.br.Peek(r.br.Buffered())
	if q := bytes.IndexByte(buf, '"'); q >= 0 {
		buf = buf[:q]
	}
	end := bytes.LastIndexByte(buf, '\n')
	if end < 0 {
		return false
	}
	r.chunk = string(buf[:end+1])
	r.br.Discard(end + 1)
	return true
}

// pos returns the line on which the last record starts (its first field)
// and the line it ends on, counted from the first line of the stream the
// reader was given.
func (r *csvRecords) pos() (first, end int) { return r.first, r.end }

// splitRecord appends the fields of an unquoted line to dst, finding the
// delimiters eight bytes at a time.
func splitRecord(dst []cell, line string, comma byte) []cell {
	const lo7 = 0x7f7f7f7f7f7f7f7f
	pat := uint64(comma) * 0x0101010101010101
	start, i := 0, 0
	for ; i+8 <= len(line); i += 8 {
		x := load64(line, i) ^ pat
		// 0x80 in each byte of x that is zero (a delimiter), exactly:
		// no carry crosses a byte
		m := ^(((x & lo7) + lo7) | x | lo7)
		for m != 0 {
			j := i + bits.TrailingZeros64(m)/8
			dst = append(dst, cell{v: line[start:j]})
			start = j + 1
			m &= m - 1
		}
	}
	for ; i < len(line); i++ {
		if line[i] == comma {
			dst = append(dst, cell{v: line[start:i]})
			start = i + 1
		}
	}
	return append(dst, cell{v: line[start:]})
}

// load64 returns the eight bytes of s at i as a little-endian word.
func load64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

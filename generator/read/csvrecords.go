package read

import (
	"bufio"
	"bytes"
	"math/bits"
	"strings"
)

// csvRecords reads the records of a CSV stream as cells, as a
// spreadsheet program reads them (readQuotedRecord), fast: the complete
// lines already buffered before the next quote are taken as one string
// and split here; any other record (one holding a quote, a line running
// past the buffer, the end of the stream) is read by readQuotedRecord from
// the same bufio.Reader.
type csvRecords struct {
	br    *bufio.Reader
	comma byte
	cells []cell   // the last record, reused
	rec   []string // readQuotedRecord's fields, reused
	chunk string   // quote-free complete lines taken from br, not split yet
	lines int      // lines consumed so far
	first int      // line of the last record's first field
	end   int      // line the last record ends on
	// unterminated: the last record holds a quoted field never closed,
	// so its last field runs to the end of the stream.
	unterminated bool
}

// newCSVRecords reads records from br with a single-byte delimiter.
func newCSVRecords(br *bufio.Reader, comma byte) *csvRecords {
	return &csvRecords{br: br, comma: comma}
}

// read returns the next record, valid until the next call, or io.EOF.
func (r *csvRecords) read() ([]cell, error) {
	for r.chunk != "" || r.take() {
		nl := strings.IndexByte(r.chunk, '\n') // a chunk holds whole lines
		line := r.chunk[:nl]
		r.chunk = r.chunk[nl+1:]
		if n := len(line); n > 0 && line[n-1] == '\r' {
			line = line[:n-1] // "\r\n" is read as "\n"
		}
		r.lines++
		if line == "" {
			continue // blank lines are skipped
		}
		r.first, r.end, r.unterminated = r.lines, r.lines, false
		r.cells = splitRecord(r.cells[:0], line, r.comma)
		return r.cells, nil
	}
	rec, err := readQuotedRecord(r.br, r.comma, r.rec)
	r.rec = rec.fields
	r.lines += rec.skipped
	if err != nil {
		return nil, err
	}
	r.first = r.lines + 1
	r.end = r.lines + rec.lines
	r.lines = r.end
	r.unterminated = rec.unterminated
	r.cells = r.cells[:0]
	for _, f := range rec.fields {
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

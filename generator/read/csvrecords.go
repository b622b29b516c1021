package read

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"strings"
)

// csvRecords reads the records of a CSV stream exactly as an encoding/csv
// Reader with LazyQuotes, FieldsPerRecord -1 and ReuseRecord does, faster:
// a line without a quote that is already buffered is split here, without
// the Reader's copying and position bookkeeping; any other record (quoted
// fields, a line running past the buffer, the end of the stream) is read
// by the Reader, from the same bufio.Reader.
type csvRecords struct {
	br    *bufio.Reader
	cr    *csv.Reader
	comma byte
	rec   []string // the fields of the last line split here, reused
	// Line numbers: the Reader counts only the lines it reads.
	fast  int // lines consumed here
	slow  int // lines consumed by the Reader, in its numbering
	first int // line of the last record's first field
	last  int // line of its last field
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
func (r *csvRecords) read() ([]string, error) {
	for {
		buf, _ := r.br.Peek(r.br.Buffered()) // no read: only what is buffered
		nl := bytes.IndexByte(buf, '\n')
		if nl < 0 || bytes.IndexByte(buf[:nl], '"') >= 0 {
			break
		}
		line := buf[:nl]
		if n := len(line); n > 0 && line[n-1] == '\r' {
			line = line[:n-1] // the Reader reads "\r\n" as "\n"
		}
		r.br.Discard(nl + 1)
		r.fast++
		if len(line) == 0 {
			continue // the Reader skips blank lines
		}
		r.first = r.slow + r.fast
		r.last = r.first
		r.rec = splitRecord(r.rec[:0], string(line), r.comma)
		return r.rec, nil
	}
	rec, err := r.cr.Read()
	if err != nil {
		return rec, err
	}
	first, _ := r.cr.FieldPos(0)
	last, _ := r.cr.FieldPos(len(rec) - 1)
	// Only quoted fields hold line breaks: the record's lines end on the
	// last field's line plus the breaks it holds.
	r.slow = last + strings.Count(rec[len(rec)-1], "\n")
	r.first, r.last = first+r.fast, last+r.fast
	return rec, nil
}

// splitRecord appends the fields of an unquoted line to dst. The fields
// share the line's memory, which belongs to them alone.
func splitRecord(dst []string, line string, comma byte) []string {
	for {
		i := strings.IndexByte(line, comma)
		if i < 0 {
			return append(dst, line)
		}
		dst = append(dst, line[:i])
		line = line[i+1:]
	}
}

// pos returns the lines on which the last record's first and last fields
// start, counted from the first line of the stream the reader was given.
func (r *csvRecords) pos() (first, last int) { return r.first, r.last }

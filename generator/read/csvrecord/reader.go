package csvrecord

import (
	"bufio"
	"bytes"
	"io"
	"math/bits"
	"strings"
)

// bufSize is the size of the buffer a Reader reads through: lines that
// fit in it are split without copying them first.
const bufSize = 64 << 10

// A Reader reads records from a CSV stream.
//
// As returned by NewReader, a Reader expects input separated by commas.
// The exported fields can be changed to customize the details before the
// first call to Read.
//
// The slice Read returns is reused by the next call; the strings in it
// are not, and stay valid.
type Reader struct {
	// Comma is the field delimiter, a single byte. It is set to comma
	// (',') by NewReader. It must not be a quote, "\r" or "\n".
	Comma byte

	// MaxRecord, if positive, is the most bytes a record may take, its
	// line breaks included (and so a field): Read returns a *ParseError
	// wrapping ErrTooLong for a longer one, having held no more than about
	// MaxRecord bytes. A quote never closed makes the rest of the stream
	// one field, so this also bounds what a broken file costs.
	MaxRecord int

	br      *bufio.Reader
	fields  []string // the last record, reused
	buf     []byte   // the fields of a quoted record, one after the other
	ends    []int    // where each field of buf ends
	lineBuf []byte   // a line longer than br's buffer
	raw     int      // bytes of the record being read, as written
	chunk   string   // quote-free complete lines taken from br, not split yet
	lines   int      // lines consumed so far
	first   int      // line of the last record's first field
	end     int      // line the last record ends on
	// unterminated: the last record holds a quoted field never closed,
	// so its last field runs to the end of the stream.
	unterminated bool
}

// NewReader returns a new Reader that reads from r. When r is a
// *bufio.Reader of at least 64 KB, the Reader reads through it (so that
// bytes a caller peeked at are not lost); otherwise it buffers r itself.
func NewReader(r io.Reader) *Reader {
	return &Reader{Comma: ',', br: bufio.NewReaderSize(r, bufSize)}
}

// Read reads one record (a slice of fields) from r. A blank line is not a
// record. At the end of the input Read returns nil, io.EOF.
func (r *Reader) Read() ([]string, error) {
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
		if r.MaxRecord > 0 && len(line)+1 > r.MaxRecord {
			r.first, r.raw, r.ends = r.lines, len(line)+1, r.ends[:0]
			return nil, r.checkRaw([]byte(line), false)
		}
		r.first, r.end, r.unterminated = r.lines, r.lines, false
		r.fields = splitRecord(r.fields[:0], line, r.Comma)
		return r.fields, nil
	}
	return r.readQuoted()
}

// take moves the complete lines buffered in br before the first quote into
// chunk, as one string (one allocation for many records), without reading
// from the underlying reader. It reports whether it took any.
func (r *Reader) take() bool {
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

// Lines returns the line on which the last record read starts (its first
// field) and the line it ends on, counting from 1 at the first line of
// the stream the Reader was given. Blank lines before a record are not
// part of it.
func (r *Reader) Lines() (first, last int) { return r.first, r.end }

// Unterminated reports whether the last record read ends in a quoted
// field that is never closed: its last field then holds the rest of the
// stream. Spreadsheet programs read such a file the same way; it is
// usually a mistake the user should be told about.
func (r *Reader) Unterminated() bool { return r.unterminated }

// splitRecord appends the fields of an unquoted line to dst, finding the
// delimiters eight bytes at a time.
func splitRecord(dst []string, line string, comma byte) []string {
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
			dst = append(dst, line[start:j])
			start = j + 1
			m &= m - 1
		}
	}
	for ; i < len(line); i++ {
		if line[i] == comma {
			dst = append(dst, line[start:i])
			start = i + 1
		}
	}
	return append(dst, line[start:])
}

// load64 returns the eight bytes of s at i as a little-endian word.
func load64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

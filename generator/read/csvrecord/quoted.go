package csvrecord

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
)

// ErrTooLong is the error of a record longer than Reader.MaxRecord.
var ErrTooLong = errors.New("record too long")

// A ParseError is returned for a record that cannot be read. The line
// numbers count from 1.
type ParseError struct {
	StartLine int   // line where the record starts
	Line      int   // line where the error occurred
	Field     int   // field (from 1) where the error occurred
	Quoted    bool  // the field is a quoted field not closed yet
	Err       error // the error, such as ErrTooLong
}

func (e *ParseError) Error() string {
	if e.StartLine != e.Line {
		return fmt.Sprintf("record on line %d; field %d on line %d: %v", e.StartLine, e.Field, e.Line, e.Err)
	}
	return fmt.Sprintf("line %d, field %d: %v", e.Line, e.Field, e.Err)
}

func (e *ParseError) Unwrap() error { return e.Err }

// readQuoted reads the next record from br when it is not a quote-free
// line the fast path takes: a record holding a quote, a line longer than
// the buffer, the last line of the stream.
//
// A field that starts with a quote runs to the next quote not doubled; ""
// in it is one quote; text after its closing quote, up to the delimiter,
// is kept as it is ("Phase" 2 → Phase 2), as Excel, LibreOffice and
// Python's csv read it. A quote inside an unquoted field is text. Line
// breaks are "\n" or "\r\n" ("\n" inside a field; a "\r" ending the
// stream is dropped, as encoding/csv drops it). Blank lines are skipped;
// at the end of the stream it returns io.EOF.
//
// The fields are read into one buffer and returned as slices of one
// string: one allocation for the record.
func (r *Reader) readQuoted() ([]string, error) {
	var line []byte
	var err error
	r.raw = 0
	for {
		line, err = r.readLine(false)
		if len(line) == 0 {
			if err == nil {
				err = io.EOF
			}
			return nil, err
		}
		if err != nil && err != io.EOF {
			return nil, err
		}
		if len(line) > 1 || line[0] != '\n' {
			break
		}
		r.raw = 0 // a blank line is not part of the record
	}
	r.first = r.lines
	r.unterminated = false
	r.buf, r.ends = r.buf[:0], r.ends[:0]
	if err := r.checkRaw(line, false); err != nil {
		return nil, err
	}
	// endField ends the field at the end of buf.
	endField := func() { r.ends = append(r.ends, len(r.buf)) }
parseField:
	for {
		if len(line) == 0 || line[0] != '"' {
			// an unquoted field: up to the delimiter or the end of the line
			var more bool
			if line, more = r.restOfField(line); !more {
				break parseField
			}
			continue
		}
		// a quoted field
		line = line[1:]
		for {
			i := bytes.IndexByte(line, '"')
			if i >= 0 {
				r.buf = append(r.buf, line[:i]...)
				line = line[i+1:]
				if len(line) > 0 && line[0] == '"' {
					r.buf = append(r.buf, '"') // "" is a quote
					line = line[1:]
					continue
				}
				// after the closing quote: text up to the delimiter, as it is
				var more bool
				if line, more = r.restOfField(line); !more {
					break parseField
				}
				continue parseField
			}
			// no closing quote on this line: the field goes on
			r.buf = append(r.buf, line...)
			if line, err = r.readLine(true); len(line) == 0 {
				if err != nil && err != io.EOF {
					return nil, err
				}
				r.unterminated = true // the rest of the stream is in the field
				endField()
				break parseField
			}
			if err := r.checkRaw(line, true); err != nil {
				return nil, err
			}
		}
	}
	s := string(r.buf)
	r.fields = r.fields[:0]
	start := 0
	for _, end := range r.ends {
		r.fields = append(r.fields, s[start:end])
		start = end
	}
	r.end = r.lines
	return r.fields, nil
}

// restOfField appends line up to the delimiter (or the end of the line)
// to buf and ends the field there; it returns what follows the delimiter
// and whether there was one (false: the record ends with the line).
func (r *Reader) restOfField(line []byte) ([]byte, bool) {
	i := bytes.IndexByte(line, r.Comma)
	if i < 0 {
		r.buf = append(r.buf, trimNewline(line)...)
		r.ends = append(r.ends, len(r.buf))
		return nil, false
	}
	r.buf = append(r.buf, line[:i]...)
	r.ends = append(r.ends, len(r.buf))
	return line[i+1:], true
}

// checkRaw refuses the record when line, just read, takes it past
// MaxRecord. inQuote: the line starts inside a quoted field.
func (r *Reader) checkRaw(line []byte, inQuote bool) error {
	if r.MaxRecord <= 0 || r.raw <= r.MaxRecord {
		return nil
	}
	// the field where the limit falls: the fields ended before this
	// line, and the delimiters of the line up to it
	field, pos := len(r.ends)+1, r.MaxRecord-(r.raw-len(line))
	for _, c := range line[:max(0, min(pos, len(line)))] {
		switch {
		case c == '"':
			inQuote = !inQuote
		case c == r.Comma && !inQuote:
			field++
		}
	}
	return &ParseError{StartLine: r.first, Line: r.lines, Field: field, Quoted: inQuote, Err: ErrTooLong}
}

// readLine reads the next line with its "\n" ("\r\n" is read as "\n";
// the last line of the stream may have none, and a "\r" ending it is
// dropped), and adds its length to raw. The slice is valid until the next
// read. A line longer than the buffer is gathered in lineBuf, and refused
// once the record passes MaxRecord (inQuote: the line continues a quoted
// field). At the end of the stream it returns no bytes.
func (r *Reader) readLine(inQuote bool) ([]byte, error) {
	line, err := r.br.ReadSlice('\n')
	if err == bufio.ErrBufferFull {
		r.lineBuf = append(r.lineBuf[:0], line...)
		for err == bufio.ErrBufferFull {
			if r.MaxRecord > 0 && r.raw+len(r.lineBuf) > r.MaxRecord {
				if r.first <= r.lines || !inQuote { // a record's first line
					r.first = r.lines + 1
				}
				r.lines++
				r.raw += len(r.lineBuf)
				return nil, r.checkRaw(r.lineBuf, inQuote)
			}
			line, err = r.br.ReadSlice('\n')
			r.lineBuf = append(r.lineBuf, line...)
		}
		line = r.lineBuf
	}
	if err == io.EOF && len(line) > 0 && line[len(line)-1] == '\r' {
		line = line[:len(line)-1] // a "\r" ending the stream
		if len(line) == 0 {
			return nil, io.EOF
		}
	}
	if len(line) > 0 {
		r.lines++
	}
	if n := len(line); n >= 2 && line[n-1] == '\n' && line[n-2] == '\r' {
		line[n-2] = '\n'
		line = line[:n-1]
	}
	r.raw += len(line)
	return line, err
}

// trimNewline drops the "\n" ending a line.
func trimNewline(b []byte) []byte {
	if n := len(b); n > 0 && b[n-1] == '\n' {
		return b[:n-1]
	}
	return b
}

package csvrecord

import (
	"bufio"
	"encoding/csv"
	"io"
	"reflect"
	"strings"
	"testing"
)

// This file keeps the first, byte-at-a-time record reader as the
// reference the Reader is checked against: simple enough to read at a
// glance, and itself checked against encoding/csv (FuzzReference).

// quotedRecord is one CSV record read as a spreadsheet program reads it.
type quotedRecord struct {
	fields []string
	// skipped is the number of blank lines before the record; lastAt the
	// line of its last field's start, counted from the record's first
	// line (0); lines the lines it spans.
	skipped, lastAt, lines int
	// unterminated: a quoted field was still open at the end of the
	// stream, so it holds the rest of the file.
	unterminated bool
}

// refQuotedRecord reads the next record from br, at the start of a line.
// A field that starts with a quote runs to the next quote not doubled;
// "" in it is one quote; text after its closing quote, up to the
// delimiter, is kept as it is ("Phase" 2 → Phase 2), as Excel,
// LibreOffice and Python's csv read it. A quote inside an unquoted field
// is text. Line breaks are "\n" or "\r\n" ("\n" inside a field; a "\r"
// ending the stream is dropped, as encoding/csv drops it). Blank
// lines are skipped; at the end of the stream it returns io.EOF.
func refQuotedRecord(br *bufio.Reader, comma byte, dst []string) (quotedRecord, error) {
	rec := quotedRecord{fields: dst[:0]}
	var b strings.Builder
	const (
		fieldStart = iota
		unquoted
		quoted
		afterQuote
	)
	state, line, started := fieldStart, 0, false
	end := func() { rec.fields = append(rec.fields, b.String()); b.Reset() }
	for {
		c, err := br.ReadByte()
		if err == io.EOF {
			if !started {
				return rec, io.EOF
			}
			rec.unterminated = state == quoted
			rec.lines = line + 1
			if rec.unterminated && strings.HasSuffix(b.String(), "\n") {
				rec.lines-- // the stream's last line break ends its last line
			}
			end()
			return rec, nil
		}
		if err != nil {
			return rec, err
		}
		if c == '\r' {
			if next, err := br.Peek(1); err == io.EOF || err == nil && next[0] == '\n' {
				continue // "\r\n" is read as "\n", a "\r" ending the stream as its end
			}
		}
		if c == '\n' && state != quoted {
			if !started {
				rec.skipped++ // a blank line
				continue
			}
			end()
			rec.lines = line + 1
			return rec, nil
		}
		started = true
		switch state {
		case fieldStart:
			switch c {
			case '"':
				state = quoted
				rec.lastAt = line
			case comma:
				rec.lastAt = line
				end()
			default:
				rec.lastAt = line
				b.WriteByte(c)
				state = unquoted
			}
		case unquoted, afterQuote:
			if c == comma {
				end()
				state = fieldStart
				// the next field starts here, even if it is empty
				rec.lastAt = line
				continue
			}
			b.WriteByte(c)
		case quoted:
			switch c {
			case '"':
				if next, err := br.Peek(1); err == nil && next[0] == '"' {
					br.ReadByte()
					b.WriteByte('"')
					continue
				}
				state = afterQuote
			case '\n':
				line++
				b.WriteByte('\n')
			default:
				b.WriteByte(c)
			}
		}
	}
}

// FuzzReference checks that whatever encoding/csv reads strictly,
// refQuotedRecord reads the same, and that it never fails otherwise.
func FuzzReference(f *testing.F) {
	for _, s := range []string{"a,b\n", "\"a\"\"b\",c\r\n", "\"x\ny\",z", "\"Phase\" 2,x\n", "a\"b,c\n\n\nd", "\"open"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		br := bufio.NewReader(strings.NewReader(in))
		var got [][]string
		for {
			rec, err := refQuotedRecord(br, ',', nil)
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, append([]string(nil), rec.fields...))
		}
		cr := csv.NewReader(strings.NewReader(in))
		cr.FieldsPerRecord = -1
		want, err := cr.ReadAll()
		if err != nil || strings.Contains(in, "\r") {
			return
		}
		if len(want) == 0 {
			want = nil
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%q:\n got %q\nwant %q", in, got, want)
		}
	})
}

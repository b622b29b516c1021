package xlsx

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

// Type is the type a cell has in the file, whichever program wrote it.
type Type uint8

// Cell types. Shared strings (t="s"), inline strings (t="inlineStr") and a
// formula's text result (t="str") are all Text; a number (t="n" or no
// type, dates included: a date is a number with a date format) is Number.
const (
	Blank  Type = iota // no value
	Number             // Value is the number as written: 46000, 0.5, 1E-3
	Text               // Value is the text
	Bool               // Value is TRUE or FALSE
	Date               // t="d": Value is an ISO 8601 date or date-time as written
	Error              // Value is the error: #N/A, #REF!, …
)

// Cell is one cell: its type and its value. A formula cell holds the
// result saved with it.
type Cell struct {
	Type  Type
	Value string
}

// Rows reads the rows of one sheet, in order, from the worksheet's XML as
// a stream: only the current row is held.
type Rows struct {
	w     *Workbook
	name  string
	rc    io.ReadCloser
	ahead *ahead // rc unpacked ahead of s, for a large part; or nil
	s     *scanner
	row   int
	cells []Cell
	err   error
	state int
	// the values of the current row's cells other than shared strings,
	// decoded one after the other: one string for the row
	vals    []byte
	pending []pendingCell
	scratch []byte
}

// pendingCell is a cell whose value is vals[start:end].
type pendingCell struct {
	col        int
	typ        Type
	start, end int
}

const (
	beforeData = iota
	inData
	done
)

// Rows returns the rows of sheet i (see Sheets). A sheet without cells (a
// chart sheet) has no rows.
func (w *Workbook) Rows(i int) (*Rows, error) {
	sh := w.sheets[i]
	r := &Rows{w: w, name: sh.Name}
	if sh.Kind != Worksheet {
		r.state = done
		return r, nil
	}
	if sh.part == nil {
		return nil, fmt.Errorf("the workbook lists sheet %q but holds no worksheet for it", sh.Name)
	}
	if err := checkRatio(sh.part, w.lim); err != nil {
		return nil, err
	}
	rc, err := sh.part.Open()
	if err != nil {
		return nil, err
	}
	r.rc = rc
	var src io.Reader = rc
	if sh.part.UncompressedSize64 >= aheadMin {
		r.ahead = newAhead(rc)
		src = r.ahead
	}
	r.s = newScanner(src, w.lim.Depth)
	return r, nil
}

// Close releases the sheet's stream.
func (r *Rows) Close() error {
	if r.rc == nil {
		return nil
	}
	if r.ahead != nil {
		r.ahead.Close() // its goroutine reads rc no more
	}
	err := r.rc.Close()
	r.rc = nil
	return err
}

// Row returns the number of the current row, from 1.
func (r *Rows) Row() int { return r.row }

// Cells returns the cells of the current row by column: Cells()[0] is
// column A. Blank cells are Blank. The slice is reused by the next call
// of Next; the strings in it are not.
func (r *Rows) Cells() []Cell { return r.cells }

// Err returns the error that stopped Next, if any.
func (r *Rows) Err() error { return r.err }

// Next reads the next row that is in the file (rows the file leaves out
// are blank and skipped). It returns false after the last row or on an
// error (see Err).
func (r *Rows) Next() bool {
	if r.state == done || r.err != nil {
		return false
	}
	ok, err := r.next()
	if err != nil {
		r.err = err
		if !errors.As(err, new(cellError)) {
			r.err = fmt.Errorf("%s: %w", r.where(), err)
		}
		r.state = done
		return false
	}
	return ok
}

// cellError is an error that names its cell.
type cellError struct{ error }

func (e cellError) Unwrap() error { return e.error }

// where names the row being read for an error.
func (r *Rows) where() string {
	if r.row == 0 {
		return "the sheet cannot be read"
	}
	return fmt.Sprintf("row %d", r.row)
}

func (r *Rows) next() (bool, error) {
	s := r.s
	for {
		if err := s.next(); err != nil {
			return false, err
		}
		if s.kind == tokEOF {
			r.state = done
			return false, nil
		}
		switch r.state {
		case beforeData:
			if string(s.name) == "dimension" {
				// a sheet past Excel's last row says so before its rows
				if ref, ok := s.attr("ref"); ok {
					if n := lastRow(ref); n > r.w.lim.Rows {
						return false, fmt.Errorf("the sheet spans %s rows (%s), more than the limit of %s rows (Excel's)", thousands(n), ref, thousands(r.w.lim.Rows))
					}
				}
			}
			if string(s.name) == "sheetData" {
				switch s.kind {
				case tokStart:
					r.state = inData
				case tokEmpty:
					r.state = done
					return false, nil
				}
			}
		case inData:
			switch {
			case s.kind == tokEnd && string(s.name) == "sheetData":
				r.state = done
				return false, nil
			case (s.kind == tokStart || s.kind == tokEmpty) && string(s.name) == "row":
				n := r.row + 1
				if v, ok := s.attr("r"); ok {
					var err error
					if n, err = strconv.Atoi(string(v)); err != nil || n < 1 {
						return false, fmt.Errorf("row number %q is not valid", v)
					}
				}
				if n <= r.row {
					return false, fmt.Errorf("row %d comes after row %d; the file is damaged", n, r.row)
				}
				if n > r.w.lim.Rows {
					return false, fmt.Errorf("the sheet has a row %d, past the limit of %d rows (Excel's)", n, r.w.lim.Rows)
				}
				r.row = n
				if s.kind == tokEmpty {
					continue // a row without cells is blank
				}
				if err := r.readRow(); err != nil {
					return false, err
				}
				return true, nil
			case s.kind == tokStart:
				if err := s.skip(); err != nil {
					return false, err
				}
			}
		}
	}
}

// readRow reads the cells of the row whose start tag was just read.
func (r *Rows) readRow() error {
	s := r.s
	r.cells, r.vals, r.pending = r.cells[:0], r.vals[:0], r.pending[:0]
	col := -1
	for {
		if err := s.next(); err != nil {
			return err
		}
		switch s.kind {
		case tokEOF:
			return errors.New("the sheet ends inside a row")
		case tokEnd:
			if string(s.name) == "row" {
				r.finishRow()
				return nil
			}
		case tokStart, tokEmpty:
			if string(s.name) != "c" {
				if err := s.skip(); err != nil {
					return err
				}
				continue
			}
			col++
			if ref, ok := s.attr("r"); ok {
				c, err := refColumn(ref)
				if err != nil {
					return err
				}
				col = c
			}
			if col >= r.w.lim.Columns {
				return fmt.Errorf("a cell lies past column %d, the last column (Excel's limit)", r.w.lim.Columns)
			}
			t, _ := s.attr("t")
			typ := string(t)
			if s.kind == tokEmpty {
				continue // a cell with a style and no value
			}
			if err := r.readCell(col, typ); err != nil {
				return err
			}
		}
	}
}

// lastRow returns the row number ending a range such as "A1:T500" (0 when
// it has none).
func lastRow(ref []byte) int {
	i := len(ref)
	for i > 0 && ref[i-1] >= '0' && ref[i-1] <= '9' {
		i--
	}
	if len(ref)-i > 9 {
		return 1 << 30
	}
	n, _ := strconv.Atoi(string(ref[i:]))
	return n
}

// refColumn returns the 0-based column of a cell reference such as "AB12".
func refColumn(ref []byte) (int, error) {
	n, i := 0, 0
	for ; i < len(ref) && i < 4; i++ {
		c := ref[i]
		if c >= 'a' && c <= 'z' {
			c -= 'a' - 'A'
		}
		if c < 'A' || c > 'Z' {
			break
		}
		n = n*26 + int(c-'A'+1)
	}
	if n == 0 {
		return 0, fmt.Errorf("cell reference %q is not valid", ref)
	}
	return n - 1, nil
}

// readCell reads the content of a cell of type typ (its t attribute) in
// column col, whose start tag was just read, through its end tag.
func (r *Rows) readCell(col int, typ string) error {
	s := r.s
	start := len(r.vals)
	var v []byte // the text of <v>, decoded, in scratch
	hasV, inIS, inT, inRPh := false, false, 0, 0
	r.scratch = r.scratch[:0]
	for {
		if err := s.next(); err != nil {
			return err
		}
		switch s.kind {
		case tokEOF:
			return errors.New("the sheet ends inside a cell")
		case tokStart, tokEmpty:
			switch string(s.name) {
			case "v":
				hasV = true
				if s.kind == tokStart {
					if err := r.collect(col); err != nil {
						return err
					}
				}
				v = r.scratch
			case "is":
				inIS = s.kind == tokStart
			case "t":
				if inIS && s.kind == tokStart {
					inT++
				}
			case "rPh":
				if inIS && s.kind == tokStart {
					inRPh++
				}
			case "r":
				if !inIS { // a run of rich text is read within <is>
					if err := s.skip(); err != nil {
						return err
					}
				}
			default:
				if err := s.skip(); err != nil { // <f>, <extLst>
					return err
				}
			}
		case tokText:
			if inIS && inT > 0 && inRPh == 0 {
				var err error
				if r.scratch, err = s.appendText(r.scratch); err != nil {
					return err
				}
				if len(r.scratch) > maxCellBytes(r.w.lim) {
					return r.tooLong(col, -1)
				}
				v = r.scratch
			}
		case tokEnd:
			switch string(s.name) {
			case "c":
				return r.setCell(col, typ, v, hasV || len(v) > 0, start)
			case "is":
				inIS = false
			case "t":
				inT = max(inT-1, 0)
			case "rPh":
				inRPh = max(inRPh-1, 0)
			}
		}
	}
}

// maxCellBytes is the most bytes the text of a cell within the limit can
// take (four a character).
func maxCellBytes(lim Limits) int { return 4*lim.Cell + 4 }

// collect appends the decoded text up to the end of the element whose
// start tag was just read to scratch (the value of the cell in column
// col).
func (r *Rows) collect(col int) error {
	s := r.s
	for {
		if err := s.next(); err != nil {
			return err
		}
		switch s.kind {
		case tokText:
			var err error
			if r.scratch, err = s.appendText(r.scratch); err != nil {
				return err
			}
			if len(r.scratch) > maxCellBytes(r.w.lim) {
				return r.tooLong(col, -1)
			}
		case tokStart:
			if err := s.skip(); err != nil {
				return err
			}
		case tokEnd:
			return nil
		case tokEOF:
			return errors.New("the sheet ends inside a cell")
		}
	}
}

// setCell records the cell of column col whose value is v.
func (r *Rows) setCell(col int, typ string, v []byte, has bool, start int) error {
	if !has || len(v) == 0 {
		return nil
	}
	t := Number
	switch typ {
	case "s":
		i, err := strconv.Atoi(string(v))
		str, ok := r.w.sst.get(i)
		if err != nil || !ok {
			return cellError{fmt.Errorf("cell %s refers to shared string %q, which the workbook does not have", cellRef(col, r.row), v)}
		}
		if n, long := r.w.sst.long[i]; long {
			return r.tooLong(col, n)
		}
		if str != "" {
			r.set(col, Cell{Type: Text, Value: str})
		}
		return nil
	case "str", "inlineStr":
		t = Text
		r.vals = appendXString(r.vals, v)
	case "b":
		t = Bool
		switch string(v) {
		case "1", "true", "TRUE":
			r.vals = append(r.vals, "TRUE"...)
		case "0", "false", "FALSE":
			r.vals = append(r.vals, "FALSE"...)
		default:
			return cellError{fmt.Errorf("cell %s is a yes/no cell holding %q; the file is damaged", cellRef(col, r.row), v)}
		}
	case "e":
		t = Error
		r.vals = append(r.vals, v...)
	case "d":
		t = Date
		r.vals = append(r.vals, v...)
	default: // "n", "", and types no program writes, read as Excel does: a number
		r.vals = append(r.vals, v...)
	}
	if len(r.vals) == start {
		return nil
	}
	if n := utf8.RuneCount(r.vals[start:]); n > r.w.lim.Cell {
		return r.tooLong(col, n)
	}
	r.pending = append(r.pending, pendingCell{col: col, typ: t, start: start, end: len(r.vals)})
	return nil
}

// tooLong is the error of a cell holding more than the cell limit (n
// characters, or -1 when it was not read to its end).
func (r *Rows) tooLong(col, n int) error {
	if n > 0 {
		return cellError{fmt.Errorf("cell %s holds %s characters, more than %s, Excel's limit for a cell; the file is not read", cellRef(col, r.row), thousands(n), thousands(r.w.lim.Cell))}
	}
	return cellError{fmt.Errorf("cell %s holds more than %s characters, Excel's limit for a cell; the file is not read", cellRef(col, r.row), thousands(r.w.lim.Cell))}
}

// thousands writes n with thousands separators: 32,767.
func thousands(n int) string { return message.NewPrinter(language.English).Sprint(n) }

// set stores cell c in column col of the current row.
func (r *Rows) set(col int, c Cell) {
	for len(r.cells) <= col {
		r.cells = append(r.cells, Cell{})
	}
	r.cells[col] = c
}

// finishRow turns the pending cells' values into strings: one string for
// the row, sliced.
func (r *Rows) finishRow() {
	if len(r.pending) == 0 {
		return
	}
	all := string(r.vals)
	for _, p := range r.pending {
		r.set(p.col, Cell{Type: p.typ, Value: all[p.start:p.end]})
	}
}

// cellRef names a cell: column letters and row number, "AB12".
func cellRef(col, row int) string {
	var b [8]byte
	n := len(b)
	for c := col + 1; c > 0 && n > 0; c = (c - 1) / 26 {
		n--
		b[n] = byte('A' + (c-1)%26)
	}
	return string(b[n:]) + strconv.Itoa(row)
}

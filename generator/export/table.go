package export

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// kind is how a column's values are stored and formatted.
type kind uint8

const (
	text   kind = iota // a string cell
	money              // #,##0
	share              // 0.0%
	score              // 0
	count              // 0
	number             // General
	hours              // 0.0
)

// column is one column of a sheet.
type column struct {
	head  string
	kind  kind
	width float64 // fixed width; 0 means fit the content
}

// value is one cell of a row as a sheet gives it: a text, a number or
// nothing (an empty cell). A value is not an interface: a 10k-initiative
// workbook has a million cells, and boxing each one was an allocation.
type value struct {
	s    string
	x    float64
	what what
	k    kind // with over set: the cell's kind, else its column's
	over bool
}

// what a value or a cell holds.
type what uint8

const (
	none   what = iota // an empty cell
	isText             // s
	isNum              // x
)

// str is a text value; "" is an empty cell.
func str(s string) value { return value{s: s, what: isText} }

// num is a number.
func num(x float64) value { return value{x: x, what: isNum} }

// numPtr is a number, or an empty cell when p is nil.
func numPtr(p *float64) value {
	if p == nil {
		return value{}
	}
	return num(*p)
}

// intPtr is an integer, or an empty cell when p is nil.
func intPtr(p *int) value {
	if p == nil {
		return value{}
	}
	return num(float64(*p))
}

// as overrides the column's kind for one value (Summary mixes kinds in
// its value column).
func (v value) as(k kind) value {
	v.k, v.over = k, true
	return v
}

// styles holds the style ids of a workbook, made once per file.
type styles struct {
	head int
	kind [hours + 1]int // a kind's number format style, 0: none

	splices *splices // nil: every row goes through the StreamWriter
}

func newStyles(f *excelize.File) (styles, error) {
	var s styles
	var err error
	s.head, err = f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E7ECF2"}},
		Border:    []excelize.Border{{Type: "bottom", Color: "8896A8", Style: 1}},
		Alignment: &excelize.Alignment{Vertical: "top", WrapText: true},
	})
	if err != nil {
		return s, err
	}
	formats := map[kind]string{money: "#,##0", share: "0.0%", score: "0", count: "0", hours: "0.0"}
	for _, k := range []kind{money, share, score, count, hours} {
		code := formats[k]
		if s.kind[k], err = f.NewStyle(&excelize.Style{CustomNumFmt: &code}); err != nil {
			return s, err
		}
	}
	return s, nil
}

// writeTable writes a header row and rows of cells to sheet, freezes the
// header row and the first freezeCols columns, adds an autofilter and sets
// column widths. The sheet is written with a StreamWriter: cells go
// straight to XML rather than into excelize's cell model (a
// 10k-initiative Checks sheet has 90k rows).
func writeTable(f *excelize.File, st styles, sheet string, cols []column, rows [][]value, freezeCols int) error {
	return streamTable(f, st, sheet, cols, sliceRows(rows), freezeCols)
}

// rowSource gives a sheet's rows one at a time: row i is appended to dst.
// A large sheet makes each row as it is written rather than holding them
// all.
type rowSource interface {
	Len() int
	Row(i int, dst []value) []value
}

// sliceRows is a rowSource of rows made beforehand.
type sliceRows [][]value

func (r sliceRows) Len() int                       { return len(r) }
func (r sliceRows) Row(i int, dst []value) []value { return append(dst, r[i]...) }

// streamTable is writeTable over a rowSource.
func streamTable(f *excelize.File, st styles, sheet string, cols []column, rows rowSource, freezeCols int) error {
	// First pass: the columns' widths; the cells are made again row by row
	// as they are streamed, rather than held for the whole sheet.
	widths := make([]int, len(cols))
	head := make([]any, len(cols))
	for c, col := range cols {
		head[c] = excelize.Cell{StyleID: st.head, Value: col.head}
		widths[c] = longestWord(col.head) + 3 // headers wrap; room for the filter button
	}
	n := rows.Len()
	simple, err := measure(sheet, cols, rows, widths)
	if err != nil {
		return err
	}
	// The autofilter goes into the worksheet before streaming; the stream
	// writes it after the rows.
	end, _ := excelize.CoordinatesToCellName(len(cols), n+1)
	if err := f.AutoFilter(sheet, "A1:"+end, nil); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	for c, col := range cols {
		w := col.width
		if w == 0 {
			w = float64(min(max(widths[c], 6), maxWidth)) + 1
		}
		if err := sw.SetColWidth(c+1, c+1, w); err != nil {
			return err
		}
	}
	panes := &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}
	if freezeCols > 0 {
		tl, _ := excelize.CoordinatesToCellName(freezeCols+1, 2)
		panes = &excelize.Panes{Freeze: true, XSplit: freezeCols, YSplit: 1, TopLeftCell: tl, ActivePane: "bottomRight"}
	}
	if err := sw.SetPanes(panes); err != nil {
		return err
	}
	if err := sw.SetRow("A1", head); err != nil {
		return err
	}
	if simple && st.splices != nil && n > 0 {
		idx, err := f.GetSheetIndex(sheet)
		if err != nil || idx < 0 {
			return fmt.Errorf("%s: no such sheet", sheet)
		}
		st.splices.add("xl/worksheets/sheet"+strconv.Itoa(idx+1)+".xml", func(w io.Writer) error {
			return spliceRows(w, st, cols, rows)
		})
		return sw.Flush()
	}
	var (
		row  []value
		vals []any
	)
	for r := range n {
		row = rows.Row(r, row[:0])
		vals = vals[:0]
		for c, v := range row {
			vals = append(vals, streamValue(st, v, cols[c].kind))
		}
		name, _ := excelize.CoordinatesToCellName(1, r+2)
		if err := sw.SetRow(name, vals); err != nil {
			return fmt.Errorf("%s!%s: %w", sheet, name, err)
		}
	}
	return sw.Flush()
}

// measure widens widths[c] to the widest cell of column c, and reports
// whether every cell is simple: written by spliceRows exactly as by
// StreamWriter.SetRow. A text equal to the one above it in its column
// (an initiative's id, name and unit on its nine Checks rows) is not
// measured again.
func measure(sheet string, cols []column, rows rowSource, widths []int) (simple bool, err error) {
	simple = true
	above := make([]string, len(cols))
	var row []value
	for r := range rows.Len() {
		row = rows.Row(r, row[:0])
		if len(row) > len(cols) {
			return false, fmt.Errorf("%s row %d: %d cells for %d columns", sheet, r+2, len(row), len(cols))
		}
		for c := range row {
			v := &row[c]
			switch {
			case v.what == isText:
				if v.s == "" || v.s == above[c] {
					continue
				}
				above[c] = v.s
				// A column is never made wider than maxWidth: once it
				// is that wide, its cells need not be measured.
				if widths[c] < maxWidth {
					widths[c] = max(widths[c], textWidth(v.s))
				}
				simple = simple && simpleText(v.s)
			case v.what == isNum && isFigure(v.x):
				k := cols[c].kind
				if v.over {
					k = v.k
				}
				if widths[c] < maxWidth {
					widths[c] = max(widths[c], numWidth(v.x, k))
				}
				simple = simple && simpleNum(v.x)
			}
		}
	}
	return simple, nil
}

// isFigure reports whether x is written: NaN and the infinities are not
// figures, and leave their cell empty.
func isFigure(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

// streamValue returns value v of a column of kind k as
// StreamWriter.SetRow takes it: nil for an empty cell, a string, a
// float64, or a Cell holding a float64 in its number format's style.
// Texts always go in as string cells, whatever they start with: the
// stream writes a formula only for a Cell with its Formula set, which is
// never done here.
func streamValue(st styles, v value, k kind) any {
	if v.over {
		k = v.k
	}
	switch {
	case v.what == isText && v.s != "":
		return v.s
	case v.what == isNum && isFigure(v.x):
		if s := st.kind[k]; s != 0 {
			return excelize.Cell{StyleID: s, Value: v.x}
		}
		return v.x
	}
	return nil
}

// spliceRows writes the data rows of a simple sheet as StreamWriter.SetRow
// writes them, from row 2. A text equal to the one above it in its column
// reuses that cell's XML.
func spliceRows(w io.Writer, st styles, cols []column, rows rowSource) error {
	refs := make([]string, len(cols))
	for c := range refs {
		refs[c], _ = excelize.ColumnNumberToName(c + 1)
	}
	above := make([]string, len(cols)) // the text above, "" none
	tails := make([][]byte, len(cols)) // its cell's XML after the reference
	var (
		buf = make([]byte, 0, 80<<10)
		row []value
		num [20]byte
	)
	for r := range rows.Len() {
		row = rows.Row(r, row[:0])
		rn := strconv.AppendInt(num[:0], int64(r+2), 10)
		buf = append(buf, `<row r="`...)
		buf = append(buf, rn...)
		buf = append(buf, `">`...)
		for c := range row {
			v := &row[c]
			switch {
			case v.what == isText && v.s != "":
				if v.s != above[c] {
					above[c], tails[c] = v.s, appendTextTail(tails[c][:0], v.s)
				}
				buf = append(buf, `<c r="`...)
				buf = append(buf, refs[c]...)
				buf = append(buf, rn...)
				buf = append(buf, tails[c]...)
			case v.what == isNum && isFigure(v.x):
				k := cols[c].kind
				if v.over {
					k = v.k
				}
				buf = appendNumCell(buf, refs[c], rn, st.kind[k], v.x)
			}
		}
		buf = append(buf, `</row>`...)
		if len(buf) >= 64<<10 {
			if _, err := w.Write(buf); err != nil {
				return err
			}
			buf = buf[:0]
		}
	}
	_, err := w.Write(buf)
	return err
}

// longestWord returns the length in characters of the longest word of s.
func longestWord(s string) int {
	n := 0
	for _, w := range strings.Fields(s) {
		n = max(n, utf8.RuneCountInString(w))
	}
	return n
}

// maxWidth is the widest a column is made for its text, in characters.
const maxWidth = 60

// textWidth returns the characters of s, or some number of them at least
// maxWidth when s has more: a column is never made wider, so the runes of
// a long text (a check's reason, a decision) past its first maxWidth
// are not counted. maxWidth runes take at most maxWidth*UTFMax bytes.
func textWidth(s string) int {
	return utf8.RuneCountInString(s[:min(len(s), maxWidth*utf8.UTFMax)])
}

// numWidth estimates the characters a number shows in its format.
func numWidth(x float64, k kind) int {
	var b [32]byte
	switch k {
	case share:
		return len(strconv.AppendFloat(b[:0], x*100, 'f', 1, 64)) + 1
	case money:
		n := len(appendRounded(b[:0], math.Abs(x)))
		return n + (n-1)/3 + 1
	case hours:
		return len(strconv.AppendFloat(b[:0], x, 'f', 1, 64))
	case score, count:
		return len(appendRounded(b[:0], x))
	}
	return len(strconv.AppendFloat(b[:0], x, 'g', 10, 64))
}

// appendRounded appends x as strconv.AppendFloat(dst, x, 'f', 0, 64)
// does, integers through AppendInt.
func appendRounded(dst []byte, x float64) []byte {
	if x == math.Trunc(x) && math.Abs(x) < 1e15 && (x != 0 || !math.Signbit(x)) {
		return strconv.AppendInt(dst, int64(x), 10)
	}
	return strconv.AppendFloat(dst, x, 'f', 0, 64)
}

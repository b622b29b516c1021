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
type kind int

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

// typed overrides the column's kind for one cell (Summary mixes kinds in
// its value column).
type typed struct {
	v any
	k kind
}

// styles holds the style ids of a workbook, made once per file.
type styles struct {
	head int
	kind map[kind]int

	splices *splices // nil: every row goes through the StreamWriter
}

func newStyles(f *excelize.File) (styles, error) {
	s := styles{kind: map[kind]int{}}
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
// column widths. A cell is a string, a float64, an int, a pointer to one
// of them (nil is an empty cell), nil, or a typed value. The sheet is
// written with a StreamWriter: cells go straight to XML rather than into
// excelize's cell model (a 10k-initiative Checks sheet has 90k rows).
func writeTable(f *excelize.File, st styles, sheet string, cols []column, rows [][]any, freezeCols int) error {
	return streamTable(f, st, sheet, cols, sliceRows(rows), freezeCols)
}

// rowSource gives a sheet's rows one at a time: row i is appended to dst.
// A large sheet makes each row as it is written rather than holding them
// all.
type rowSource interface {
	Len() int
	Row(i int, dst []any) []any
}

// sliceRows is a rowSource of rows made beforehand.
type sliceRows [][]any

func (r sliceRows) Len() int                   { return len(r) }
func (r sliceRows) Row(i int, dst []any) []any { return append(dst, r[i]...) }

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
	simple := true
	measured := false // the first pass is over: the cells alone are made
	cellsOf := func(r int, row []any, out []any) ([]any, error) {
		if len(row) > len(cols) {
			return nil, fmt.Errorf("%s row %d: %d cells for %d columns", sheet, r+2, len(row), len(cols))
		}
		out = out[:0]
		for c, v := range row {
			k := cols[c].kind
			if t, ok := v.(typed); ok {
				v, k = t.v, t.k
			}
			cell, n, err := cellOf(st, v, k, !measured)
			if err != nil {
				name, _ := excelize.CoordinatesToCellName(c+1, r+2)
				return nil, fmt.Errorf("%s!%s: %w", sheet, name, err)
			}
			out = append(out, cell)
			if !measured {
				widths[c] = max(widths[c], n)
				simple = simple && simpleCell(cell)
			}
		}
		return out, nil
	}
	var cells, row []any
	n := rows.Len()
	for r := range n {
		row = rows.Row(r, row[:0])
		var err error
		if cells, err = cellsOf(r, row, cells); err != nil {
			return err
		}
	}
	measured = true
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
			return spliceRows(w, len(cols), rows, cellsOf)
		})
		return sw.Flush()
	}
	for r := range n {
		row = rows.Row(r, row[:0])
		if cells, err = cellsOf(r, row, cells); err != nil {
			return err
		}
		name, _ := excelize.CoordinatesToCellName(1, r+2)
		if err := sw.SetRow(name, cells); err != nil {
			return fmt.Errorf("%s!%s: %w", sheet, name, err)
		}
	}
	return sw.Flush()
}

// spliceRows writes the data rows of a simple sheet as StreamWriter.SetRow
// writes them, from row 2.
func spliceRows(w io.Writer, ncols int, rows rowSource, cellsOf func(int, []any, []any) ([]any, error)) error {
	refs := make([]string, ncols)
	for c := range refs {
		refs[c], _ = excelize.ColumnNumberToName(c + 1)
	}
	var (
		buf       []byte
		row, cell []any
		err       error
		ref       []byte
	)
	for r := range rows.Len() {
		row = rows.Row(r, row[:0])
		if cell, err = cellsOf(r, row, cell); err != nil {
			return err
		}
		num := strconv.Itoa(r + 2)
		buf = append(buf, `<row r="`...)
		buf = append(buf, num...)
		buf = append(buf, `">`...)
		for c, v := range cell {
			if v == nil {
				continue
			}
			ref = append(append(ref[:0], refs[c]...), num...)
			buf = appendCell(buf, string(ref), v)
		}
		buf = append(buf, `</row>`...)
		if len(buf) >= 64<<10 {
			if _, err := w.Write(buf); err != nil {
				return err
			}
			buf = buf[:0]
		}
	}
	_, err = w.Write(buf)
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

// cellOf returns what the stream writes for one value (nil: an empty
// cell) and, when measure is set, the width its text needs (else 0). Strings always go in as string
// cells, whatever they start with: the stream writes a formula only for a
// Cell with its Formula set, which is never done here.
func cellOf(st styles, v any, k kind, measure bool) (any, int, error) {
	var x float64
	switch t := v.(type) {
	case nil:
		return nil, 0, nil
	case string:
		if t == "" {
			return nil, 0, nil
		}
		if !measure {
			return v, 0, nil
		}
		return v, textWidth(t), nil // v, not t: a string put in an interface again is allocated again
	case *float64:
		if t == nil {
			return nil, 0, nil
		}
		x = *t
	case float64:
		x = t
	case *int:
		if t == nil {
			return nil, 0, nil
		}
		x = float64(*t)
	case int:
		x = float64(t)
	default:
		return nil, 0, fmt.Errorf("cannot write %T", v)
	}
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return nil, 0, nil // not a figure: leave the cell empty
	}
	n := 0
	if measure {
		n = numWidth(x, k)
	}
	if s, ok := st.kind[k]; ok {
		return excelize.Cell{StyleID: s, Value: x}, n, nil
	}
	return x, n, nil
}

// numWidth estimates the characters a number shows in its format.
func numWidth(x float64, k kind) int {
	switch k {
	case share:
		return len(strconv.FormatFloat(x*100, 'f', 1, 64)) + 1
	case money:
		s := strconv.FormatFloat(math.Abs(x), 'f', 0, 64)
		return len(s) + (len(s)-1)/3 + 1
	case hours:
		return len(strconv.FormatFloat(x, 'f', 1, 64))
	case score, count:
		return len(strconv.FormatFloat(x, 'f', 0, 64))
	}
	return len(strconv.FormatFloat(x, 'g', 10, 64))
}

package sampledata

import (
	"bufio"
	"fmt"
	"github.com/opsalign/opsalign/internal/xlsxzip"
	"os"
	"time"

	"github.com/xuri/excelize/v2"
)

// workbook is an .xlsx file to write: its sheets in tab order.
type workbook struct {
	sheets []sheet
}

// sheet is one worksheet. Rows start at row 1; a nil row is a blank row.
type sheet struct {
	name   string
	rows   [][]any
	widths []float64 // column widths from column A; 0 keeps the default
	merges [][2]string
	header int // 1-based row shown in bold; 0 for none
	hidden bool
	// stream writes the sheet with excelize's StreamWriter (inline
	// strings, formulas with their saved results, quick for large sheets);
	// otherwise cells are set one by one into shared strings, as Excel
	// itself saves them.
	stream bool
}

// dateCell is a typed xlsx date cell shown with an Excel number format.
type dateCell struct {
	t      time.Time
	format string
}

// numCell is a typed number shown with an Excel number format.
type numCell struct {
	v      float64
	format string
}

// formulaCell is a formula with the result Excel saved with it.
type formulaCell struct {
	formula string
	value   any
}

// Display formats used by the sample workbooks.
const (
	fmtDMY      = "dd/mm/yyyy"
	fmtMDY      = "m/d/yyyy" // a US display format: the typed value, not the display, is the date
	fmtDayMon   = "d-mmm-yyyy"
	fmtMonthHdr = "mmm-yy"
	fmtMoney    = `#,##0`
	fmtPercent  = "0%"
	fmtDecimal  = "#,##0.00"
)

// writeXLSX writes wb to path. Every sheet is streamed, so large sheets
// stay quick, and parts are written in name order, so the bytes depend on
// wb alone.
func writeXLSX(path string, wb workbook) (err error) {
	f := excelize.NewFile()
	defer func() {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}()
	f.SetZipWriter(xlsxzip.Sorted)
	styles := map[string]int{}
	style := func(format string) (int, error) {
		if id, ok := styles[format]; ok {
			return id, nil
		}
		id, err := f.NewStyle(&excelize.Style{CustomNumFmt: &format})
		if err != nil {
			return 0, err
		}
		styles[format] = id
		return id, nil
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	for i, sh := range wb.sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", sh.name); err != nil {
				return err
			}
		} else if _, err := f.NewSheet(sh.name); err != nil {
			return err
		}
	}
	for _, sh := range wb.sheets {
		write := writeCells
		if sh.stream {
			write = writeStream
		}
		if err := write(f, sh, style, bold); err != nil {
			return fmt.Errorf("%s: sheet %s: %w", path, sh.name, err)
		}
		if sh.hidden {
			if err := f.SetSheetVisible(sh.name, false); err != nil {
				return err
			}
		}
	}
	f.SetActiveSheet(0)
	out, err := os.Create(path)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(out)
	if _, err := f.WriteTo(bw); err != nil {
		out.Close()
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := bw.Flush(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// writeStream streams one sheet's rows.
func writeStream(f *excelize.File, sh sheet, style func(string) (int, error), bold int) error {
	sw, err := f.NewStreamWriter(sh.name)
	if err != nil {
		return err
	}
	for i, w := range sh.widths {
		if w > 0 {
			if err := sw.SetColWidth(i+1, i+1, w); err != nil {
				return err
			}
		}
	}
	for r, row := range sh.rows {
		if row == nil {
			continue
		}
		cells := make([]any, len(row))
		for c, v := range row {
			cell, err := toCell(v, style)
			if err != nil {
				return err
			}
			if s, ok := cell.(string); ok && r+1 == sh.header {
				cell = excelize.Cell{StyleID: bold, Value: s}
			}
			cells[c] = cell
		}
		ref, err := excelize.CoordinatesToCellName(1, r+1)
		if err != nil {
			return err
		}
		if err := sw.SetRow(ref, cells); err != nil {
			return err
		}
	}
	for _, m := range sh.merges {
		if err := sw.MergeCell(m[0], m[1]); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// toCell turns a row value into what the stream writer takes.
func toCell(v any, style func(string) (int, error)) (any, error) {
	switch v := v.(type) {
	case dateCell:
		id, err := style(v.format)
		if err != nil {
			return nil, err
		}
		return excelize.Cell{StyleID: id, Value: v.t}, nil
	case numCell:
		id, err := style(v.format)
		if err != nil {
			return nil, err
		}
		return excelize.Cell{StyleID: id, Value: v.v}, nil
	case formulaCell:
		return excelize.Cell{Formula: v.formula, Value: v.value}, nil
	case string:
		if v == "" {
			return nil, nil
		}
	}
	return v, nil
}

// writeCells writes one sheet cell by cell.
func writeCells(f *excelize.File, sh sheet, style func(string) (int, error), bold int) error {
	for i, w := range sh.widths {
		if w > 0 {
			col, err := excelize.ColumnNumberToName(i + 1)
			if err != nil {
				return err
			}
			if err := f.SetColWidth(sh.name, col, col, w); err != nil {
				return err
			}
		}
	}
	for r, row := range sh.rows {
		for c, v := range row {
			ref, err := excelize.CoordinatesToCellName(c+1, r+1)
			if err != nil {
				return err
			}
			if err := setCell(f, sh.name, ref, v, style); err != nil {
				return fmt.Errorf("%s: %w", ref, err)
			}
			if _, ok := v.(string); ok && r+1 == sh.header {
				if err := f.SetCellStyle(sh.name, ref, ref, bold); err != nil {
					return err
				}
			}
		}
	}
	for _, m := range sh.merges {
		if err := f.MergeCell(sh.name, m[0], m[1]); err != nil {
			return err
		}
	}
	return nil
}

// setCell writes one value into one cell.
func setCell(f *excelize.File, name, ref string, v any, style func(string) (int, error)) error {
	styled := func(format string) error {
		id, err := style(format)
		if err != nil {
			return err
		}
		return f.SetCellStyle(name, ref, ref, id)
	}
	switch v := v.(type) {
	case nil:
		return nil
	case string:
		if v == "" {
			return nil
		}
		return f.SetCellStr(name, ref, v)
	case dateCell:
		if err := f.SetCellValue(name, ref, v.t); err != nil {
			return err
		}
		return styled(v.format)
	case numCell:
		if err := f.SetCellFloat(name, ref, v.v, -1, 64); err != nil {
			return err
		}
		return styled(v.format)
	case formulaCell:
		return fmt.Errorf("formula cells need a streamed sheet")
	}
	return f.SetCellValue(name, ref, v)
}

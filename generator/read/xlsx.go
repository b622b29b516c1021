package read

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Limits that make a zip bomb fail cleanly instead of filling memory.
const (
	unzipSizeLimit    = 1 << 30  // all parts together, uncompressed
	unzipXMLSizeLimit = 16 << 20 // a worksheet larger than this streams from a temp file
	maxZipRatio       = 200      // uncompressed/compressed beyond this, and big, is a bomb
)

var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// checkZip rejects files that are not zip packages, encrypted (OLE)
// workbooks and zip bombs, before excelize reads anything.
func checkZip(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return err
	}
	head := make([]byte, 8)
	if _, err := io.ReadFull(f, head); err != nil {
		return errors.New("not a spreadsheet: the file is empty or truncated")
	}
	if bytes.Equal(head, oleMagic) {
		return errors.New("the workbook is password-protected or is an old .xls file saved as .xlsx; remove the password or save it as .xlsx")
	}
	zr, err := zip.NewReader(f, st.Size())
	if err != nil {
		return fmt.Errorf("not a spreadsheet: not a valid .xlsx (zip) file: %w", err)
	}
	var total uint64
	for _, zf := range zr.File {
		total += zf.UncompressedSize64
		if total > unzipSizeLimit {
			return fmt.Errorf("the workbook unpacks to more than %d MB; refusing to read it (zip bomb?)", unzipSizeLimit>>20)
		}
	}
	if total > 64<<20 && total/uint64(max(st.Size(), 1)) > maxZipRatio {
		return fmt.Errorf("the workbook unpacks to %d MB from %d KB; refusing to read it (zip bomb?)", total>>20, st.Size()>>10)
	}
	hasWorkbook := false
	for _, zf := range zr.File {
		hasWorkbook = hasWorkbook || zf.Name == "xl/workbook.xml"
	}
	if !hasWorkbook {
		return errors.New("not a spreadsheet: the zip file holds no Excel workbook")
	}
	return nil
}

// readXLSX streams every sheet of a workbook in workbook order.
func (rd *reader) readXLSX(path string) error {
	if err := checkZip(path); err != nil {
		return rd.fileErr("", err)
	}
	f, err := excelize.OpenFile(path, excelize.Options{RawCellValue: true, UnzipSizeLimit: unzipSizeLimit, UnzipXMLSizeLimit: unzipXMLSizeLimit})
	if err != nil {
		return rd.fileErr("", fmt.Errorf("cannot open the workbook: %w", err))
	}
	defer f.Close()
	if p, err := f.GetWorkbookProps(); err == nil && p.Date1904 != nil {
		rd.date1904 = *p.Date1904
	}
	sheets := f.GetSheetList()
	rd.res.sheets = sheets
	if len(sheets) == 0 {
		return rd.fileErr("", errors.New("the workbook has no sheets"))
	}
	var errs []error
	for _, src := range rd.cfg.Sources {
		if src.Sheet == "" || !samePath(src.File, rd.rel) {
			continue
		}
		found := false
		for _, name := range sheets {
			found = found || strings.EqualFold(strings.TrimSpace(src.Sheet), name)
		}
		if !found {
			errs = append(errs, rd.fileErr(src.Sheet, fmt.Errorf("[[sources]] (line %d) names sheet %q, but the workbook has only: %s", src.Line, src.Sheet, strings.Join(sheets, ", "))))
		}
	}
	rd.sheets = len(sheets)
	for _, name := range sheets {
		if err := rd.ctx.Err(); err != nil {
			return err
		}
		if err := rd.readSheet(f, name); err != nil {
			errs = append(errs, err)
		}
	}
	if len(sheets) > 1 {
		for i := range rd.cfg.Sources {
			src := &rd.cfg.Sources[i]
			if src.Sheet == "" && samePath(src.File, rd.rel) && !rd.looseHit[src] {
				errs = append(errs, rd.fileErr("", fmt.Errorf("%s:%d: [[sources]] names this workbook for the %s table, but none of its sheets (%s) has a header row for it; name the sheet with sheet = \"…\"",
					rd.configName(), src.Line, src.Table, strings.Join(sheets, ", "))))
			}
		}
	}
	return errors.Join(errs...)
}

// readSheet streams one worksheet.
func (rd *reader) readSheet(f *excelize.File, name string) (err error) {
	defer func() {
		// excelize must never take the whole run down with a malformed part.
		if r := recover(); r != nil {
			err = rd.fileErr(name, fmt.Errorf("the sheet cannot be read: %v", r))
		}
	}()
	s, err := rd.newSheet(name, name)
	if err != nil {
		return err
	}
	rd.xf, rd.sheet = f, name
	rows, err := f.Rows(name)
	if err != nil {
		return rd.fileErr(name, fmt.Errorf("the sheet cannot be read: %w", err))
	}
	defer rows.Close()
	var cells []cell
	n := 0
	for rows.Next() {
		n++
		if n&1023 == 0 {
			if err := rd.ctx.Err(); err != nil {
				return err
			}
		}
		vals, err := rows.Columns()
		if err != nil {
			return rd.fileErr(name, fmt.Errorf("row %d cannot be read: %w", n, err))
		}
		if rd.sst == nil {
			rd.sst = numericSharedStrings(f)
		}
		cells = cells[:0]
		for _, v := range vals {
			num := looksNumeric(v)
			amb := num && rd.sst[v]
			cells = append(cells, cell{v: v, num: num && !amb, amb: amb})
		}
		if err := s.feed(n, cells); err != nil {
			return err
		}
		if s.done {
			break
		}
	}
	if err := rows.Error(); err != nil {
		return rd.fileErr(name, fmt.Errorf("the sheet cannot be read: %w", err))
	}
	return s.end()
}

// isNumberCell reports whether the cell at row and 0-based col of the sheet
// being read is a typed number. It is asked only about number-looking
// values that are also shared strings, which is rare; the first question
// makes excelize load the sheet.
func (rd *reader) isNumberCell(row, col int) bool {
	if rd.xf == nil {
		return false
	}
	t, err := rd.xf.GetCellType(rd.sheet, colLetter(col)+strconv.Itoa(row))
	return err == nil && (t == excelize.CellTypeNumber || t == excelize.CellTypeUnset)
}

// numericSharedStrings returns the shared strings that look like numbers.
// excelize's raw row reader returns a text cell's string and a number
// cell's digits alike; a value found here was text in at least one cell,
// so it is read as text (a serial number is a date only in a typed cell).
// Inline-string cells are not covered; they are rare in finance exports.
func numericSharedStrings(f *excelize.File) map[string]bool {
	m := map[string]bool{}
	if f.SharedStrings == nil {
		return m
	}
	for i := range f.SharedStrings.SI {
		if s := f.SharedStrings.SI[i].String(); looksNumeric(s) {
			m[s] = true
		}
	}
	return m
}
